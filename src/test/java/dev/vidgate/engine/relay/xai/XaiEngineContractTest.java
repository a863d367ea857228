package dev.vidgate.engine.relay.xai;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderEngineContract;

import java.nio.file.Path;

/** The relay keeps the engine port's contract with one {@code xai} channel, against a fake xAI over HTTP. */
class XaiEngineContractTest extends ProviderEngineContract<XaiRelay> {
    @Override
    protected XaiRelay open(Path workDir) {
        return new XaiRelay(workDir);
    }

    @Override
    protected Engine engine(XaiRelay relay) {
        return relay.engine;
    }

    @Override
    protected GenerationRequest request(String jobId, String prompt) {
        return XaiRelay.request(jobId, prompt);
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/8f14e45f-ceea-467f-a0e6-5f3b2c9d1a7e";
    }
}
