package dev.vidgate.engine.relay.fal;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.ApiKey;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.engine.relay.fal.FakeFal.Route;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a fal channel sends: Pika's input from a Sora-shaped request and its optional fields, the image-to-video path
 * for a reference, the callback URL as {@code fal_webhook} only when there is one; and what it refuses at start.
 */
class FalRequestTest {
    private static final URI PUBLIC = URI.create("https://videos.example.com/");

    @TempDir
    Path dir;

    @Test
    void aTextJobGoesToTheTextPathWithRatioResolutionAndAnIntegerDuration() {
        try (FalRelay relay = new FalRelay(dir)) {
            assertThat(relay.run(FalRelay.request("video_t", "a tram in the rain"))).isInstanceOf(EngineStatus.Done.class);
            FakeFal.Seen create = relay.fal().seen(Route.CREATE).getFirst();
            assertThat(create.path()).isEqualTo("/" + FakeFal.TEXT);
            assertThat(create.query()).isNull();
            assertThat(create.headers().get("Authorization")).containsExactly("Key " + FakeFal.KEY);
            JsonNode body = create.json();
            assertThat(body.get("prompt").asString()).isEqualTo("a tram in the rain");
            assertThat(body.get("aspect_ratio").asString()).isEqualTo("16:9");
            assertThat(body.get("resolution").asString()).isEqualTo("720p");
            assertThat(body.get("duration").isIntegralNumber()).isTrue();
            assertThat(body.get("duration").asInt()).isEqualTo(5);
            assertThat(body.has("image_url")).isFalse();
            assertThat(body.has("negative_prompt")).isFalse();
            assertThat(body.has("seed")).isFalse();
        }
    }

    @Test
    void aReferenceGoesInlineToTheImagePathWithTheOptionalFields() {
        try (FalRelay relay = new FalRelay(dir)) {
            byte[] jpeg = TestImages.jpeg(1280, 720);
            var options = new GenerationRequest.Options("blurry, text", 42L, true, null);
            assertThat(relay.run(FalRelay.request("video_i", jpeg, options))).isInstanceOf(EngineStatus.Done.class);
            FakeFal.Seen create = relay.fal().seen(Route.CREATE).getFirst();
            assertThat(create.path()).isEqualTo("/" + FakeFal.IMAGE);
            JsonNode body = create.json();
            assertThat(body.get("image_url").asString()).startsWith("data:image/jpeg;base64,");
            assertThat(Base64.getDecoder().decode(body.get("image_url").asString().substring("data:image/jpeg;base64,".length())))
                    .isEqualTo(jpeg);
            assertThat(body.get("negative_prompt").asString()).isEqualTo("blurry, text");
            assertThat(body.get("seed").asLong()).isEqualTo(42L);
            assertThat(body.get("duration").asInt()).isEqualTo(10);
            assertThat(body.has("aspect_ratio")).as("image to video follows its image").isFalse();
            assertThat(body.has("generate_audio")).as("Pika has no sound to switch").isFalse();
            String requestId = relay.fal().seen(Route.STATUS).getFirst().path().split("/")[4];
            assertThat(relay.fal().seen(Route.STATUS).getFirst().path()).isEqualTo("/fal-ai/pika/requests/" + requestId + "/status");
        }
    }

    @Test
    void aLastFrameIsRefusedBeforeAnythingIsSent() {
        try (FalRelay relay = new FalRelay(dir)) {
            var options = new GenerationRequest.Options(null, null, null, TestImages.png(64, 64));
            EngineStatus.Failed failed = relay.failure(FalRelay.request("video_last", TestImages.png(1280, 720), options));
            assertThat(failed.message()).contains("last frame");
            assertThat(failed.retryable()).isFalse();
            assertThat(relay.fal().seen(Route.CREATE)).isEmpty();
        }
    }

    @Test
    void withAPublicAddressTheCreateCarriesTheJobsCallbackAsFalWebhook() {
        try (FalRelay relay = new FalRelay(dir, 1, PUBLIC)) {
            relay.engine.start(FalRelay.request("video_cb", "a kite"));
            FakeFal.Seen create = relay.fal().seen(Route.CREATE).getFirst();
            assertThat(create.query()).startsWith("fal_webhook=https%3A%2F%2Fvideos.example.com%2Frelay%2Fcallbacks%2F");
        }
    }

    @Test
    void withoutAPublicAddressNoWebhookIsSent() {
        try (FalRelay relay = new FalRelay(dir)) {
            relay.engine.start(FalRelay.request("video_nocb", "a kite"));
            assertThat(relay.fal().seen(Route.CREATE).getFirst().query()).isNull();
        }
    }

    @Test
    void aChannelWithoutFalPathsOrKeyIsRefusedAtStartNamingTheSetting() {
        FalProvider fal = new FalProvider();
        ChannelSettings base = ChannelSettings.of("fal", FalProvider.DEFAULT_BASE, ApiKey.of("k:s"), fal);
        assertThatThrownBy(() -> fal.check(base)).hasMessageStartingWith("models must map");
        assertThatThrownBy(() -> fal.check(base.withModels(Map.of("pika-2.2", "pika"))))
                .hasMessageStartingWith("models: pika-2.2=pika is not a fal model path");
        assertThatThrownBy(() -> fal.check(base.withModels(Map.of("pika-2.2", FakeFal.TEXT)).withOptions(Map.of("image-model", "x y"))))
                .hasMessageStartingWith("options.image-model must be a fal model path");
        assertThatThrownBy(() -> fal.check(ChannelSettings.of("fal", FalProvider.DEFAULT_BASE, null, fal).withModels(Map.of("pika-2.2", FakeFal.TEXT))))
                .hasMessageStartingWith("api-key");
        fal.check(base.withModels(Map.of("pika-2.2", FakeFal.TEXT)).withOptions(Map.of("image-model", FakeFal.IMAGE)));
    }
}
