package dev.vidgate.engine.relay.openrouter;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.testsupport.ProviderFake;
import dev.vidgate.testsupport.SoraThroughSdk;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a Sora-shaped request, its optional fields and our callback become in OpenRouter's submit body. */
class OpenRouterRequestMappingTest {
    @TempDir
    Path dir;

    @Test
    void bothFramesGoInlineWithTheirFrameTypesAndSizeSecondsSeedAndSoundAreOpenRoutersFields() {
        byte[] first = TestImages.png(1280, 720);
        byte[] last = TestImages.jpeg(1280, 720);
        var options = new GenerationRequest.Options("no people", 42L, true, last);
        try (OpenRouterRelay relay = new OpenRouterRelay(dir)) {
            GenerationRequest request = new GenerationRequest("video_frames", "sora-2", OpenRouterRelay.HD, 8, "a red kite over a beach", first, null, options);
            assertThat(relay.run(request)).isInstanceOf(EngineStatus.Done.class);

            JsonNode body = onlyCreate(relay);
            assertThat(body.get("model").asString()).isEqualTo(FakeOpenRouter.VEO);
            assertThat(body.get("prompt").asString()).isEqualTo("a red kite over a beach");
            assertThat(body.get("duration").isIntegralNumber()).isTrue();
            assertThat(body.get("duration").asInt()).isEqualTo(8);
            assertThat(body.get("resolution").asString()).isEqualTo("720p");
            assertThat(body.get("aspect_ratio").asString()).isEqualTo("16:9");
            assertThat(body.get("seed").asLong()).isEqualTo(42);
            assertThat(body.get("generate_audio").asBoolean(false)).isTrue();
            assertFrame(body.get("frame_images").get(0), "first_frame", "image/png", first);
            assertFrame(body.get("frame_images").get(1), "last_frame", "image/jpeg", last);
            // OpenRouter's body has no negative prompt, and without a public address there is no callback
            assertThat(body.toString()).doesNotContain("no people");
            assertThat(body.has("callback_url")).isFalse();
        }
    }

    @Test
    void withAPublicAddressTheSubmitCarriesTheJobsCallbackUrl() {
        try (OpenRouterRelay relay = new OpenRouterRelay(dir, 1, URI.create("https://videos.example.com"))) {
            GenerationRequest tall = new GenerationRequest("video_tall", "sora-2", new VideoSize(1080, 1920), 4, "a tall tower", null);
            assertThat(relay.run(tall)).isInstanceOf(EngineStatus.Done.class);
            JsonNode body = onlyCreate(relay);
            assertThat(body.get("callback_url").asString()).startsWith("https://videos.example.com/relay/callbacks/");
            assertThat(body.get("aspect_ratio").asString()).isEqualTo("9:16");
            assertThat(body.get("resolution").asString()).isEqualTo("1080p");
            assertThat(body.has("frame_images")).isFalse();
            assertThat(body.has("seed")).isFalse();
            assertThat(body.has("generate_audio")).isFalse();
        }
    }

    @Test
    void aModelWithoutASoundSwitchGetsNoGenerateAudioAndOneWithoutALastFrameOnlyTheFirst() {
        byte[] first = TestImages.png(1280, 720);
        var options = new GenerationRequest.Options(null, 7L, true, null);
        try (OpenRouterRelay relay = new OpenRouterRelay(dir, 1, null, "alibaba/wan-2.6")) {
            GenerationRequest request = new GenerationRequest("video_wan", "sora-2", OpenRouterRelay.HD, 5, "a rice field", first, null, options);
            assertThat(relay.run(request)).isInstanceOf(EngineStatus.Done.class);
            JsonNode body = onlyCreate(relay);
            assertThat(body.get("model").asString()).isEqualTo("alibaba/wan-2.6");
            assertThat(body.has("generate_audio")).isFalse();
            assertThat(body.get("seed").asLong()).isEqualTo(7);
            assertThat(body.get("frame_images")).singleElement().satisfies(f -> assertThat(f.get("frame_type").asString()).isEqualTo("first_frame"));
        }
    }

    private static JsonNode onlyCreate(OpenRouterRelay relay) {
        List<ProviderFake.Seen> creates = relay.router.seen(FakeOpenRouter.CREATE);
        assertThat(creates).hasSize(1);
        assertThat(creates.getFirst().headers().get("Authorization")).containsExactly("Bearer " + FakeOpenRouter.KEY);
        return creates.getFirst().json();
    }

    private static void assertFrame(JsonNode frame, String type, String mediaType, byte[] bytes) {
        assertThat(frame.get("type").asString()).isEqualTo("image_url");
        assertThat(frame.get("frame_type").asString()).isEqualTo(type);
        SoraThroughSdk.assertInline(frame.get("image_url").get("url").asString(), mediaType, bytes);
    }
}
