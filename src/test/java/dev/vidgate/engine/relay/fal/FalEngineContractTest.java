package dev.vidgate.engine.relay.fal;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineContract;
import dev.vidgate.engine.GenerationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The relay keeps the engine port's contract with one {@code fal} channel, against a fake fal queue over HTTP. */
class FalEngineContractTest extends EngineContract {
    @TempDir
    Path workDir;

    private FalRelay relay;

    @BeforeEach
    void open() {
        relay = new FalRelay(workDir);
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
        return FalRelay.request(jobId, "a paper lantern drifting on a pond");
    }

    @Override
    protected GenerationRequest failingRequest(String jobId) {
        return FalRelay.request(jobId, "something forbidden");
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/fal-ai/pika/0b7e1c2d-0000-4000-8000-000000000000";
    }
}
