package dev.vidgate.engine.relay.runway;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineContract;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderFixture;
import dev.vidgate.engine.relay.Submission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/** The relay keeps the engine port's contract with one Runway channel, against Runway's fake over HTTP. */
class RunwayEngineContractTest extends EngineContract {
    @TempDir
    Path workDir;

    private FakeRunway runway;
    private ProviderFixture fixture;

    @BeforeEach
    void open() {
        runway = new FakeRunway();
        fixture = ProviderFixture.over(workDir, ProviderFixture.channel(new RunwayProvider(), runway.root(), FakeRunway.KEY,
                Map.of("sora-2", "gen4.5")), Submission.ImageLinks.NONE, null, s -> s);
    }

    @AfterEach
    void close() {
        fixture.close();
        runway.close();
    }

    @Override
    protected Engine engine() {
        return fixture.engine;
    }

    @Override
    protected GenerationRequest request(String jobId) {
        return ProviderFixture.hd(jobId, "a paper lantern drifting on a pond");
    }

    @Override
    protected GenerationRequest failingRequest(String jobId) {
        return ProviderFixture.hd(jobId, "something forbidden");
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/0b4c6d1e-0000-4000-8000-000000000000";
    }
}
