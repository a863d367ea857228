package dev.vidgate.engine.relay.fal;

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

import static org.assertj.core.api.Assertions.assertThat;

/** Test fixture: a relay engine with fast polling over {@link FakeFal}s (channels {@code a}, {@code b}, ...), on a test clock. */
final class FalRelay implements AutoCloseable {
    static final VideoSize HD = new VideoSize(1280, 720);

    final TestClock clock = new TestClock();
    final List<FakeFal> fals = new ArrayList<>();
    final RelayEngine engine;

    /** {@code channels} fakes in priority order; {@code publicUrl} is this gateway's public address, or {@code null}. */
    FalRelay(Path workDir, int channels, URI publicUrl) {
        this(workDir, channels, publicUrl, Duration.ofMillis(20));
    }

    /** As above, polling every {@code poll} (at most five times as far apart). */
    FalRelay(Path workDir, int channels, URI publicUrl, Duration poll) {
        List<ChannelSettings> settings = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            FakeFal fal = new FakeFal();
            fals.add(fal);
            settings.add(fal.channel(String.valueOf((char) ('a' + i))).withRouting(channels - i, 1));
        }
        RelaySettings relay = RelaySettings.defaults(settings, workDir.resolve("relay"))
                .withPolling(poll, poll.multipliedBy(5))
                .withDeadlines(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofSeconds(2))
                .withDownloads(64L * 1024 * 1024, Duration.ofSeconds(5));
        engine = new RelayEngine(relay, clock, RelayMetrics.NONE,
                new RelayServices(ModelCatalog.defaults("relay"), Submission.ImageLinks.NONE, publicUrl));
    }

    FalRelay(Path workDir) {
        this(workDir, 1, null);
    }

    FakeFal fal() { return fals.getFirst(); }

    static GenerationRequest request(String jobId, String prompt) {
        return new GenerationRequest(jobId, "pika-2.2", HD, 5, prompt, null);
    }

    static GenerationRequest request(String jobId, byte[] reference, GenerationRequest.Options options) {
        return new GenerationRequest(jobId, "pika-2.2", HD, 10, "a red kite over a beach", reference, null, options);
    }

    EngineStatus run(GenerationRequest request) {
        return Waits.engineEnd(engine, request, engine.start(request), Duration.ofSeconds(60), new ArrayList<>());
    }

    /** The end of {@code request}, which must be a failure. */
    EngineStatus.Failed failure(GenerationRequest request) {
        return (EngineStatus.Failed) assertThat(run(request)).isInstanceOf(EngineStatus.Failed.class).actual();
    }

    @Override
    public void close() {
        engine.close();
        fals.forEach(FakeFal::close);
    }
}
