package dev.vidgate.engine.relay.fal;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderEngineContract;

import java.nio.file.Path;

/** The relay keeps the engine port's contract with one {@code fal} channel, against a fake fal queue over HTTP. */
class FalEngineContractTest extends ProviderEngineContract<FalRelay> {
    @Override
    protected FalRelay open(Path workDir) {
        return new FalRelay(workDir);
    }

    @Override
    protected Engine engine(FalRelay relay) {
        return relay.engine;
    }

    @Override
    protected GenerationRequest request(String jobId, String prompt) {
        return FalRelay.request(jobId, prompt);
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/fal-ai/pika/0b7e1c2d-0000-4000-8000-000000000000";
    }
}
