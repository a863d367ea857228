package dev.vidgate.engine.relay.openrouter;

import dev.vidgate.engine.relay.ProviderEngineContract;

/** The relay keeps the engine port's contract with one {@code openrouter} channel, against a fake OpenRouter over HTTP. */
class OpenRouterEngineContractTest extends ProviderEngineContract<OpenRouterRelay> {
    OpenRouterEngineContractTest() {
        super(OpenRouterRelay::new, relay -> relay.engine, OpenRouterRelay::request,
                "unconfigured-channel/vgen-00000000-fake");
    }
}
