package dev.vidgate.engine.relay.ark;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderEngineContract;

import java.nio.file.Path;

/** The relay keeps the engine port's contract with one {@code ark} channel, against a fake Ark over HTTP. */
class ArkEngineContractTest extends ProviderEngineContract<ArkRelay> {
    @Override
    protected ArkRelay open(Path workDir) {
        return new ArkRelay(workDir);
    }

    @Override
    protected Engine engine(ArkRelay relay) {
        return relay.engine;
    }

    @Override
    protected GenerationRequest request(String jobId, String prompt) {
        return ArkRelay.request(jobId, prompt);
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/cgt-20261206000000-abcd";
    }
}
