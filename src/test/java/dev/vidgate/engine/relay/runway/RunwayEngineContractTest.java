package dev.vidgate.engine.relay.runway;

import dev.vidgate.engine.relay.ProviderEngineContract;
import dev.vidgate.engine.relay.ProviderFixture;

/** The relay keeps the engine port's contract ({@code EngineContract}) with one Runway channel, against Runway's fake over HTTP. */
class RunwayEngineContractTest extends ProviderEngineContract<ProviderFixture<FakeRunway>> {
    RunwayEngineContractTest() {
        super(dir -> {
            FakeRunway runway = new FakeRunway();
            return ProviderFixture.adapter(dir, runway, new RunwayProvider(), runway.root(), FakeRunway.KEY, "gen4.5");
        }, relay -> relay.engine, ProviderFixture::hd,
                "unconfigured-channel/7f1c2d3e-0000-4000-8000-000000000000");
    }
}
