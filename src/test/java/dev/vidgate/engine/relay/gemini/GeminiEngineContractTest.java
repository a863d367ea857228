package dev.vidgate.engine.relay.gemini;

import dev.vidgate.engine.relay.google.FakeVeo;
import dev.vidgate.engine.relay.google.VeoEngineContract;

/** The relay with one {@code gemini} channel keeps the engine port's contract, against Veo's Gemini API stand-in. */
class GeminiEngineContractTest extends VeoEngineContract {
    GeminiEngineContractTest() {
        super(FakeVeo.Dialect.GEMINI, fake -> fake.channel("veo", new GeminiProvider(), FakeVeo.KEY));
    }
}
