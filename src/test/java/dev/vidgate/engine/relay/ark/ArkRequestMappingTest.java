package dev.vidgate.engine.relay.ark;

import dev.vidgate.catalog.Audio;
import dev.vidgate.catalog.Capabilities;
import dev.vidgate.catalog.Format;
import dev.vidgate.catalog.Input;
import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.ModelSpec;
import dev.vidgate.catalog.PriceUnit;
import dev.vidgate.catalog.Pricing;
import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.EngineOutput;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.ark.FakeArk.Route;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a Sora-shaped request and its optional fields become in Ark's create body, and what Ark's usage becomes. */
class ArkRequestMappingTest {
    private static final String AUDIO_MODEL = "seedance-1-5-pro-251215";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void bothFramesGoInlineWithTheirRolesAndSizeSecondsAndSeedAreArksOwnFields() {
        byte[] first = TestImages.png(1280, 720);
        byte[] last = TestImages.jpeg(1280, 720);
        var options = new GenerationRequest.Options("no people", 42L, true, last);
        try (ArkRelay relay = new ArkRelay(dir)) {
            EngineStatus status = relay.run(ArkRelay.request("video_frames", first, options));
            assertThat(status).isInstanceOf(EngineStatus.Done.class);

            JsonNode body = onlyCreate(relay);
            assertThat(body.get("model").asString()).isEqualTo(ArkRelay.SEEDANCE);
            JsonNode content = body.get("content");
            assertThat(content).hasSize(3);
            assertThat(content.get(0).get("type").asString()).isEqualTo("text");
            assertThat(content.get(0).get("text").asString()).isEqualTo("a red kite over a beach");
            assertImage(content.get(1), "first_frame", "image/png", first);
            assertImage(content.get(2), "last_frame", "image/jpeg", last);
            assertThat(body.get("ratio").asString()).isEqualTo("16:9");
            assertThat(body.get("resolution").asString()).isEqualTo("720p");
            assertThat(body.get("duration").isIntegralNumber()).isTrue();
            assertThat(body.get("duration").asInt()).isEqualTo(8);
            assertThat(body.get("seed").asLong()).isEqualTo(42);
            assertThat(body.get("watermark").asBoolean(true)).isFalse();
            // Seedance 1.0 Pro makes no sound, and Ark has no negative prompt: neither is sent
            assertThat(body.has("generate_audio")).isFalse();
            assertThat(body.toString()).doesNotContain("no people");
        }
    }

    @Test
    void theTokensArkCountedReachTheFinishedJobsUsage() {
        try (ArkRelay relay = new ArkRelay(dir)) {
            EngineStatus status = relay.run(ArkRelay.request("video_usage", null, GenerationRequest.Options.NONE));
            EngineOutput output = ((EngineStatus.Done) status).output();
            assertThat(output.usage().tokens()).isEqualTo(FakeArk.tokens("720p", 8)).isEqualTo(164_736L);
            assertThat(output.usage().seconds()).isEqualTo(8.0);
            assertThat(output.deliveredSeconds()).isEqualTo(8);
        }
    }

    @Test
    void aTextOnlyPortraitRequestSendsOnlyThePromptWithTheTallRatio() {
        try (ArkRelay relay = new ArkRelay(dir)) {
            GenerationRequest portrait = new GenerationRequest("video_tall", "sora-2", new VideoSize(720, 1280), 4, "a tall tower", null);
            assertThat(relay.run(portrait)).isInstanceOf(EngineStatus.Done.class);
            JsonNode body = onlyCreate(relay);
            assertThat(body.get("content")).hasSize(1);
            assertThat(body.get("ratio").asString()).isEqualTo("9:16");
            assertThat(body.get("resolution").asString()).isEqualTo("720p");
            assertThat(body.get("duration").asInt()).isEqualTo(4);
            assertThat(body.has("seed")).isFalse();
        }
    }

    @Test
    void theAudioSwitchGoesToAModelWhoseSoundIsOptional() {
        try (ArkRelay relay = new ArkRelay(dir, withAudioModel(), 1, AUDIO_MODEL)) {
            var options = new GenerationRequest.Options(null, null, false, null);
            assertThat(relay.run(ArkRelay.request("video_quiet", null, options))).isInstanceOf(EngineStatus.Done.class);
            JsonNode body = onlyCreate(relay);
            assertThat(body.get("model").asString()).isEqualTo(AUDIO_MODEL);
            assertThat(body.get("generate_audio").isBoolean()).isTrue();
            assertThat(body.get("generate_audio").asBoolean(true)).isFalse();
        }
    }

    @Test
    void theJobsCallbackUrlIsSentAsCallbackUrlOnlyWhenThereIsOne() throws UpstreamException {
        String callback = "https://videos.example.com/relay/callbacks/tok_ark";
        GenerationRequest request = ArkRelay.request("video_cb", "a red kite");
        ModelSpec spec = ModelCatalog.defaults("relay").find("sora-2").orElseThrow();
        JsonNode with = ArkRequests.body(JSON, new Submission(request, ArkRelay.SEEDANCE, spec, null, null, null, callback));
        assertThat(with.get("callback_url").asString()).isEqualTo(callback);
        assertThat(ArkCreateCheck.refusal(with)).as("Ark's checks of %s", with).isNull();
        JsonNode without = ArkRequests.body(JSON, new Submission(request, ArkRelay.SEEDANCE, spec, null, null, null));
        assertThat(without.has("callback_url")).isFalse();
    }

    private static JsonNode onlyCreate(ArkRelay relay) {
        List<FakeArk.Seen> creates = relay.ark().seen(Route.CREATE);
        assertThat(creates).hasSize(1);
        assertThat(creates.getFirst().headers().get("Authorization")).containsExactly("Bearer " + FakeArk.KEY);
        return creates.getFirst().json();
    }

    private static void assertImage(JsonNode item, String role, String mediaType, byte[] bytes) {
        assertThat(item.get("type").asString()).isEqualTo("image_url");
        assertThat(item.get("role").asString()).isEqualTo(role);
        String url = item.get("image_url").get("url").asString();
        String prefix = "data:" + mediaType + ";base64,";
        assertThat(url).startsWith(prefix);
        assertThat(Base64.getDecoder().decode(url.substring(prefix.length()))).isEqualTo(bytes);
    }

    /** The shipped catalog plus Seedance 1.5 Pro, whose sound is optional. */
    private static ModelCatalog withAudioModel() {
        List<ModelSpec> models = new ArrayList<>(ModelCatalog.defaults("relay").models());
        models.add(new ModelSpec(AUDIO_MODEL, List.of(), "bytedance", 0L, "high",
                new Capabilities(List.of(Format.of(ArkRelay.HD)), List.of(4, 8, 12), Set.of(Input.TEXT, Input.FIRST_FRAME), Audio.OPTIONAL),
                new Pricing(PriceUnit.THOUSAND_TOKENS, Map.of("720p", 2_500L)), "relay"));
        return new ModelCatalog(models);
    }
}
