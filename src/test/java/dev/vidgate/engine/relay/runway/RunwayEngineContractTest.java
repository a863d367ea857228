package dev.vidgate.engine.relay.runway;

import dev.vidgate.engine.relay.FakeProvider;
import dev.vidgate.engine.relay.Provider;
import dev.vidgate.engine.relay.AdapterEngineContract;

/** The relay keeps the engine port's contract ({@code EngineContract}) with one Runway channel, against Runway's fake over HTTP. */
class RunwayEngineContractTest extends AdapterEngineContract {
    @Override
    protected FakeProvider startFake() { return new FakeRunway(); }

    @Override
    protected Provider provider() { return new RunwayProvider(); }

    @Override
    protected String baseUrl(FakeProvider fake) { return fake.root(); }

    @Override
    protected String key() { return FakeRunway.KEY; }

    @Override
    protected String upstreamModel() { return "gen4.5"; }
}
