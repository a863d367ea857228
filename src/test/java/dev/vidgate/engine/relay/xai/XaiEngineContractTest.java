package dev.vidgate.engine.relay.xai;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineContract;
import dev.vidgate.engine.GenerationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The relay keeps the engine port's contract with one {@code xai} channel, against a fake xAI over HTTP. */
class XaiEngineContractTest extends EngineContract {
    @TempDir
    Path workDir;

    private XaiRelay relay;

    @BeforeEach
    void open() {
        relay = new XaiRelay(workDir);
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
        return XaiRelay.request(jobId, "a paper lantern drifting on a pond");
    }

    @Override
    protected GenerationRequest failingRequest(String jobId) {
        return XaiRelay.request(jobId, "something forbidden");
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/8f14e45f-ceea-467f-a0e6-5f3b2c9d1a7e";
    }
}
