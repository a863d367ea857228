package dev.vidgate.engine.relay.kling;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineContract;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The relay keeps the engine port's contract with one Kling channel, against a fake of Kling's API over HTTP. */
class KlingEngineContractTest extends EngineContract {
    @TempDir
    Path workDir;

    private KlingFixture relay;

    @BeforeEach
    void open() {
        TestClock clock = new TestClock();
        relay = KlingFixture.over(workDir, clock, FakeKling.start(clock));
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
        return KlingFixture.request(jobId, "a paper lantern drifting on a pond");
    }

    @Override
    protected GenerationRequest failingRequest(String jobId) {
        return KlingFixture.request(jobId, "something forbidden");
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/t2v:860000000000000001";
    }
}
