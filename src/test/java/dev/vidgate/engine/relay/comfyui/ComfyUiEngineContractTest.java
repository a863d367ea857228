package dev.vidgate.engine.relay.comfyui;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderEngineContract;

/** The relay with one ComfyUI channel keeps the engine port's contract, against a fake ComfyUI over HTTP and a websocket. */
class ComfyUiEngineContractTest extends ProviderEngineContract<ComfyFixture> {
    ComfyUiEngineContractTest() {
        super(dir -> {
            ComfyFixture fixture = new ComfyFixture(dir);
            fixture.fake.refusePromptsWith = "forbidden";
            return fixture;
        }, relay -> relay.engine, (jobId, prompt) -> new GenerationRequest(jobId, "sora-2", new VideoSize(320, 176), 1, prompt, null),
                "unconfigured-channel/1f0e2d3c-0000-4000-8000-000000000000");
    }
}
