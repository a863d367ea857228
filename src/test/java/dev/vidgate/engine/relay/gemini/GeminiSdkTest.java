package dev.vidgate.engine.relay.gemini;

import dev.vidgate.engine.relay.google.FakeVeo;
import dev.vidgate.engine.relay.google.VeoSdkContract;

import java.util.Map;

/** The official SDK through Vidgate to Veo on the Gemini API (its stand-in), routed by the channel's {@code models}. */
class GeminiSdkTest extends VeoSdkContract {
    @Override
    protected FakeVeo.Dialect dialect() { return FakeVeo.Dialect.GEMINI; }

    @Override
    protected Map<String, String> channel(FakeVeo fake) {
        return Map.of("flavour", "gemini", "base-url", fake.baseUrl(), "api-key", FakeVeo.KEY);
    }

    @Override
    protected String secret() { return FakeVeo.KEY; }
}
