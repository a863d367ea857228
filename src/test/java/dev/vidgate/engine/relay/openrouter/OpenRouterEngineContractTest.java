package dev.vidgate.engine.relay.openrouter;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderEngineContract;

import java.nio.file.Path;

/** The relay keeps the engine port's contract with one {@code openrouter} channel, against a fake OpenRouter over HTTP. */
class OpenRouterEngineContractTest extends ProviderEngineContract<OpenRouterRelay> {
    @Override
    protected OpenRouterRelay open(Path workDir) {
        return new OpenRouterRelay(workDir);
    }

    @Override
    protected Engine engine(OpenRouterRelay relay) {
        return relay.engine;
    }

    @Override
    protected GenerationRequest request(String jobId, String prompt) {
        return OpenRouterRelay.request(jobId, prompt);
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/vgen-00000000-fake";
    }
}
