package dev.vidgate.testsupport;

import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.RelayEngine;
import dev.vidgate.engine.relay.RelayMetrics;
import dev.vidgate.engine.relay.RelayServices;
import dev.vidgate.engine.relay.RelaySettings;
import dev.vidgate.engine.relay.Submission;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Test fixture for a provider adapter: a relay engine with fast polling over {@code channels} fakes of one provider
 * (channels {@code a}, {@code b}, ... in priority order: failover goes down the list), the shipped catalog, a test
 * clock, and a public address for callbacks or none.
 */
public class ProviderRelay<F extends ProviderFake> implements AutoCloseable {
    public final TestClock clock = new TestClock();
    public final List<F> fakes = new ArrayList<>();
    public final RelayEngine engine;

    /** @param channel the channel of a fake, given its name */
    protected ProviderRelay(Path workDir, int channels, Supplier<F> fake, BiFunction<F, String, ChannelSettings> channel, URI publicUrl) {
        List<ChannelSettings> settings = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            F f = fake.get();
            fakes.add(f);
            settings.add(channel.apply(f, String.valueOf((char) ('a' + i))).withRouting(channels - i, 1));
        }
        RelaySettings relay = RelaySettings.defaults(settings, workDir.resolve("relay"))
                .withPolling(Duration.ofMillis(20), Duration.ofMillis(100))
                .withDeadlines(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofSeconds(2))
                .withDownloads(64L * 1024 * 1024, Duration.ofSeconds(5));
        engine = new RelayEngine(relay, clock, RelayMetrics.NONE,
                new RelayServices(ModelCatalog.defaults("relay"), Submission.ImageLinks.NONE, publicUrl));
    }

    /** The job's end, waited for with a deadline. */
    public EngineStatus run(GenerationRequest request) {
        return Waits.engineEnd(engine, request, engine.start(request), Duration.ofSeconds(60), new ArrayList<>());
    }

    /** The end of {@code request}, which must be a failure. */
    public EngineStatus.Failed failure(GenerationRequest request) {
        EngineStatus status = run(request);
        if (status instanceof EngineStatus.Failed failed) return failed;
        throw new AssertionError("expected a failure, got " + status);
    }

    /** Starts a job that never ends upstream, lets the poller see it twice, then moves the clock past the deadline: its end. */
    public EngineStatus pastTheDeadline(GenerationRequest request, Supplier<Integer> polls) {
        String handle = engine.start(request);
        Waits.engineStatus(engine, request, handle, Duration.ofSeconds(30), s -> polls.get() >= 2);
        clock.advance(Duration.ofHours(2));
        return Waits.engineEnd(engine, request, handle, Duration.ofSeconds(30), new ArrayList<>());
    }

    @Override
    public void close() {
        engine.close();
        fakes.forEach(ProviderFake::close);
    }
}
