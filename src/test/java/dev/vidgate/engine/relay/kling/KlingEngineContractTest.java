package dev.vidgate.engine.relay.kling;

import dev.vidgate.engine.relay.ProviderEngineContract;
import dev.vidgate.testsupport.TestClock;

/** The relay keeps the engine port's contract with one Kling channel, against a fake of Kling's API over HTTP. */
class KlingEngineContractTest extends ProviderEngineContract<KlingFixture> {
    KlingEngineContractTest() {
        super(dir -> {
            TestClock clock = new TestClock();
            return KlingFixture.over(dir, clock, FakeKling.start(clock));
        }, relay -> relay.engine, KlingFixture::request,
                "unconfigured-channel/t2v:860000000000000001");
    }
}
