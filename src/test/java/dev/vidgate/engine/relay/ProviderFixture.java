package dev.vidgate.engine.relay;

import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.Waits;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test fixture for a provider adapter: a relay engine with fast polling over channels at the provider's fakes (one, or
 * {@code a}, {@code b}, ... in priority order: failover goes down the list), a test clock, the shipped catalog and
 * optionally a public address (for callback URLs). Closing it closes the fakes too. The provider packages use it
 * because they cannot reach the relay's package-private {@link RelayFixture}; a provider may subclass it to add its
 * own requests.
 *
 * @param <F> the fake upstream
 */
public class ProviderFixture<F extends AutoCloseable> implements AutoCloseable {
    public final TestClock clock = new TestClock();
    /** The fakes, one per channel in priority order. */
    public final List<F> fakes;
    /** The first fake. */
    public final F fake;
    public final RelayEngine engine;

    /** @param publicUrl this gateway's address as providers would reach it, or {@code null} for none */
    public ProviderFixture(Path workDir, F fake, ChannelSettings channel, URI publicUrl) {
        this(workDir, List.of(fake), List.of(channel), Submission.ImageLinks.NONE, publicUrl, s -> s);
    }

    /**
     * {@code channels} fresh fakes, each a channel named {@code a}, {@code b}, ... ranked in that order.
     *
     * @param channel the channel of a fake, given its name
     */
    protected ProviderFixture(Path workDir, int channels, Supplier<F> fake, BiFunction<F, String, ChannelSettings> channel,
                              URI publicUrl) {
        this(workDir, channels, fake, channel, publicUrl, s -> s);
    }

    /** As above; {@code tune} may change the fast defaults (polling, say). */
    protected ProviderFixture(Path workDir, int channels, Supplier<F> fake, BiFunction<F, String, ChannelSettings> channel,
                              URI publicUrl, UnaryOperator<RelaySettings> tune) {
        this(workDir, Stream.generate(fake).limit(channels).toList(), channel, publicUrl, tune);
    }

    private ProviderFixture(Path workDir, List<F> fakes, BiFunction<F, String, ChannelSettings> channel, URI publicUrl,
                            UnaryOperator<RelaySettings> tune) {
        this(workDir, fakes, IntStream.range(0, fakes.size())
                .mapToObj(i -> channel.apply(fakes.get(i), String.valueOf((char) ('a' + i))).withRouting(fakes.size() - i, 1))
                .toList(), Submission.ImageLinks.NONE, publicUrl, tune);
    }

    private ProviderFixture(Path workDir, List<F> fakes, List<ChannelSettings> channels, Submission.ImageLinks links,
                            URI publicUrl, UnaryOperator<RelaySettings> tune) {
        this.fakes = fakes;
        this.fake = fakes.getFirst();
        RelaySettings settings = tune.apply(RelayFixture.fastPolling(channels, workDir.resolve("relay")));
        this.engine = new RelayEngine(settings, clock, RelayMetrics.NONE,
                new RelayServices(ModelCatalog.defaults("relay"), links, publicUrl));
    }

    /**
     * The engine over {@code channel} at a fake the caller closes itself; {@code links} plays the gateway's image links,
     * and {@code tune} may change the fast defaults (deadlines, say).
     */
    public static ProviderFixture<AutoCloseable> over(Path workDir, ChannelSettings channel, Submission.ImageLinks links,
                                                      URI publicUrl, UnaryOperator<RelaySettings> tune) {
        return new ProviderFixture<>(workDir, List.of(() -> { }), List.of(channel), links, publicUrl, tune);
    }

    /**
     * The engine over one channel of {@code provider} at {@code fake} (reached at {@code baseUrl}), which also plays the
     * gateway's image links, serving our {@code sora-2} as {@code upstreamModel}.
     */
    public static <F extends FakeProvider> ProviderFixture<F> adapter(Path workDir, F fake, Provider provider, String baseUrl,
                                                                      String key, String upstreamModel) {
        return new ProviderFixture<>(workDir, List.of(fake), List.of(channel(provider, baseUrl, key, Map.of("sora-2", upstreamModel))),
                fake.links(), null, s -> s);
    }

    /** A channel at {@code baseUrl} with test-friendly timeouts, serving our models under the names in {@code models}. */
    public static ChannelSettings channel(Provider provider, String baseUrl, String key, Map<String, String> models) {
        return ChannelSettings.of("main", URI.create(baseUrl), ApiKey.of(key), provider)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withModels(models);
    }

    /** A five-second 1280x720 job for our {@code sora-2}, which a channel maps onto the provider's model. */
    public static GenerationRequest hd(String jobId, String prompt) {
        return new GenerationRequest(jobId, "sora-2", new VideoSize(1280, 720), 5, prompt, null);
    }

    /**
     * A whole server whose engine is the relay, with one channel ({@code provider}) of {@code flavour} at {@code baseUrl}
     * polled every 200 ms to 1 s, and {@code extra} properties besides: what a provider's end-to-end test runs against.
     */
    public static TestServer server(Path dataDir, String flavour, String baseUrl, String apiKey, Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "vidgate.engine", "relay",
                "vidgate.relay.channels[0].name", "provider",
                "vidgate.relay.channels[0].flavour", flavour,
                "vidgate.relay.channels[0].base-url", baseUrl,
                "vidgate.relay.channels[0].api-key", apiKey,
                "vidgate.relay.poll-interval", "200ms",
                "vidgate.relay.max-poll-interval", "1s"));
        properties.putAll(extra);
        return TestServer.start(dataDir, new TestClock(), properties);
    }

    /** Starts {@code request} and waits for its end (Done, Failed or Waiting). */
    public EngineStatus run(GenerationRequest request) {
        return awaitEnd(request, engine.start(request));
    }

    public EngineStatus awaitEnd(GenerationRequest request, String handle) {
        return Waits.engineEnd(engine, request, handle, Duration.ofSeconds(60), new ArrayList<>());
    }

    /** Waits until {@code handle} reports at least {@code progress}. */
    public void awaitProgress(GenerationRequest request, String handle, int progress) {
        Waits.engineStatus(engine, request, handle, Duration.ofSeconds(30),
                status -> status instanceof EngineStatus.Running r && r.progress() >= progress);
    }

    /** The end of {@code request}, which must be a failure. */
    public EngineStatus.Failed failure(GenerationRequest request) {
        EngineStatus status = run(request);
        if (status instanceof EngineStatus.Failed failed) return failed;
        throw new AssertionError("expected a failure, got " + status);
    }

    /**
     * Runs {@code request} to its end, which must be a failure with {@code code} whose message names none of
     * {@code secrets} (the key, the fake's address, upstream ids) nor a loopback address.
     */
    public EngineStatus.Failed fails(GenerationRequest request, String code, String... secrets) {
        EngineStatus.Failed failed = failure(request);
        assertThat(failed.code()).isEqualTo(code);
        assertThat(failed.message()).doesNotContain(secrets).doesNotContain("127.0.0.1");
        return failed;
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
        for (F f : fakes) {
            try {
                f.close();
            } catch (Exception e) {
                throw new IllegalStateException("a fake did not close", e);
            }
        }
    }
}
