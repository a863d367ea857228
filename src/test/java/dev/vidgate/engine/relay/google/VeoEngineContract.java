package dev.vidgate.engine.relay.google;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineContract;
import dev.vidgate.engine.GenerationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The relay with one Veo channel keeps the engine port's contract against a {@link FakeVeo}; a subclass per surface. */
public abstract class VeoEngineContract extends EngineContract {
    @TempDir
    Path workDir;

    private FakeVeo upstream;
    private VeoJobs jobs;

    protected abstract FakeVeo.Dialect dialect();

    /** This surface's channel at {@code fake}. */
    protected abstract dev.vidgate.engine.relay.ChannelSettings channel(FakeVeo fake);

    @BeforeEach
    void open() {
        upstream = FakeVeo.start(dialect());
        jobs = new VeoJobs(channel(upstream), workDir, new dev.vidgate.testsupport.TestClock());
    }

    @AfterEach
    void close() {
        jobs.close();
        upstream.close();
    }

    @Override
    protected Engine engine() {
        return jobs.engine;
    }

    @Override
    protected GenerationRequest request(String jobId) {
        return VeoJobs.request(jobId, "a paper lantern drifting on a pond");
    }

    @Override
    protected GenerationRequest failingRequest(String jobId) {
        return VeoJobs.request(jobId, "something forbidden");
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/models/veo-3.1-fast-generate-001/operations/abc";
    }
}
