package dev.vidgate.engine.relay.ark;

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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: a relay engine with fast polling over {@link FakeArk}s (channels {@code a}, {@code b}, ...), on a test clock. */
final class ArkRelay implements AutoCloseable {
    static final String SEEDANCE = "seedance-1-0-pro-250528";
    static final VideoSize HD = new VideoSize(1280, 720);

    final TestClock clock = new TestClock();
    final List<FakeArk> arks = new ArrayList<>();
    final RelayEngine engine;

    /** One fake per channel, in priority order; the first serves {@code sora-2} as {@code upstreamModel}, the others as Seedance 1.0 Pro. */
    ArkRelay(Path workDir, ModelCatalog catalog, int channels, String upstreamModel) {
        List<ChannelSettings> settings = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            FakeArk ark = new FakeArk(clock);
            arks.add(ark);
            // a first, b next: failover goes down the list in order
            settings.add(ark.channel(String.valueOf((char) ('a' + i)), i == 0 ? upstreamModel : SEEDANCE).withRouting(channels - i, 1));
        }
        RelaySettings relay = RelaySettings.defaults(settings, workDir.resolve("relay"))
                .withPolling(Duration.ofMillis(20), Duration.ofMillis(100))
                .withDeadlines(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofSeconds(2))
                .withDownloads(64L * 1024 * 1024, Duration.ofSeconds(5));
        engine = new RelayEngine(relay, clock, RelayMetrics.NONE, new RelayServices(catalog, Submission.ImageLinks.NONE, null));
    }

    ArkRelay(Path workDir) {
        this(workDir, ModelCatalog.defaults("relay"), 1, SEEDANCE);
    }

    FakeArk ark() { return arks.getFirst(); }

    static GenerationRequest request(String jobId, String prompt) {
        return new GenerationRequest(jobId, "sora-2", HD, 5, prompt, null);
    }

    static GenerationRequest request(String jobId, byte[] reference, GenerationRequest.Options options) {
        return new GenerationRequest(jobId, "sora-2", HD, 8, "a red kite over a beach", reference, null, options);
    }

    EngineStatus run(GenerationRequest request) {
        return Waits.engineEnd(engine, request, engine.start(request), Duration.ofSeconds(60), new ArrayList<>());
    }

    /** The end of {@code request}, which must be a failure. */
    EngineStatus.Failed failure(GenerationRequest request) {
        EngineStatus status = run(request);
        if (status instanceof EngineStatus.Failed failed) return failed;
        throw new AssertionError("expected a failure, got " + status);
    }

    @Override
    public void close() {
        engine.close();
        arks.forEach(FakeArk::close);
    }
}
