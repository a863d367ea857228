package dev.vidgate.engine.relay.comfyui;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineContract;
import dev.vidgate.engine.GenerationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The relay with one ComfyUI channel keeps the engine port's contract, against a fake ComfyUI over HTTP and a websocket. */
class ComfyUiEngineContractTest extends EngineContract {
    @TempDir
    Path workDir;

    private ComfyFixture fixture;

    @BeforeEach
    void open() {
        fixture = new ComfyFixture(workDir);
        fixture.fake.refusePromptsWith = "forbidden";
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Override
    protected Engine engine() {
        return fixture.engine;
    }

    @Override
    protected GenerationRequest request(String jobId) {
        return ComfyFixture.request(jobId);
    }

    @Override
    protected GenerationRequest failingRequest(String jobId) {
        return new GenerationRequest(jobId, "sora-2", new dev.vidgate.catalog.VideoSize(320, 176), 1, "something forbidden", null);
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/1f0e2d3c-0000-4000-8000-000000000000";
    }
}
