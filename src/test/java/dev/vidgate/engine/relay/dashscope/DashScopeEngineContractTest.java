package dev.vidgate.engine.relay.dashscope;

import dev.vidgate.engine.relay.ProviderFixture;
import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineContract;
import dev.vidgate.engine.GenerationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The relay keeps the engine port's contract with one DashScope channel, against a fake of Model Studio over HTTP. */
class DashScopeEngineContractTest extends EngineContract {
    @TempDir
    Path workDir;

    private ProviderFixture<FakeDashScope> relay;

    @BeforeEach
    void open() {
        relay = DashScopeFixture.relay(workDir);
    }

    @AfterEach
    void close() throws Exception {
        relay.close();
    }

    @Override
    protected Engine engine() {
        return relay.engine;
    }

    @Override
    protected GenerationRequest request(String jobId) {
        return DashScopeFixture.request(jobId, "a paper lantern drifting on a pond");
    }

    @Override
    protected GenerationRequest failingRequest(String jobId) {
        return DashScopeFixture.request(jobId, "something forbidden");
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/0385dc79-5ff8-4d82-bcb6-000000000001";
    }
}
