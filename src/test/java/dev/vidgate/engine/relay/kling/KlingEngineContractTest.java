package dev.vidgate.engine.relay.kling;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderEngineContract;
import dev.vidgate.testsupport.TestClock;

import java.nio.file.Path;

/** The relay keeps the engine port's contract with one Kling channel, against a fake of Kling's API over HTTP. */
class KlingEngineContractTest extends ProviderEngineContract<KlingFixture> {
    @Override
    protected KlingFixture open(Path workDir) {
        TestClock clock = new TestClock();
        return KlingFixture.over(workDir, clock, FakeKling.start(clock));
    }

    @Override
    protected Engine engine(KlingFixture relay) {
        return relay.engine;
    }

    @Override
    protected GenerationRequest request(String jobId, String prompt) {
        return KlingFixture.request(jobId, prompt);
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/t2v:860000000000000001";
    }
}
