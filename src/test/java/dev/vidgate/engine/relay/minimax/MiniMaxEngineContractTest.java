package dev.vidgate.engine.relay.minimax;

import dev.vidgate.engine.relay.ProviderFixture;
import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineContract;
import dev.vidgate.engine.GenerationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The relay keeps the engine port's contract with one MiniMax channel, against a fake of MiniMax's v1 API over HTTP. */
class MiniMaxEngineContractTest extends EngineContract {
    @TempDir
    Path workDir;

    private ProviderFixture<FakeMiniMax> relay;

    @BeforeEach
    void open() {
        relay = MiniMaxFixture.relay(workDir);
    }

    @AfterEach
    void close() throws Exception {
        relay.close();
    }

    @Override
    protected Engine engine() {
        return relay.engine;
    }

    @Override
    protected GenerationRequest request(String jobId) {
        return MiniMaxFixture.request(jobId, "a paper lantern drifting on a pond");
    }

    @Override
    protected GenerationRequest failingRequest(String jobId) {
        return MiniMaxFixture.request(jobId, "something forbidden");
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/106916112212001";
    }
}
