package dev.vidgate.engine.relay.openrouter;

import dev.vidgate.engine.relay.SoraThroughSdkContract;
import dev.vidgate.testsupport.TestServer;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;

import static dev.vidgate.testsupport.SoraThroughSdk.assertInline;
import static dev.vidgate.testsupport.SoraThroughSdk.relayServer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unchanged Sora clients reach Veo 3.1 through OpenRouter: a relay with one {@code openrouter} channel mapping
 * {@code sora-2} to {@code google/veo-3.1}; the fake OpenRouter receives the jobs with an inline first frame, and the
 * video is fetched from its content route.
 */
class OpenRouterThroughOfficialSdkTest extends SoraThroughSdkContract {
    private final FakeOpenRouter router = new FakeOpenRouter();

    @Override
    protected TestServer start(Path dir) { return relayServer(dir, "openrouter", router.baseUrl(), FakeOpenRouter.KEY, "sora-2=google/veo-3.1"); }

    @Override
    protected AutoCloseable upstream() { return router; }

    @Override
    protected JsonNode createFor(String prompt) {
        return router.onlySeen(FakeOpenRouter.CREATE, b -> b.get("prompt").asString().equals(prompt));
    }

    @Override
    protected void assertLandscapeWithReference(JsonNode body, byte[] png) {
        assertThat(body.get("model").asString()).isEqualTo("google/veo-3.1");
        assertThat(body.get("aspect_ratio").asString()).isEqualTo("16:9");
        assertThat(body.get("resolution").asString()).isEqualTo("720p");
        assertThat(body.get("duration").isIntegralNumber()).isTrue();
        assertThat(body.get("duration").asInt()).isEqualTo(8);
        assertThat(body.get("frame_images")).singleElement().satisfies(frame -> {
            assertThat(frame.get("frame_type").asString()).isEqualTo("first_frame");
            assertInline(frame.get("image_url").get("url").asString(), "image/png", png);
        });
    }

    @Override
    protected void assertPortraitTextOnly(JsonNode body) {
        assertThat(body.has("frame_images")).isFalse();
        assertThat(body.get("aspect_ratio").asString()).isEqualTo("9:16");
        assertThat(body.get("duration").asInt()).isEqualTo(4);
    }

    /** Also: the video came from OpenRouter's content route. */
    @Override
    protected List<String> traces() {
        assertThat(router.seen(FakeOpenRouter.CONTENT)).isNotEmpty();
        return List.of(router.origin(), FakeOpenRouter.KEY, "vgen-");
    }
}
