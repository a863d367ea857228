package dev.vidgate.engine.relay.ark;

import dev.vidgate.engine.relay.ProviderEngineContract;

/** The relay keeps the engine port's contract with one {@code ark} channel, against a fake Ark over HTTP. */
class ArkEngineContractTest extends ProviderEngineContract<ArkRelay> {
    ArkEngineContractTest() {
        super(ArkRelay::new, relay -> relay.engine, ArkRelay::request,
                "unconfigured-channel/cgt-20261206000000-abcd");
    }
}
