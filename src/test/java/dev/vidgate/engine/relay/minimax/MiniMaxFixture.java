package dev.vidgate.engine.relay.minimax;

import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.RelayEngine;
import dev.vidgate.engine.relay.RelayMetrics;
import dev.vidgate.engine.relay.RelayServices;
import dev.vidgate.engine.relay.RelaySettings;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.Waits;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Test fixture: a relay engine with one MiniMax channel at a fake, fast polling, a test clock and optionally a public address. */
final class MiniMaxFixture implements AutoCloseable {
    static final VideoSize HAILUO = new VideoSize(1366, 768);

    final TestClock clock = new TestClock();
    final FakeMiniMax fake = FakeMiniMax.start();
    final RelayEngine engine;

    MiniMaxFixture(Path workDir) {
        this(workDir, c -> c, null);
    }

    MiniMaxFixture(Path workDir, UnaryOperator<ChannelSettings> tune, URI publicUrl) {
        RelaySettings settings = RelaySettings.defaults(List.of(tune.apply(fake.channel("hailuo"))), workDir.resolve("relay"))
                .withPolling(Duration.ofMillis(20), Duration.ofMillis(100))
                .withDeadlines(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofSeconds(2))
                .withDownloads(64L * 1024 * 1024, Duration.ofSeconds(5));
        engine = new RelayEngine(settings, clock, RelayMetrics.NONE,
                new RelayServices(ModelCatalog.defaults("relay"), Submission.ImageLinks.NONE, publicUrl));
    }

    /** Hailuo 02 text to video, 1366x768, 6 s. */
    static GenerationRequest request(String jobId, String prompt) {
        return new GenerationRequest(jobId, "MiniMax-Hailuo-02", HAILUO, 6, prompt, null);
    }

    /** H3 text to video, 1366x768, 5 s. */
    static GenerationRequest h3(String jobId, String prompt) {
        return new GenerationRequest(jobId, "MiniMax-H3", HAILUO, 5, prompt, null);
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
