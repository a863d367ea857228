package dev.vidgate.engine.relay.runway;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ProviderEngineContract;
import dev.vidgate.engine.relay.ProviderFixture;

import java.nio.file.Path;

/** The relay keeps the engine port's contract ({@code EngineContract}) with one Runway channel, against Runway's fake over HTTP. */
class RunwayEngineContractTest extends ProviderEngineContract<ProviderFixture<FakeRunway>> {
    @Override
    protected ProviderFixture<FakeRunway> open(Path workDir) {
        FakeRunway runway = new FakeRunway();
        return ProviderFixture.adapter(workDir, runway, new RunwayProvider(), runway.root(), FakeRunway.KEY, "gen4.5");
    }

    @Override
    protected Engine engine(ProviderFixture<FakeRunway> relay) {
        return relay.engine;
    }

    @Override
    protected GenerationRequest request(String jobId, String prompt) {
        return ProviderFixture.hd(jobId, prompt);
    }

    @Override
    protected String handleItCannotResume() {
        return "unconfigured-channel/7f1c2d3e-0000-4000-8000-000000000000";
    }
}
