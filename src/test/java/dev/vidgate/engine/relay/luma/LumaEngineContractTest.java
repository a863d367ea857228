package dev.vidgate.engine.relay.luma;

import dev.vidgate.engine.relay.FakeProvider;
import dev.vidgate.engine.relay.Provider;
import dev.vidgate.engine.relay.AdapterEngineContract;

/** The relay keeps the engine port's contract ({@code EngineContract}) with one Luma channel, against Luma's fake over HTTP. */
class LumaEngineContractTest extends AdapterEngineContract {
    @Override
    protected FakeProvider startFake() { return new FakeLuma(); }

    @Override
    protected Provider provider() { return new LumaProvider(); }

    @Override
    protected String baseUrl(FakeProvider fake) { return ((FakeLuma) fake).baseUrl(); }

    @Override
    protected String key() { return FakeLuma.KEY; }

    @Override
    protected String upstreamModel() { return "ray-2"; }
}
