package dev.vidgate.engine.relay.vertex;

import dev.vidgate.engine.relay.google.FakeVeo;
import dev.vidgate.engine.relay.google.VeoSdkContract;

import java.util.Map;

/** The official SDK through Vidgate to Veo on Vertex AI (its stand-in), with {@code project} and {@code location}. */
class VertexSdkTest extends VeoSdkContract {
    @Override
    protected FakeVeo.Dialect dialect() { return FakeVeo.Dialect.VERTEX; }

    @Override
    protected Map<String, String> channel(FakeVeo fake) {
        return Map.of("flavour", "vertex", "base-url", fake.baseUrl(), "api-key", FakeVeo.TOKEN,
                "project", FakeVeo.PROJECT, "location", FakeVeo.LOCATION);
    }

    @Override
    protected String secret() { return FakeVeo.TOKEN; }
}
