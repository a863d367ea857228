package dev.vidgate.engine.relay;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineContract;
import dev.vidgate.engine.GenerationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/**
 * The engine port's contract on a relay with one channel of a provider adapter at its fake: our {@code sora-2} goes to
 * the provider as {@link #upstreamModel}, a prompt with "forbidden" is refused by the provider's moderation, and the
 * fake also plays the gateway's image links (a remix sends the source's first frame).
 */
public abstract class AdapterEngineContract extends EngineContract {
    @TempDir
    Path workDir;

    private FakeProvider fake;
    private ProviderFixture<?> fixture;

    protected abstract FakeProvider startFake();

    protected abstract Provider provider();

    /** The channel's base URL at {@code fake}. */
    protected abstract String baseUrl(FakeProvider fake);

    protected abstract String key();

    protected abstract String upstreamModel();

    @BeforeEach
    void open() {
        fake = startFake();
        fixture = ProviderFixture.over(workDir, ProviderFixture.channel(provider(), baseUrl(fake), key(), Map.of("sora-2", upstreamModel())),
                fake.links(), null, s -> s);
    }

    @AfterEach
    void close() {
        fixture.close();
        fake.close();
    }

    @Override
    protected final Engine engine() {
        return fixture.engine;
    }

    @Override
    protected final GenerationRequest request(String jobId) {
        return ProviderFixture.hd(jobId, "a paper lantern drifting on a pond");
    }

    @Override
    protected final GenerationRequest failingRequest(String jobId) {
        return ProviderFixture.hd(jobId, "something forbidden");
    }

    @Override
    protected final String handleItCannotResume() {
        return "unconfigured-channel/7f1c2d3e-0000-4000-8000-000000000000";
    }
}
