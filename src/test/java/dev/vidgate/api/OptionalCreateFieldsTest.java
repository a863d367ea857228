package dev.vidgate.api;

import dev.vidgate.storage.ContentStore;
import dev.vidgate.testsupport.RawHttp.Multipart;
import dev.vidgate.testsupport.TestServerExtension;
import dev.vidgate.testsupport.media.TestImages;
import dev.vidgate.video.JobStore;
import dev.vidgate.video.Video;
import dev.vidgate.video.VideoOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Base64;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional create fields of other providers ({@code negative_prompt}, {@code seed}, {@code generate_audio},
 * {@code last_frame}), in JSON and multipart: stored with the job when the model can honour them, refused naming the
 * field before anything is held or stored when it cannot.
 */
class OptionalCreateFieldsTest {
    private static final String PNG_720P = "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(1280, 720));
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();
    static final FundedTenant studio = new FundedTenant(server, "studio");

    private static String kling(String extra) {
        return "{\"prompt\":\"a lighthouse\",\"model\":\"kling-v2-6\",\"size\":\"1280x720\",\"seconds\":\"5\"" + extra + "}";
    }

    private static Video stored(JsonNode video) {
        return server.server().bean(JobStore.class).findById(video.get("id").asString()).orElseThrow();
    }

    private static void cancelAndDelete(JsonNode video) {
        ok(studio.http().post("/v1/videos/" + video.get("id").asString() + "/cancel", null, new byte[0]));
        ok(studio.http().delete("/v1/videos/" + video.get("id").asString()));
    }

    @Test
    void jsonFieldsAreStoredWithTheJobAndTheVideoObjectShowsNothingNew() {
        JsonNode video = ok(studio.http().postJson("/v1/videos", kling(",\"negative_prompt\":\"no text\\nno logos\",\"seed\":4294967295,"
                + "\"generate_audio\":true,\"last_frame\":{\"image_url\":\"" + PNG_720P + "\"}")));
        JsonNode plain = ok(studio.http().postJson("/v1/videos", kling("")));
        assertThat(video.propertyNames()).containsExactlyElementsOf(plain.propertyNames());
        assertThat(video.has("adjustments")).isFalse();

        Video job = stored(video);
        assertThat(job.options()).isEqualTo(new VideoOptions("no text\nno logos", 4_294_967_295L, true, true));
        assertThat(server.server().bean(ContentStore.class).size(job.lastFrameKey())).isPresent();
        assertThat(stored(plain).options()).isEqualTo(VideoOptions.NONE);
        cancelAndDelete(video);
        cancelAndDelete(plain);
    }

    @Test
    void multipartFieldsAreTextPartsAndTheLastFrameAFilePartOrAnImageUrl() {
        var form = new Multipart().text("prompt", "p").text("model", "kling-v2-6").text("size", "1280x720").text("seconds", "5")
                .text("negative_prompt", "blur").text("seed", "7").text("generate_audio", "false")
                .file("last_frame", "end.png", "image/png", TestImages.png(1280, 720));
        JsonNode video = ok(studio.http().postMultipart("/v1/videos", form));
        assertThat(stored(video).options()).isEqualTo(new VideoOptions("blur", 7L, false, true));

        var byUrl = new Multipart().text("prompt", "p").text("model", "veo-3.1-fast-generate-001").text("size", "1280x720")
                .text("seconds", "4").text("last_frame[image_url]", PNG_720P);
        JsonNode veo = ok(studio.http().postMultipart("/v1/videos", byUrl));
        assertThat(stored(veo).options()).isEqualTo(new VideoOptions(null, null, null, true));
        cancelAndDelete(video);
        cancelAndDelete(veo);
    }

    @Test
    void fieldsOfTheWrongTypeOrOutOfRangeAreRefusedNamingTheField() {
        assertError(studio.http().postJson("/v1/videos", kling(",\"seed\":-1")), 400,
                "Invalid 'seed': expected an integer from 0 to 4294967295.", "seed", "invalid_value");
        assertError(studio.http().postJson("/v1/videos", kling(",\"seed\":4294967296")), 400,
                "Invalid 'seed': expected an integer from 0 to 4294967295.", "seed", "invalid_value");
        assertError(studio.http().postJson("/v1/videos", kling(",\"seed\":1.5")), 400,
                "Invalid type for 'seed': expected an integer, but got a decimal instead.", "seed", "invalid_type");
        assertError(studio.http().postJson("/v1/videos", kling(",\"generate_audio\":\"yes\"")), 400,
                "Invalid type for 'generate_audio': expected a boolean, but got a string instead.", "generate_audio", "invalid_type");
        assertError(studio.http().postMultipart("/v1/videos", new Multipart().text("prompt", "p").text("model", "kling-v2-6")
                        .text("seconds", "5").text("size", "1280x720").text("generate_audio", "yes")), 400,
                "Invalid 'generate_audio': expected true or false.", "generate_audio", "invalid_value");
        assertError(studio.http().postJson("/v1/videos", kling(",\"negative_prompt\":\"" + "n".repeat(2501) + "\"")), 400,
                "Invalid 'negative_prompt': string too long. Expected a string with maximum length 2500, but got a string with "
                        + "length 2501 instead.", "negative_prompt", "string_above_max_length");
        studio.assertNothingHeldOrStored();
    }

    @Test
    void whatTheModelCannotDoIsRefusedNamingTheFieldAndWhatItTakes() {
        assertError(studio.http().postJson("/v1/videos", "{\"prompt\":\"p\",\"model\":\"kling-v2-1-master\",\"seconds\":\"5\","
                        + "\"last_frame\":{\"image_url\":\"data:image/png;base64,AAAA\"}}"), 400,
                "Invalid parameter: kling-v2-1-master takes no last_frame (its inputs: text, first_frame)", "last_frame", "invalid_value");
        assertError(studio.http().postJson("/v1/videos", "{\"prompt\":\"p\",\"model\":\"kling-v2-5-turbo\",\"seconds\":\"5\",\"generate_audio\":true}"),
                400, "Invalid parameter: generate_audio must be false or left out for kling-v2-5-turbo (its audio: none)",
                "generate_audio", "invalid_value");
        assertError(studio.http().postJson("/v1/videos", "{\"prompt\":\"p\",\"model\":\"sora-2\",\"generate_audio\":false}"), 400,
                "Invalid parameter: generate_audio must be true or left out for sora-2 (its audio: always)", "generate_audio",
                "invalid_value");
        assertError(studio.http().postJson("/v1/videos", "{\"prompt\":\"" + "p".repeat(2501) + "\",\"model\":\"kling-v2-6\",\"seconds\":\"5\"}"),
                400, "Invalid 'prompt': string too long for kling-v2-6. Expected a string with maximum length 2500, but got a string "
                        + "with length 2501 instead.", "prompt", "invalid_value");
        studio.assertNothingHeldOrStored();
    }

    @Test
    void aLastFrameIsCheckedLikeTheReferenceWithItsMessagesNamingLastFrame() {
        HttpResponse<String> wrongSize = studio.http().postJson("/v1/videos", kling(",\"last_frame\":{\"image_url\":\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(TestImages.png(640, 360)) + "\"}"));
        assertError(wrongSize, 400, "Inpaint image must match the requested width and height", "last_frame", "invalid_value");
        var garbage = new Multipart().text("prompt", "p").text("model", "kling-v2-6").text("size", "1280x720").text("seconds", "5")
                .file("last_frame", "end.png", "image/png", "not an image".getBytes());
        assertError(studio.http().postMultipart("/v1/videos", garbage), 400, "Invalid file format", "last_frame", "invalid_file_format");
        assertError(studio.http().postJson("/v1/videos", kling(",\"last_frame\":{\"image_url\":\"data:image/png,plain\"}")), 400,
                "last_frame.image_url must be a data URL (data:image/png;base64,...) or an https URL", "last_frame", "invalid_value");
        var twice = new Multipart().text("prompt", "p").text("model", "kling-v2-6").text("size", "1280x720").text("seconds", "5")
                .file("last_frame", "a.png", "image/png", TestImages.png(1280, 720))
                .file("last_frame", "b.png", "image/png", TestImages.png(1280, 720));
        assertError(studio.http().postMultipart("/v1/videos", twice), 400, "Only one last_frame file is allowed", "last_frame", "invalid_value");
        assertError(studio.http().postJson("/v1/videos", kling(",\"last_frame\":\"end.png\"")), 400,
                "Invalid type for 'last_frame': expected an object like {\"image_url\": \"data:image/png;base64,...\"}, but got a "
                        + "string instead.", "last_frame", "invalid_type");
        studio.assertNothingHeldOrStored();
    }
}
