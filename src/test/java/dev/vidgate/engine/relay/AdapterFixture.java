package dev.vidgate.engine.relay;

import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.Waits;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A relay engine with one channel of a provider adapter, fast polling and a test clock: what a provider package's
 * contract and fault tests run against (the adapter packages cannot reach the relay's package-private fixtures).
 */
public final class AdapterFixture implements AutoCloseable {
    public final TestClock clock = new TestClock();
    public final RelayEngine engine;

    private AdapterFixture(RelaySettings settings, Submission.ImageLinks links, URI publicUrl) {
        engine = new RelayEngine(settings, clock, RelayMetrics.NONE, new RelayServices(ModelCatalog.defaults("relay"), links, publicUrl));
    }

    /** The engine over {@code channel}; {@code tune} may change the fast defaults (deadlines, say). */
    public static AdapterFixture over(Path workDir, ChannelSettings channel, Submission.ImageLinks links, URI publicUrl,
                                       UnaryOperator<RelaySettings> tune) {
        return new AdapterFixture(tune.apply(RelayFixture.fast(List.of(channel), workDir)), links, publicUrl);
    }

    /** A channel at {@code baseUrl} with test-friendly timeouts, serving our models under the names in {@code models}. */
    public static ChannelSettings channel(Provider provider, String baseUrl, String key, Map<String, String> models) {
        return ChannelSettings.of("main", URI.create(baseUrl), ApiKey.of(key), provider)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withModels(models);
    }

    /** A five-second 1280x720 job for our {@code sora-2}, which a channel maps onto the provider's model. */
    public static GenerationRequest hd(String jobId, String prompt) {
        return new GenerationRequest(jobId, "sora-2", new dev.vidgate.catalog.VideoSize(1280, 720), 5, prompt, null);
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

    @Override
    public void close() {
        engine.close();
    }
}
