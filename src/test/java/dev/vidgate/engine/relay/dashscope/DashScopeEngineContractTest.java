package dev.vidgate.engine.relay.dashscope;

import dev.vidgate.engine.relay.ProviderEngineContract;
import dev.vidgate.engine.relay.ProviderFixture;

/** The relay keeps the engine port's contract with one DashScope channel, against a fake of Model Studio over HTTP. */
class DashScopeEngineContractTest extends ProviderEngineContract<ProviderFixture<FakeDashScope>> {
    DashScopeEngineContractTest() {
        super(DashScopeFixture::relay, relay -> relay.engine, DashScopeFixture::request,
                "unconfigured-channel/0385dc79-5ff8-4d82-bcb6-000000000001");
    }
}
