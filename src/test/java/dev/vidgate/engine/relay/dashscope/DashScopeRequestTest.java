package dev.vidgate.engine.relay.dashscope;

import dev.vidgate.engine.relay.ProviderFixture;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ApiKey;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a Sora-shaped job and its optional fields become DashScope's video-synthesis body. */
class DashScopeRequestTest {
    @TempDir
    Path dir;

    private ProviderFixture<FakeDashScope> relay;

    @AfterEach
    void close() throws Exception {
        if (relay != null) relay.close();
    }

    @Test
    void aTextJobSendsTheExactSizeTheDurationAsANumberAndTheOptionalFields() {
        relay = DashScopeFixture.relay(dir, c -> c.withOptions(Map.of("prompt-extend", "false")));
        var options = new GenerationRequest.Options("blurry, low quality", 42L, false, null);
        var request = new GenerationRequest("video_t2v", "wan2.5-t2v-preview", DashScopeFixture.HD, 10, "a lantern", null, null, options);
        assertThat(relay.run(request)).isInstanceOf(EngineStatus.Done.class);

        JsonNode body = relay.fake.creates().getFirst();
        assertThat(body.path("model").asString()).isEqualTo("wan2.5-t2v-preview");
        assertThat(body.path("input").path("prompt").asString()).isEqualTo("a lantern");
        assertThat(body.path("input").path("negative_prompt").asString()).isEqualTo("blurry, low quality");
        assertThat(body.path("input").has("img_url")).isFalse();
        JsonNode parameters = body.path("parameters");
        assertThat(parameters.path("size").asString()).isEqualTo("1280*720");
        assertThat(parameters.has("resolution")).isFalse();
        assertThat(parameters.path("duration").isIntegralNumber()).isTrue();
        assertThat(parameters.path("duration").asInt()).isEqualTo(10);
        assertThat(parameters.path("seed").asLong()).isEqualTo(42L);
        assertThat(parameters.path("audio").asBoolean(true)).isFalse();
        assertThat(parameters.path("watermark").asBoolean(true)).isFalse();
        assertThat(parameters.path("prompt_extend").asBoolean(true)).isFalse();
    }

    @Test
    void withoutOptionalFieldsNoneIsSent() {
        relay = DashScopeFixture.relay(dir);
        var request = new GenerationRequest("video_plain", "wan2.2-t2v-plus", new dev.vidgate.catalog.VideoSize(832, 480), 5, "a lantern", null);
        assertThat(relay.run(request)).isInstanceOf(EngineStatus.Done.class);
        JsonNode body = relay.fake.creates().getFirst();
        assertThat(body.path("input").has("negative_prompt")).isFalse();
        assertThat(body.path("parameters").has("seed")).isFalse();
        assertThat(body.path("parameters").has("audio")).as("Wan 2.2 makes no sound: nothing to ask").isFalse();
        assertThat(body.path("parameters").has("prompt_extend")).isFalse();
        assertThat(body.path("parameters").path("size").asString()).isEqualTo("832*480");
    }

    @Test
    void anImageJobSendsTheFirstFrameInlineAndTheResolutionTier() {
        relay = DashScopeFixture.relay(dir);
        byte[] png = TestImages.png(1280, 720);
        var request = new GenerationRequest("video_i2v", "wan2.5-i2v-preview", DashScopeFixture.HD, 5, "the lantern drifts", png);
        assertThat(relay.run(request)).isInstanceOf(EngineStatus.Done.class);

        JsonNode body = relay.fake.creates().getFirst();
        assertThat(body.path("input").path("img_url").asString()).startsWith("data:image/png;base64,");
        assertThat(FakeDashScope.image(body)).isEqualTo(png);
        assertThat(body.path("parameters").path("resolution").asString()).isEqualTo("720P");
        assertThat(body.path("parameters").has("size")).isFalse();
    }

    @Test
    void anImageModelWithoutAnImageIsRefusedBeforeAnythingIsSent() {
        relay = DashScopeFixture.relay(dir);
        var request = new GenerationRequest("video_noimage", "wan2.2-i2v-plus", new dev.vidgate.catalog.VideoSize(1920, 1080), 5, "a lantern", null);
        EngineStatus status = relay.run(request);
        assertThat(status).isInstanceOf(EngineStatus.Failed.class);
        assertThat(((EngineStatus.Failed) status).message()).contains("wan2.2-i2v-plus makes a video from an image");
        assertThat(relay.fake.creates()).isEmpty();
    }

    @Test
    void aPromptExtendOptionOtherThanTrueOrFalseStopsTheStartNamingIt() {
        ChannelSettings channel = ChannelSettings.of("wan", URI.create("https://dashscope-intl.aliyuncs.com"), ApiKey.of("sk-x-0123456789"),
                new DashScopeProvider()).withOptions(Map.of("prompt-extend", "maybe"));
        assertThatThrownBy(() -> new DashScopeProvider().check(channel)).hasMessage("options.prompt-extend must be true or false");
        assertThat(new DashScopeProvider().defaultBaseUrl()).contains(URI.create("https://dashscope-intl.aliyuncs.com"));
    }
}
