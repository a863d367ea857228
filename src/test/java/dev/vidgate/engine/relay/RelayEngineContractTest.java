package dev.vidgate.engine.relay;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineContract;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.catalog.VideoSize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The relay keeps the engine port's contract, against a fake OpenAI-compatible upstream over HTTP. */
class RelayEngineContractTest extends EngineContract {
    @TempDir
    Path workDir;

    private FakeUpstream upstream;
    private RelayEngine engine;

    @BeforeEach
    void open() {
        upstream = FakeUpstream.start(Flavour.OPENAI);
        RelaySettings settings = RelaySettings.defaults(List.of(upstream.channel("main")), workDir)
                .withPolling(Duration.ofMillis(20), Duration.ofMillis(100));
        engine = new RelayEngine(settings, new TestClock());
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
        return new GenerationRequest(jobId, "sora-2", new VideoSize(320, 180), 1, "a paper lantern drifting on a pond", null);
    }

    @Override
    protected GenerationRequest failingRequest(String jobId) {
        return new GenerationRequest(jobId, "sora-2", new VideoSize(320, 180), 1, "something forbidden", null);
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/video_abc";
    }
}
