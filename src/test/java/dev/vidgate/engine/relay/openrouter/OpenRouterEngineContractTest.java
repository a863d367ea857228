package dev.vidgate.engine.relay.openrouter;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineContract;
import dev.vidgate.engine.GenerationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The relay keeps the engine port's contract with one {@code openrouter} channel, against a fake OpenRouter over HTTP. */
class OpenRouterEngineContractTest extends EngineContract {
    @TempDir
    Path workDir;

    private OpenRouterRelay relay;

    @BeforeEach
    void open() {
        relay = new OpenRouterRelay(workDir);
    }

    @AfterEach
    void close() {
        relay.close();
    }

    @Override
    protected Engine engine() {
        return relay.engine;
    }

    @Override
    protected GenerationRequest request(String jobId) {
        return OpenRouterRelay.request(jobId, "a paper lantern drifting on a pond");
    }

    @Override
    protected GenerationRequest failingRequest(String jobId) {
        return OpenRouterRelay.request(jobId, "something forbidden");
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/vgen-00000000-fake";
    }
}
