package dev.vidgate.engine.relay.fal;

import dev.vidgate.engine.relay.ProviderEngineContract;

/** The relay keeps the engine port's contract with one {@code fal} channel, against a fake fal queue over HTTP. */
class FalEngineContractTest extends ProviderEngineContract<FalRelay> {
    FalEngineContractTest() {
        super(FalRelay::new, relay -> relay.engine, FalRelay::request,
                "unconfigured-channel/fal-ai/pika/0b7e1c2d-0000-4000-8000-000000000000");
    }
}
