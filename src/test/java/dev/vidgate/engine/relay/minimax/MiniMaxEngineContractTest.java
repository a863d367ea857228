package dev.vidgate.engine.relay.minimax;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderEngineContract;
import dev.vidgate.engine.relay.ProviderFixture;

import java.nio.file.Path;

/** The relay keeps the engine port's contract with one MiniMax channel, against a fake of MiniMax's v1 API over HTTP. */
class MiniMaxEngineContractTest extends ProviderEngineContract<ProviderFixture<FakeMiniMax>> {
    @Override
    protected ProviderFixture<FakeMiniMax> open(Path workDir) {
        return MiniMaxFixture.relay(workDir);
    }

    @Override
    protected Engine engine(ProviderFixture<FakeMiniMax> relay) {
        return relay.engine;
    }

    @Override
    protected GenerationRequest request(String jobId, String prompt) {
        return MiniMaxFixture.request(jobId, prompt);
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/106916112212001";
    }
}
