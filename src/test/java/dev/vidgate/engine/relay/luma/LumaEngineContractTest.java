package dev.vidgate.engine.relay.luma;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderEngineContract;
import dev.vidgate.engine.relay.ProviderFixture;

import java.nio.file.Path;

/** The relay keeps the engine port's contract ({@code EngineContract}) with one Luma channel, against Luma's fake over HTTP. */
class LumaEngineContractTest extends ProviderEngineContract<ProviderFixture<FakeLuma>> {
    @Override
    protected ProviderFixture<FakeLuma> open(Path workDir) {
        FakeLuma luma = new FakeLuma();
        return ProviderFixture.adapter(workDir, luma, new LumaProvider(), luma.baseUrl(), FakeLuma.KEY, "ray-2");
    }

    @Override
    protected Engine engine(ProviderFixture<FakeLuma> relay) {
        return relay.engine;
    }

    @Override
    protected GenerationRequest request(String jobId, String prompt) {
        return ProviderFixture.hd(jobId, prompt);
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/7f1c2d3e-0000-4000-8000-000000000000";
    }
}
