package dev.vidgate.engine.relay.luma;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineContract;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/** The relay keeps the engine port's contract with one Luma channel, against Luma's fake over HTTP. */
class LumaEngineContractTest extends EngineContract {
    @TempDir
    Path workDir;

    private FakeLuma luma;
    private ProviderFixture fixture;

    @BeforeEach
    void open() {
        luma = new FakeLuma();
        // the fake also plays the gateway's image links: a remix's first frame is fetched from it
        fixture = ProviderFixture.over(workDir, ProviderFixture.channel(new LumaProvider(), luma.baseUrl(), FakeLuma.KEY,
                Map.of("sora-2", "ray-2")), luma.links(), null, s -> s);
    }

    @AfterEach
    void close() {
        fixture.close();
        luma.close();
    }

    @Override
    protected Engine engine() {
        return fixture.engine;
    }

    @Override
    protected GenerationRequest request(String jobId) {
        return ProviderFixture.hd(jobId, "a paper lantern drifting on a pond");
    }

    @Override
    protected GenerationRequest failingRequest(String jobId) {
        return ProviderFixture.hd(jobId, "something forbidden");
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/7f1c2d3e-0000-4000-8000-000000000000";
    }
}
