package dev.vidgate.engine.relay.google;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.ProviderEngineContract;
import dev.vidgate.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;

import java.nio.file.Path;

/** The relay with one Veo channel keeps the engine port's contract against a {@link FakeVeo}; a subclass per surface. */
public abstract class VeoEngineContract extends ProviderEngineContract<VeoJobs> {
    private FakeVeo upstream;

    protected abstract FakeVeo.Dialect dialect();

    /** This surface's channel at {@code fake}. */
    protected abstract ChannelSettings channel(FakeVeo fake);

    @Override
    protected final VeoJobs open(Path workDir) {
        upstream = FakeVeo.start(dialect());
        return new VeoJobs(channel(upstream), workDir, new TestClock());
    }

    @AfterEach
    void closeUpstream() {
        upstream.close();
    }

    @Override
    protected final Engine engine(VeoJobs jobs) {
        return jobs.engine;
    }

    @Override
    protected final GenerationRequest request(String jobId, String prompt) {
        return VeoJobs.request(jobId, prompt);
    }

    @Override
    protected final String handleItCannotResume() {
        return "unconfigured-channel/models/veo-3.1-fast-generate-001/operations/abc";
    }
}
