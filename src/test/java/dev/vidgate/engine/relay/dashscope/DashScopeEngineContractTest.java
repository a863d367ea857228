package dev.vidgate.engine.relay.dashscope;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderEngineContract;
import dev.vidgate.engine.relay.ProviderFixture;

import java.nio.file.Path;

/** The relay keeps the engine port's contract with one DashScope channel, against a fake of Model Studio over HTTP. */
class DashScopeEngineContractTest extends ProviderEngineContract<ProviderFixture<FakeDashScope>> {
    @Override
    protected ProviderFixture<FakeDashScope> open(Path workDir) {
        return DashScopeFixture.relay(workDir);
    }

    @Override
    protected Engine engine(ProviderFixture<FakeDashScope> relay) {
        return relay.engine;
    }

    @Override
    protected GenerationRequest request(String jobId, String prompt) {
        return DashScopeFixture.request(jobId, prompt);
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/0385dc79-5ff8-4d82-bcb6-000000000001";
    }
}
