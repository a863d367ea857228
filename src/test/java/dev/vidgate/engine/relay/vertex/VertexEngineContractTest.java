package dev.vidgate.engine.relay.vertex;

import dev.vidgate.engine.relay.google.FakeVeo;
import dev.vidgate.engine.relay.google.VeoEngineContract;

/** The relay with one {@code vertex} channel (a static token) keeps the engine port's contract, against Vertex's stand-in. */
class VertexEngineContractTest extends VeoEngineContract {
    VertexEngineContractTest() {
        super(FakeVeo.Dialect.VERTEX, fake -> fake.channel("veo", new VertexProvider(), FakeVeo.TOKEN));
    }
}
