package dev.vidgate.engine.relay.ark;

import dev.vidgate.engine.relay.SoraThroughSdkContract;
import dev.vidgate.engine.relay.ark.FakeArk.Route;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;

import static dev.vidgate.testsupport.SoraThroughSdk.assertInline;
import static dev.vidgate.testsupport.SoraThroughSdk.relayServer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unchanged Sora clients reach Seedance: a relay with one {@code ark} channel mapping {@code sora-2} to Seedance 1.0
 * Pro; the fake Ark receives the jobs as Ark's {@code content} list (the prompt, then an inline first frame).
 */
class ArkThroughOfficialSdkTest extends SoraThroughSdkContract {
    private final FakeArk ark = new FakeArk(new TestClock());

    @Override
    protected TestServer start(Path dir) { return relayServer(dir, "ark", ark.baseUrl(), FakeArk.KEY, "sora-2=seedance-1-0-pro-250528"); }

    @Override
    protected AutoCloseable upstream() { return ark; }

    @Override
    protected JsonNode createFor(String prompt) {
        List<JsonNode> bodies = ark.seen(Route.CREATE).stream().map(FakeArk.Seen::json)
                .filter(b -> b.get("content").get(0).get("text").asString().equals(prompt)).toList();
        assertThat(bodies).hasSize(1);
        return bodies.getFirst();
    }

    @Override
    protected void assertLandscapeWithReference(JsonNode body, byte[] png) {
        assertThat(body.get("model").asString()).isEqualTo("seedance-1-0-pro-250528");
        assertThat(body.get("ratio").asString()).isEqualTo("16:9");
        assertThat(body.get("resolution").asString()).isEqualTo("720p");
        assertThat(body.get("duration").isIntegralNumber()).isTrue();
        assertThat(body.get("duration").asInt()).isEqualTo(8);
        JsonNode image = body.get("content").get(1);
        assertThat(image.get("role").asString()).isEqualTo("first_frame");
        assertInline(image.get("image_url").get("url").asString(), "image/png", png);
    }

    @Override
    protected void assertPortraitTextOnly(JsonNode body) {
        assertThat(body.get("content")).hasSize(1);
        assertThat(body.get("ratio").asString()).isEqualTo("9:16");
        assertThat(body.get("duration").asInt()).isEqualTo(4);
    }

    @Override
    protected List<String> traces() { return List.of("cgt-", ark.baseUrl(), FakeArk.KEY, "X-Tos"); }
}
