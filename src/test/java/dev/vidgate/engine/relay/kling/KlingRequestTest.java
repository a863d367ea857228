package dev.vidgate.engine.relay.kling;

import dev.vidgate.catalog.ModelCatalog;
import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.media.ImageFormat;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The translation of a Sora-shaped create into Kling's body, field by field, including the optional fields other
 * clients send ({@link GenerationRequest.Options}); each body is also one the fake's copy of Kling's checks accepts.
 */
class KlingRequestTest {
    private static final ModelCatalog CATALOG = ModelCatalog.defaults("relay");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Submission submission(String model, VideoSize size, int seconds, byte[] reference, GenerationRequest.Options options) {
        GenerationRequest request = new GenerationRequest("video_req", model, size, seconds, "a heron lifts off a lake", reference,
                null, options);
        return new Submission(request, model, CATALOG.find(model).orElse(null), reference, null, null);
    }

    private static JsonNode body(Submission submission) throws UpstreamException {
        JsonNode body = KlingRequest.body(submission, JSON);
        boolean imageToVideo = KlingRequest.route(submission) == KlingRoute.IMAGE_TO_VIDEO;
        assertThat(KlingBodyCheck.check(body, imageToVideo)).as("Kling's checks of %s", body).isNull();
        return body;
    }

    @Test
    void aTextRequestGoesToText2videoWithRatioModeAndTheDurationAsAString() throws UpstreamException {
        Submission s = submission("kling-v2-6", new VideoSize(720, 1280), 10, null, GenerationRequest.Options.NONE);
        JsonNode body = body(s);
        assertThat(KlingRequest.route(s)).isEqualTo(KlingRoute.TEXT_TO_VIDEO);
        assertThat(body.get("model_name").asString()).isEqualTo("kling-v2-6");
        assertThat(body.get("aspect_ratio").asString()).isEqualTo("9:16");
        assertThat(body.get("mode").asString()).isEqualTo("std");
        assertThat(body.get("duration").isString()).isTrue();
        assertThat(body.get("duration").asString()).isEqualTo("10");
        assertThat(body.has("sound")).isFalse();
        assertThat(body.has("negative_prompt")).isFalse();
        assertThat(body.has("image")).isFalse();
    }

    @Test
    void a1080pSizeIsProModeAndTheOptionalFieldsAreMappedWhereTheModelTakesThem() throws UpstreamException {
        var options = new GenerationRequest.Options("blurry, text", 42L, true, null);
        JsonNode body = body(submission("kling-v2-6", new VideoSize(1920, 1080), 5, null, options));
        assertThat(body.get("mode").asString()).isEqualTo("pro");
        assertThat(body.get("negative_prompt").asString()).isEqualTo("blurry, text");
        assertThat(body.get("sound").asString()).isEqualTo("on");
        assertThat(body.has("seed")).as("Kling has no seed").isFalse();
        JsonNode off = body(submission("kling-v2-6", new VideoSize(1280, 720), 5, null, new GenerationRequest.Options(null, null, false, null)));
        assertThat(off.get("sound").asString()).isEqualTo("off");
    }

    @Test
    void aModelWithoutOptionalSoundNeverGetsTheSoundField() throws UpstreamException {
        var options = new GenerationRequest.Options(null, null, true, null);
        assertThat(body(submission("kling-v2-5-turbo", new VideoSize(1280, 720), 5, null, options)).has("sound")).isFalse();
    }

    @Test
    void firstAndLastFramesGoToImage2videoAsRawBase64WithoutARatio() throws UpstreamException {
        byte[] first = TestImages.png(1280, 720);
        byte[] last = TestImages.jpeg(1280, 720);
        Submission s = submission("kling-v2-6", new VideoSize(1280, 720), 5, first, new GenerationRequest.Options(null, null, null, last));
        JsonNode body = body(s);
        assertThat(KlingRequest.route(s)).isEqualTo(KlingRoute.IMAGE_TO_VIDEO);
        assertThat(body.get("image").asString()).doesNotStartWith("data:");
        assertThat(Base64.getDecoder().decode(body.get("image").asString())).isEqualTo(first);
        assertThat(Base64.getDecoder().decode(body.get("image_tail").asString())).isEqualTo(last);
        assertThat(body.has("aspect_ratio")).isFalse();
    }

    @Test
    void aLastFrameAloneIsStillImageToVideo() throws UpstreamException {
        Submission s = submission("kling-v2-6", new VideoSize(1280, 720), 5, null,
                new GenerationRequest.Options(null, null, null, TestImages.png(1280, 720)));
        assertThat(KlingRequest.route(s)).isEqualTo(KlingRoute.IMAGE_TO_VIDEO);
        assertThat(body(s).has("image")).isFalse();
    }

    @Test
    void aWebpReferenceIsSentAsPngBecauseKlingReadsOnlyJpegAndPng() throws UpstreamException {
        Assumptions.assumeTrue(TestImages.canWriteWebp());
        JsonNode body = body(submission("kling-v2-6", new VideoSize(1280, 720), 5, TestImages.webp(1280, 720),
                GenerationRequest.Options.NONE));
        assertThat(ImageFormat.detect(Base64.getDecoder().decode(body.get("image").asString()))).contains(ImageFormat.PNG);
    }

    @Test
    void theJobsCallbackUrlGoesToBothRoutesAsCallbackUrlAndIsAbsentWithoutOne() throws UpstreamException {
        String callback = "https://videos.example.com/relay/callbacks/tok_kling";
        GenerationRequest request = new GenerationRequest("video_cb", "kling-v2-6", new VideoSize(1280, 720), 5,
                "a heron lifts off a lake", null, null, GenerationRequest.Options.NONE);
        Submission text = new Submission(request, "kling-v2-6", CATALOG.find("kling-v2-6").orElseThrow(), null, null, null, callback);
        assertThat(body(text).get("callback_url").asString()).isEqualTo(callback);
        byte[] first = TestImages.png(1280, 720);
        Submission image = new Submission(request, "kling-v2-6", CATALOG.find("kling-v2-6").orElseThrow(), first, null, null, callback);
        assertThat(KlingRequest.route(image)).isEqualTo(KlingRoute.IMAGE_TO_VIDEO);
        assertThat(body(image).get("callback_url").asString()).isEqualTo(callback);
        Submission none = submission("kling-v2-6", new VideoSize(1280, 720), 5, null, GenerationRequest.Options.NONE);
        assertThat(body(none).has("callback_url")).isFalse();
    }

    @Test
    void theModeFollowsTheResolutionTier() {
        assertThat(KlingRequest.mode("720p")).isEqualTo("std");
        assertThat(KlingRequest.mode("480p")).isEqualTo("std");
        assertThat(KlingRequest.mode("1080p")).isEqualTo("pro");
        assertThat(KlingRequest.mode("4k")).isEqualTo("pro");
    }
}
