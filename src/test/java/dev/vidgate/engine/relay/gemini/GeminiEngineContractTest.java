package dev.vidgate.engine.relay.gemini;

import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.google.FakeVeo;
import dev.vidgate.engine.relay.google.VeoEngineContract;

/** The relay with one {@code gemini} channel keeps the engine port's contract, against Veo's Gemini API stand-in. */
class GeminiEngineContractTest extends VeoEngineContract {
    @Override
    protected FakeVeo.Dialect dialect() { return FakeVeo.Dialect.GEMINI; }

    @Override
    protected ChannelSettings channel(FakeVeo fake) { return fake.channel("veo", new GeminiProvider(), FakeVeo.KEY); }
}
