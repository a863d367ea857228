package dev.vidgate.engine.relay;

import dev.vidgate.catalog.ModelCatalog;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test fixture for a provider adapter: a relay engine with one channel at the provider's fake, fast polling, a test
 * clock, the shipped catalog and optionally a public address (for callback URLs). Closing it closes the fake too.
 *
 * @param <F> the fake upstream
 */
public final class ProviderFixture<F extends AutoCloseable> implements AutoCloseable {
    public final TestClock clock = new TestClock();
    public final F fake;
    public final RelayEngine engine;

    /** @param publicUrl this gateway's address as providers would reach it, or {@code null} for none */
    public ProviderFixture(Path workDir, F fake, ChannelSettings channel, URI publicUrl) {
        this.fake = fake;
        RelaySettings settings = RelaySettings.defaults(List.of(channel), workDir.resolve("relay"))
                .withPolling(Duration.ofMillis(20), Duration.ofMillis(100))
                .withDeadlines(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofSeconds(2))
                .withDownloads(64L * 1024 * 1024, Duration.ofSeconds(5));
        this.engine = new RelayEngine(settings, clock, RelayMetrics.NONE,
                new RelayServices(ModelCatalog.defaults("relay"), Submission.ImageLinks.NONE, publicUrl));
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

    /** Starts {@code request} and waits for its end. */
    public EngineStatus run(GenerationRequest request) {
        return Waits.engineEnd(engine, request, engine.start(request), Duration.ofSeconds(60), new ArrayList<>());
    }

    /**
     * Runs {@code request} to its end, which must be a failure with {@code code} whose message names none of
     * {@code secrets} (the key, the fake's address, upstream ids) nor a loopback address.
     */
    public EngineStatus.Failed fails(GenerationRequest request, String code, String... secrets) {
        EngineStatus status = run(request);
        assertThat(status).isInstanceOf(EngineStatus.Failed.class);
        EngineStatus.Failed failed = (EngineStatus.Failed) status;
        assertThat(failed.code()).isEqualTo(code);
        assertThat(failed.message()).doesNotContain(secrets).doesNotContain("127.0.0.1");
        return failed;
    }

    @Override
    public void close() throws Exception {
        engine.close();
        fake.close();
    }
}
