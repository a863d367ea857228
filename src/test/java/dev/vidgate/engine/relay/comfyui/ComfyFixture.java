package dev.vidgate.engine.relay.comfyui;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.RelayEngine;
import dev.vidgate.engine.relay.RelaySettings;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.Waits;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Test fixture: a relay engine with one {@code comfyui} channel at a {@link FakeComfyUi}, fast polling, a test clock. */
final class ComfyFixture implements AutoCloseable {
    final FakeComfyUi fake = FakeComfyUi.start();
    final TestClock clock = new TestClock();
    final RelayEngine engine;

    ComfyFixture(Path workDir) {
        this(workDir, c -> c);
    }

    private final UnaryOperator<ChannelSettings> tune;

    ComfyFixture(Path workDir, UnaryOperator<ChannelSettings> tune) {
        this.tune = tune;
        engine = new RelayEngine(settings(workDir), clock);
        fake.output = FakeOutputs.mp4(320, 176, 17, 16);
    }

    /** A second relay (another node, or this one after a restart) with the same channel at the same fake. */
    record Resumed(RelayEngine engine) implements AutoCloseable {
        @Override
        public void close() {
            engine.close();
        }
    }

    Resumed another(Path workDir) {
        return new Resumed(new RelayEngine(settings(workDir), clock));
    }

    private RelaySettings settings(Path workDir) {
        return RelaySettings.defaults(List.of(tune.apply(fake.channel("gpu"))), workDir)
                .withPolling(Duration.ofMillis(20), Duration.ofMillis(100))
                .withDeadlines(Duration.ofMinutes(30), Duration.ofMinutes(10), Duration.ofSeconds(2))
                .withDownloads(64L * 1024 * 1024, Duration.ofSeconds(5))
                .withCircuit(3, Duration.ofSeconds(30));
    }

    static GenerationRequest request(String jobId, int width, int height, int seconds, byte[] reference, GenerationRequest.Options options) {
        return new GenerationRequest(jobId, "sora-2", new VideoSize(width, height), seconds, "a paper lantern drifting on a pond",
                reference, null, options);
    }

    static GenerationRequest request(String jobId) {
        return request(jobId, 320, 176, 1, null, GenerationRequest.Options.NONE);
    }

    EngineStatus run(GenerationRequest request) {
        return run(request, new ArrayList<>());
    }

    EngineStatus run(GenerationRequest request, List<Integer> progress) {
        return Waits.engineEnd(engine, request, engine.start(request), Duration.ofSeconds(60), progress);
    }

    @Override
    public void close() {
        engine.close();
        fake.close();
    }
}
