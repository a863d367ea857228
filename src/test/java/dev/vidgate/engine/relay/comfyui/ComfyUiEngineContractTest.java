package dev.vidgate.engine.relay.comfyui;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.Engine;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderEngineContract;

import java.nio.file.Path;

/** The relay with one ComfyUI channel keeps the engine port's contract, against a fake ComfyUI over HTTP and a websocket. */
class ComfyUiEngineContractTest extends ProviderEngineContract<ComfyFixture> {
    @Override
    protected ComfyFixture open(Path workDir) {
        ComfyFixture fixture = new ComfyFixture(workDir);
        fixture.fake.refusePromptsWith = "forbidden";
        return fixture;
    }

    @Override
    protected Engine engine(ComfyFixture relay) {
        return relay.engine;
    }

    @Override
    protected GenerationRequest request(String jobId, String prompt) {
        return new GenerationRequest(jobId, "sora-2", new VideoSize(320, 176), 1, prompt, null);
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/1f0e2d3c-0000-4000-8000-000000000000";
    }
}
