package dev.vidgate.engine.relay.xai;

import dev.vidgate.engine.relay.ProviderEngineContract;

/** The relay keeps the engine port's contract with one {@code xai} channel, against a fake xAI over HTTP. */
class XaiEngineContractTest extends ProviderEngineContract<XaiRelay> {
    XaiEngineContractTest() {
        super(XaiRelay::new, relay -> relay.engine, XaiRelay::request,
                "unconfigured-channel/8f14e45f-ceea-467f-a0e6-5f3b2c9d1a7e");
    }
}
