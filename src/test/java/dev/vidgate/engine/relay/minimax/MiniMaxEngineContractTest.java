package dev.vidgate.engine.relay.minimax;

import dev.vidgate.engine.relay.ProviderEngineContract;
import dev.vidgate.engine.relay.ProviderFixture;

/** The relay keeps the engine port's contract with one MiniMax channel, against a fake of MiniMax's v1 API over HTTP. */
class MiniMaxEngineContractTest extends ProviderEngineContract<ProviderFixture<FakeMiniMax>> {
    MiniMaxEngineContractTest() {
        super(MiniMaxFixture::relay, relay -> relay.engine, MiniMaxFixture::request,
                "unconfigured-channel/106916112212001");
    }
}
