package dev.vidgate.engine.relay.openrouter;

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

/**
 * Test fixture: a relay engine with fast polling over {@link FakeOpenRouter}s (channels {@code a}, {@code b}, ... in
 * priority order, serving {@code sora-2} as Veo 3.1), on a test clock, with or without a public address (callbacks).
 */
final class OpenRouterRelay implements AutoCloseable {
    static final VideoSize HD = new VideoSize(1280, 720);

    final TestClock clock = new TestClock();
    final List<FakeOpenRouter> fakes = new ArrayList<>();
    final FakeOpenRouter router;
    final RelayEngine engine;

    OpenRouterRelay(Path workDir) {
        this(workDir, 1, null);
    }

    OpenRouterRelay(Path workDir, int channels, URI publicUrl) {
        List<ChannelSettings> settings = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            FakeOpenRouter fake = new FakeOpenRouter();
            fakes.add(fake);
            settings.add(fake.channel(String.valueOf((char) ('a' + i)), FakeOpenRouter.VEO).withRouting(channels - i, 1));
        }
        router = fakes.getFirst();
        RelaySettings relay = RelaySettings.defaults(settings, workDir.resolve("relay"))
                .withPolling(Duration.ofMillis(20), Duration.ofMillis(100))
                .withDeadlines(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofSeconds(2))
                .withDownloads(64L * 1024 * 1024, Duration.ofSeconds(5));
        engine = new RelayEngine(relay, clock, RelayMetrics.NONE,
                new RelayServices(ModelCatalog.defaults("relay"), Submission.ImageLinks.NONE, publicUrl));
    }

    static GenerationRequest request(String jobId, String prompt) {
        return new GenerationRequest(jobId, "sora-2", HD, 8, prompt, null);
    }

    EngineStatus run(GenerationRequest request) {
        return Waits.engineEnd(engine, request, engine.start(request), Duration.ofSeconds(60), new ArrayList<>());
    }

    EngineStatus.Failed failure(GenerationRequest request) {
        EngineStatus status = run(request);
        if (status instanceof EngineStatus.Failed failed) return failed;
        throw new AssertionError("expected a failure, got " + status);
    }

    @Override
    public void close() {
        engine.close();
        fakes.forEach(FakeOpenRouter::close);
    }
}
