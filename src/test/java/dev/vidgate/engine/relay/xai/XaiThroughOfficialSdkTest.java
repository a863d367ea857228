package dev.vidgate.engine.relay.xai;

import dev.vidgate.engine.relay.SoraThroughSdkContract;
import dev.vidgate.testsupport.TestServer;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;

import static dev.vidgate.testsupport.SoraThroughSdk.assertInline;
import static dev.vidgate.testsupport.SoraThroughSdk.relayServer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unchanged Sora clients reach Grok Imagine: a relay with one {@code xai} channel mapping {@code sora-2} to
 * {@code grok-imagine-video}; the fake xAI receives the jobs with xAI's ratio, resolution, integer duration and an
 * inline image.
 */
class XaiThroughOfficialSdkTest extends SoraThroughSdkContract {
    private final FakeXai xai = new FakeXai();

    @Override
    protected TestServer start(Path dir) { return relayServer(dir, "xai", xai.baseUrl(), FakeXai.KEY, "sora-2=grok-imagine-video"); }

    @Override
    protected AutoCloseable upstream() { return xai; }

    @Override
    protected JsonNode createFor(String prompt) { return xai.onlySeen(FakeXai.CREATE, b -> b.get("prompt").asString().equals(prompt)); }

    @Override
    protected void assertLandscapeWithReference(JsonNode body, byte[] png) {
        assertThat(body.get("model").asString()).isEqualTo("grok-imagine-video");
        assertThat(body.get("aspect_ratio").asString()).isEqualTo("16:9");
        assertThat(body.get("resolution").asString()).isEqualTo("720p");
        assertThat(body.get("duration").isIntegralNumber()).isTrue();
        assertThat(body.get("duration").asInt()).isEqualTo(8);
        assertInline(body.get("image").get("url").asString(), "image/png", png);
    }

    @Override
    protected void assertPortraitTextOnly(JsonNode body) {
        assertThat(body.has("image")).isFalse();
        assertThat(body.get("aspect_ratio").asString()).isEqualTo("9:16");
        assertThat(body.get("duration").asInt()).isEqualTo(4);
    }

    @Override
    protected List<String> traces() { return List.of(xai.origin(), FakeXai.KEY, "xai-vidgen"); }
}
