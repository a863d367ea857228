package dev.vidgate.engine.relay.ark;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineContract;
import dev.vidgate.engine.GenerationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The relay keeps the engine port's contract with one {@code ark} channel, against a fake Ark over HTTP. */
class ArkEngineContractTest extends EngineContract {
    @TempDir
    Path workDir;

    private ArkRelay relay;

    @BeforeEach
    void open() {
        relay = new ArkRelay(workDir);
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
        return ArkRelay.request(jobId, "a paper lantern drifting on a pond");
    }

    @Override
    protected GenerationRequest failingRequest(String jobId) {
        return ArkRelay.request(jobId, "something forbidden");
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/cgt-20261206000000-abcd";
    }
}
