package dev.vidgate.api;

import dev.vidgate.testsupport.ApiCalls;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.RawHttp.Multipart;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.util.Base64;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiAssertions.assertRequestId;
import static dev.vidgate.testsupport.ApiCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC sections 1 to 6 over raw HTTP: every seed error row, the multipart quirks of real clients, and bad input. */
class VideosApiContractTest {
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();
    static final RawHttp http = server.http();

    // ---- the seed error rows, word for word ----

    @Test
    void aReferenceImageOfTheWrongSizeGetsTheSeedMessage() {
        var r = http.postMultipart("/v1/videos", new Multipart().text("prompt", "p").text("size", "1280x720")
                .file("input_reference", "ref.png", "image/png", TestImages.png(640, 360)));
        assertError(r, 400, "Inpaint image must match the requested width and height", "input_reference", "invalid_value");
    }

    @Test
    void aReferenceThatIsNoImageGetsInvalidFileFormat() {
        var r = http.postMultipart("/v1/videos", new Multipart().text("prompt", "p")
                .file("input_reference", "ref.png", "image/png", "not an image at all".getBytes()));
        assertError(r, 400, "Invalid file format", "input_reference", "invalid_file_format");
    }

    @Test
    void secondsOutsideTheThreeStringsIsRejectedAndSoIsAnInteger() {
        assertError(http.postJson("/v1/videos", "{\"prompt\":\"p\",\"seconds\":\"5\"}"),
                400, "seconds must be one of \"4\", \"8\", \"12\"", "seconds", "invalid_value");
        assertError(http.postJson("/v1/videos", "{\"prompt\":\"p\",\"seconds\":8}"),
                400, "seconds must be one of \"4\", \"8\", \"12\"", "seconds", "invalid_value");
    }

    @Test
    void aSizeSora2DoesNotOfferGetsTheSeedMessage() {
        assertError(http.postJson("/v1/videos", "{\"prompt\":\"p\",\"model\":\"sora-2\",\"size\":\"1920x1080\"}"),
                400, "Invalid parameter: size must be 720x1280 or 1280x720", "size", "invalid_parameter");
    }

    @Test
    void twoReferenceFilesAreRejected() {
        byte[] png = TestImages.png(720, 1280);
        var r = http.postMultipart("/v1/videos", new Multipart().text("prompt", "p")
                .file("input_reference", "a.png", "image/png", png).file("input_reference", "b.png", "image/png", png));
        assertError(r, 400, "Only one input_reference file is allowed", "input_reference", "invalid_value");
    }

    @Test
    void aMissingPromptIsNamedInJsonAndInMultipart() {
        assertError(http.postJson("/v1/videos", "{\"model\":\"sora-2\"}"),
                400, "Missing required parameter: prompt", "prompt", "missing_required_parameter");
        assertError(http.postMultipart("/v1/videos", new Multipart().text("model", "sora-2")),
                400, "Missing required parameter: prompt", "prompt", "missing_required_parameter");
    }

    // ---- the quirks of real clients ----

    @Test
    void aJavaSdkStyleMultipartWithoutFilenameAndWithTextPlainPartsIsAccepted() {
        byte[] png = TestImages.png(1280, 720);
        var r = http.postMultipart("/v1/videos", new Multipart()
                .utf8Text("prompt", "猫が歩く — a cat walks").utf8Text("size", "1280x720").utf8Text("seconds", "4")
                .file("input_reference", null, "application/octet-stream", png));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode v = json(r);
        assertThat(v.get("prompt").asString()).isEqualTo("猫が歩く — a cat walks");
        assertThat(v.get("size").asString()).isEqualTo("1280x720");
    }

    @Test
    void theImageFormatComesFromItsBytesNotFromTheLabelOrName() {
        byte[] jpeg = TestImages.jpeg(1280, 720);
        var r = http.postMultipart("/v1/videos", new Multipart().text("prompt", "p").text("size", "1280x720")
                .file("input_reference", "picture.png", "image/png", jpeg));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void bracketKeysCarryADataUrlReferenceInMultipartAndJsonTakesTheSameObject() {
        String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(1280, 720));
        var multipart = http.postMultipart("/v1/videos", new Multipart().text("prompt", "p").text("size", "1280x720")
                .text("input_reference[image_url]", dataUrl));
        assertThat(multipart.statusCode()).as(multipart.body()).isEqualTo(200);
        var jsonBody = http.postJson("/v1/videos", "{\"prompt\":\"p\",\"size\":\"1280x720\",\"input_reference\":{\"image_url\":\""
                + dataUrl + "\"}}");
        assertThat(jsonBody.statusCode()).as(jsonBody.body()).isEqualTo(200);
        assertError(http.postMultipart("/v1/videos", new Multipart().text("prompt", "p").text("input_reference[file_id]", "file_1")),
                400, null, "input_reference", "unsupported_parameter");
    }

    @Test
    void aRemoteReferenceUrlIsRefusedUnlessTheOperatorAllowsIt() {
        var r = http.postJson("/v1/videos", "{\"prompt\":\"p\",\"input_reference\":{\"image_url\":\"http://127.0.0.1:1/x.png\"}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").get("param").asString()).isEqualTo("input_reference");
    }

    @Test
    void sdkHeadersChangeNothing() {
        var r = http.postJson("/v1/videos", "{\"prompt\":\"p\"}",
                "X-Stainless-Lang", "java", "X-Stainless-Retry-Count", "0", "OpenAI-Organization", "org-1");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode v = json(r);
        assertThat(v.get("model").asString()).isEqualTo("sora-2");
        assertThat(v.get("seconds").asString()).isEqualTo("4");
        assertThat(v.get("size").asString()).isEqualTo("720x1280");
        assertThat(v.get("quality").asString()).isEqualTo("standard");
        for (String key : new String[]{"id", "object", "model", "status", "progress", "created_at", "completed_at", "expires_at",
                "prompt", "size", "seconds", "quality", "remixed_from_video_id", "error"}) {
            assertThat(v.has(key)).as(key).isTrue();
        }
        assertThat(v.get("completed_at").isNull()).isTrue();
        assertThat(v.get("error").isNull()).isTrue();
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheOriginalJob() {
        var first = http.postJson("/v1/videos", "{\"prompt\":\"once\"}", "Idempotency-Key", "idem-42");
        var second = http.postJson("/v1/videos", "{\"prompt\":\"once\"}", "Idempotency-Key", "idem-42");
        assertThat(json(second).get("id").asString()).isEqualTo(json(first).get("id").asString());
        var other = http.postJson("/v1/videos", "{\"prompt\":\"once\"}", "Idempotency-Key", "idem-43");
        assertThat(json(other).get("id").asString()).isNotEqualTo(json(first).get("id").asString());
    }

    @Test
    void theAzureStyleAliasAndTheApiKeyHeaderServeTheSameVideos() {
        String id = json(http.postJson("/v1/videos", "{\"prompt\":\"alias\"}")).get("id").asString();
        var viaAlias = new RawHttp(server.baseUrl(), null).get("/openai/v1/videos/" + id + "?api-version=preview",
                "api-key", TestServer.API_KEY);
        assertThat(viaAlias.statusCode()).isEqualTo(200);
        assertThat(json(viaAlias).get("id").asString()).isEqualTo(id);
    }

    @Test
    void aRunningJobIsRetrievedWithAPollHintAndEveryResponseHasARequestId() {
        String id = json(http.postJson("/v1/videos", "{\"prompt\":\"hint\",\"model\":\"sora-2-pro\",\"size\":\"1920x1080\",\"seconds\":\"12\"}"))
                .get("id").asString();
        var r = http.get("/v1/videos/" + id);
        assertThat(r.headers().firstValue("openai-poll-after-ms")).contains("200");
        assertRequestId(r);
        assertRequestId(http.get("/v1/videos/video_00000000000000000000000000000000"));
        assertError(http.delete("/v1/videos/" + id), 400, null, "video_id", "invalid_state");
        assertThat(http.post("/v1/videos/" + id + "/cancel", null, new byte[0]).statusCode()).isEqualTo(200);
    }

    // ---- keys and tenants ----

    @Test
    void aMissingOrWrongKeyIsRejectedWithoutEchoingIt() {
        var none = new RawHttp(server.baseUrl(), null).get("/v1/videos");
        assertError(none, 401, null, null, "invalid_api_key");
        String wrong = "sk-abcdefghijklmnopqrstuvwxyz";
        var bad = new RawHttp(server.baseUrl(), wrong).get("/v1/videos");
        assertError(bad, 401, null, null, "invalid_api_key");
        assertThat(json(bad).get("error").get("message").asString()).contains("sk-ab...wxyz").doesNotContain(wrong);
    }

    @Test
    void anotherTenantsVideoAnswersLikeAnUnknownOne() {
        String id = json(http.postJson("/v1/videos", "{\"prompt\":\"mine\"}")).get("id").asString();
        var admin = new RawHttp(server.baseUrl(), TestServer.ADMIN_KEY);
        assertThat(admin.postJson("/admin/v1/tenants", "{\"name\":\"acme\"}").statusCode()).isEqualTo(200);
        var created = admin.postJson("/admin/v1/keys", "{\"tenant\":\"acme\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String otherKey = json(created).get("secret").asString();
        var other = new RawHttp(server.baseUrl(), otherKey);
        assertError(other.get("/v1/videos/" + id), 404, null, "video_id", "not_found");
        assertThat(json(other.get("/v1/videos")).get("data").size()).isZero();
        assertError(new RawHttp(server.baseUrl(), TestServer.API_KEY).postJson("/admin/v1/keys", "{}"), 401, null, null, "invalid_api_key");
        assertError(new RawHttp(server.baseUrl(), TestServer.ADMIN_KEY).get("/v1/videos"), 401, null, null, "invalid_api_key");
    }

    // ---- bad input ----

    @Test
    void brokenJsonWrongTypesAndAnOverlongPromptAreClientErrors() {
        assertError(http.postJson("/v1/videos", "{\"prompt\": \"unterminated"), 400, null, null, "invalid_json");
        assertError(http.postJson("/v1/videos", "[1,2]"), 400, null, null, "invalid_json");
        assertError(http.postJson("/v1/videos", "{\"prompt\": 42}"), 400, null, "prompt", "invalid_type");
        assertError(http.postJson("/v1/videos", "{\"prompt\":\"" + "x".repeat(40_000) + "\"}"), 400, null, "prompt", "string_above_max_length");
        assertError(http.postJson("/v1/videos", "{\"prompt\":\"p\",\"model\":\"sora-9\"}"), 404, null, "model", "model_not_found");
        assertError(http.post("/v1/videos", "text/csv", "a,b".getBytes()), 400, null, null, "unsupported_content_type");
    }

    @Test
    void brokenMultipartIsAClientError() {
        var r = http.post("/v1/videos", "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nhal".getBytes());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r).get("error").get("type").asString()).isEqualTo("invalid_request_error");
    }

    @Test
    void aFiftyMegabyteUploadIsRefusedAsTooLarge() {
        byte[] big = new byte[50 * 1024 * 1024];
        big[0] = (byte) 0x89;
        var r = http.postMultipart("/v1/videos", new Multipart().text("prompt", "p").file("input_reference", "big.png", "image/png", big));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(json(r).get("error").get("type").asString()).isEqualTo("invalid_request_error");
    }

    @Test
    void aDecompressionBombAndATruncatedImageAreInvalidFiles() {
        var bomb = http.postMultipart("/v1/videos", new Multipart().text("prompt", "p").text("size", "1280x720")
                .file("input_reference", "bomb.png", "image/png", TestImages.handMadePng(50_000, 50_000, TestImages.zlibZeros(0))));
        assertThat(bomb.statusCode()).isEqualTo(400);
        assertThat(json(bomb).get("error").get("param").asString()).isEqualTo("input_reference");

        byte[] png = TestImages.png(1280, 720);
        byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);
        assertError(http.postMultipart("/v1/videos", new Multipart().text("prompt", "p").text("size", "1280x720")
                .file("input_reference", "t.png", "image/png", truncated)), 400, "Invalid file format", "input_reference", "invalid_file_format");
    }

    @Test
    void unknownAndPathLikeIdsAndUnknownRoutesAnswer404InTheEnvelope() {
        assertError(http.get("/v1/videos/video_doesnotexist"), 404, null, "video_id", "not_found");
        assertError(http.get("/v1/videos/..%2F..%2Fetc%2Fpasswd"), 404, null, null, null);
        assertError(http.get("/v1/videos/../../etc/passwd/content"), 404, null, null, null);
        assertError(http.get("/v1/nothing-here"), 404, null, null, null);
    }

    @Test
    void listParametersAreValidated() {
        assertError(http.get("/v1/videos?limit=0"), 400, null, "limit", "invalid_value");
        assertError(http.get("/v1/videos?limit=abc"), 400, null, "limit", "invalid_value");
        assertError(http.get("/v1/videos?order=sideways"), 400, null, "order", "invalid_value");
        assertError(http.get("/v1/videos?after=video_00000000000000000000000000000000"), 404, null, "video_id", "not_found");
        JsonNode empty = json(new RawHttp(server.baseUrl(), TestServer.API_KEY).get("/v1/videos?limit=100&order=asc"));
        assertThat(empty.get("object").asString()).isEqualTo("list");
    }

    // ---- content ----

    @Test
    void contentIsServedWithLengthAndRangesAndUnknownVariantsAreRejected() {
        String id = json(http.postJson("/v1/videos", "{\"prompt\":\"ranges\",\"size\":\"1280x720\"}")).get("id").asString();
        ApiCalls.awaitCompleted(http, id);
        var whole = http.getBytes("/v1/videos/" + id + "/content", "Accept", "application/binary");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(whole.headers().firstValueAsLong("Content-Length").orElse(-1)).isEqualTo(whole.body().length);

        var part = http.getBytes("/v1/videos/" + id + "/content", "Range", "bytes=100-199");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).containsExactly(java.util.Arrays.copyOfRange(whole.body(), 100, 200));
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 100-199/" + whole.body().length);

        var tail = http.getBytes("/v1/videos/" + id + "/content", "Range", "bytes=-10");
        assertThat(tail.body()).containsExactly(java.util.Arrays.copyOfRange(whole.body(), whole.body().length - 10, whole.body().length));
        assertThat(http.getBytes("/v1/videos/" + id + "/content", "Range", "bytes=999999999-").statusCode()).isEqualTo(416);

        assertError(http.get("/v1/videos/" + id + "/content?variant=poster"), 400, null, "variant", "invalid_value");
        assertThat(http.getBytes("/v1/videos/" + id + "/content?variant=thumbnail").headers().firstValue("Content-Type")).contains("image/webp");
        assertThat(http.getBytes("/v1/videos/" + id + "/content?variant=spritesheet").headers().firstValue("Content-Type")).contains("image/jpeg");

        var deleted = http.delete("/v1/videos/" + id);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted).get("object").asString()).isEqualTo("video.deleted");
        assertError(http.get("/v1/videos/" + id + "/content"), 404, null, "video_id", "not_found");
    }

    @Test
    void remixOfAnUnfinishedVideoIsRefused() {
        String id = json(http.postJson("/v1/videos", "{\"prompt\":\"slow\",\"model\":\"sora-2-pro\",\"size\":\"1920x1080\",\"seconds\":\"12\"}"))
                .get("id").asString();
        assertError(http.postJson("/v1/videos/" + id + "/remix", "{\"prompt\":\"again\"}"), 400, null, "video_id", "invalid_state");
        http.post("/v1/videos/" + id + "/cancel", null, new byte[0]);
    }
}
