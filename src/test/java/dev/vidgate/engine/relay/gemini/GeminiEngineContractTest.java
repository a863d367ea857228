package dev.vidgate.engine.relay.gemini;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineContract;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.RelayEngine;
import dev.vidgate.engine.relay.RelaySettings;
import dev.vidgate.engine.relay.google.FakeVeo;
import dev.vidgate.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The relay with one {@code gemini} channel keeps the engine port's contract, against Veo's Gemini API stand-in. */
class GeminiEngineContractTest extends EngineContract {
    @TempDir
    Path workDir;

    private FakeVeo upstream;
    private RelayEngine engine;

    @BeforeEach
    void open() {
        upstream = FakeVeo.start(FakeVeo.Dialect.GEMINI);
        var channel = upstream.channel("veo", new GeminiProvider(), FakeVeo.KEY)
                .withModels(Map.of("sora-2", "veo-3.1-fast-generate-001"));
        engine = new RelayEngine(RelaySettings.defaults(List.of(channel), workDir)
                .withPolling(Duration.ofMillis(20), Duration.ofMillis(100)), new TestClock());
    }

    @AfterEach
    void close() {
        engine.close();
        upstream.close();
    }

    @Override
    protected Engine engine() {
        return engine;
    }

    @Override
    protected GenerationRequest request(String jobId) {
        return new GenerationRequest(jobId, "sora-2", new VideoSize(1280, 720), 4, "a paper lantern drifting on a pond", null);
    }

    @Override
    protected GenerationRequest failingRequest(String jobId) {
        return new GenerationRequest(jobId, "sora-2", new VideoSize(1280, 720), 4, "something forbidden", null);
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/models/veo-3.1-fast-generate-001/operations/abc";
    }
}
