package dev.vidgate.engine.relay.dashscope;

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

/** Test fixture: a relay engine with one DashScope channel at a fake, fast polling and a test clock. */
final class DashScopeFixture implements AutoCloseable {
    static final VideoSize HD = new VideoSize(1280, 720);

    final TestClock clock = new TestClock();
    final FakeDashScope fake = FakeDashScope.start();
    final RelayEngine engine;

    DashScopeFixture(Path workDir) {
        this(workDir, channel -> channel);
    }

    DashScopeFixture(Path workDir, java.util.function.UnaryOperator<ChannelSettings> tune) {
        RelaySettings settings = RelaySettings.defaults(List.of(tune.apply(fake.channel("wan"))), workDir.resolve("relay"))
                .withPolling(Duration.ofMillis(20), Duration.ofMillis(100))
                .withDeadlines(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofSeconds(2))
                .withDownloads(64L * 1024 * 1024, Duration.ofSeconds(5));
        engine = new RelayEngine(settings, clock);
    }

    /** Wan 2.5 text to video, 1280x720, 5 s. */
    static GenerationRequest request(String jobId, String prompt) {
        return new GenerationRequest(jobId, "wan2.5-t2v-preview", HD, 5, prompt, null);
    }

    EngineStatus run(GenerationRequest request) {
        return Waits.engineEnd(engine, request, engine.start(request), Duration.ofSeconds(60), new ArrayList<>());
    }

    @Override
    public void close() {
        engine.close();
        fake.close();
    }
}
