package dev.vidgate.engine.relay.luma;

import dev.vidgate.engine.relay.ProviderEngineContract;
import dev.vidgate.engine.relay.ProviderFixture;

/** The relay keeps the engine port's contract ({@code EngineContract}) with one Luma channel, against Luma's fake over HTTP. */
class LumaEngineContractTest extends ProviderEngineContract<ProviderFixture<FakeLuma>> {
    LumaEngineContractTest() {
        super(dir -> {
            FakeLuma luma = new FakeLuma();
            return ProviderFixture.adapter(dir, luma, new LumaProvider(), luma.baseUrl(), FakeLuma.KEY, "ray-2");
        }, relay -> relay.engine, ProviderFixture::hd,
                "unconfigured-channel/7f1c2d3e-0000-4000-8000-000000000000");
    }
}
