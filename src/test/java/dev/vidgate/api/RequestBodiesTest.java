package dev.vidgate.api;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.errors.BadRequestException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSize;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.RawHttp.Multipart;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiAssertions.assertRequestId;
import static dev.vidgate.testsupport.ApiCalls.json;
import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Bodies and parameters the way OpenAI treats them, over real HTTP: urlencoded bodies (curl {@code -d}) for create and
 * remix with the JSON and multipart rules, 400 {@code unknown_parameter} for a name the route does not take, the
 * seed's {@code Missing required parameter: input_reference} for an image uploaded under another name, and a create
 * without {@code size} taking its reference image's size when the model makes it (else the seed's mismatch message says
 * which sizes).
 */
class RequestBodiesTest {
    private static final String URLENCODED = "application/x-www-form-urlencoded";
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();
    static final RawHttp http = server.http();

    /** The official SDK, on the running server. */
    private static OpenAIClient sdk() {
        return SdkClients.client(server.server(), TestServer.API_KEY);
    }

    private static HttpResponse<String> form(String path, String body) {
        return http.post(path, URLENCODED, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void cancel(String id) {
        ok(http.post("/v1/videos/" + id + "/cancel", null, new byte[0]));
    }

    private static void assertUnknown(HttpResponse<String> r, String name) {
        assertError(r, 400, "Unknown parameter: '" + name + "'.", name, "unknown_parameter");
        assertThat(json(r).get("error").get("type").asString()).isEqualTo("invalid_request_error");
        assertRequestId(r);
    }

    @Test
    void curlDashDCreatesAVideoWithTheFieldsDecodedAsJsonWouldGiveThem() {
        JsonNode video = ok(form("/v1/videos", "model=sora-2&prompt=A+lighthouse+at+dusk%2C+slow+push+in&size=1280x720&seconds=8"));
        assertThat(video.get("prompt").asString()).isEqualTo("A lighthouse at dusk, slow push in");
        assertThat(video.get("size").asString()).isEqualTo("1280x720");
        assertThat(video.get("seconds").asString()).isEqualTo("8");
        cancel(video.get("id").asString());
    }

    @Test
    void anUrlencodedCreateIsCheckedByTheSameRulesAsTheOtherBodies() {
        assertError(form("/v1/videos", "model=sora-2"), 400, "Missing required parameter: prompt", "prompt", "missing_required_parameter");
        assertError(form("/v1/videos", "prompt=p&seconds=5"), 400, "seconds must be one of \"4\", \"8\", \"12\"", "seconds", "invalid_value");
        assertError(form("/v1/videos", "prompt=p&size=640x480"), 400, "Invalid parameter: size must be 720x1280 or 1280x720", "size",
                "invalid_parameter");
        assertError(form("/v1/videos", "prompt=a%00b"), 400, null, "prompt", "invalid_value");
        assertError(form("/v1/videos", "prompt=100%zz"), 400, null, null, "invalid_body");
        // a form carries no file: a reference is an image_url, as in multipart
        assertError(form("/v1/videos", "prompt=p&input_reference=cat.png"), 400,
                "Invalid type for 'input_reference': expected a file, but got a string instead.", "input_reference", "invalid_type");
        assertError(form("/v1/videos", "prompt=p&input_reference%5Bimage_url%5D=data%3Aimage%2Fpng%3Bbase64%2CAAAA"), 400,
                "Invalid file format", "input_reference", "invalid_file_format");
    }

    @Test
    void aRemixTakesItsPromptUrlencodedAndNothingElse() {
        String source = sdk().videos().create(VideoCreateParams.builder().prompt("a calm sea").build()).id();
        assertThat(SdkClients.awaitFinished(sdk(), source, Duration.ofSeconds(180)).status().asString()).isEqualTo("completed");

        JsonNode remix = ok(form("/v1/videos/" + source + "/remix", "prompt=the+same+sea+at+night"));
        assertThat(remix.get("remixed_from_video_id").asString()).isEqualTo(source);
        assertThat(remix.get("prompt").asString()).isEqualTo("the same sea at night");
        cancel(remix.get("id").asString());

        assertUnknown(http.postJson("/v1/videos/" + source + "/remix", "{\"prompt\":\"p\",\"seconds\":\"8\"}"), "seconds");
        assertUnknown(http.postMultipart("/v1/videos/" + source + "/remix", new Multipart().text("prompt", "p").text("size", "1280x720")),
                "size");
        assertUnknown(form("/v1/videos/" + source + "/remix", "prompt=p&model=sora-2"), "model");
    }

    @Test
    void anUnknownParameterIsRefusedAsOpenAiDoesInEveryBody() {
        assertUnknown(http.postJson("/v1/videos", "{\"prompt\":\"p\",\"second\":\"4\"}"), "second");
        assertUnknown(http.postMultipart("/v1/videos", new Multipart().text("prompt", "p").text("second", "4")), "second");
        assertUnknown(form("/v1/videos", "prompt=p&second=4"), "second");
        assertUnknown(http.postJson("/v1/videos", "{\"prompt\":\"p\",\"something_new\":null}"), "something_new");
        assertUnknown(http.postMultipart("/v1/videos", new Multipart().text("prompt", "p").text("metadata[team]", "x")), "metadata");
    }

    @Test
    void anUnknownMemberOfAnObjectParameterIsNamedByItsPath() {
        String png = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(TestImages.png(720, 1280));
        assertUnknown(http.postJson("/v1/videos", "{\"prompt\":\"p\",\"input_reference\":{\"image_url\":\"" + png + "\",\"detail\":\"high\"}}"),
                "input_reference.detail");
        assertUnknown(http.postMultipart("/v1/videos", new Multipart().text("prompt", "p").text("input_reference[image_url]", png)
                .text("input_reference[detail]", "high")), "input_reference.detail");
        assertUnknown(form("/v1/videos", "prompt=p&last_frame%5Burl%5D=x"), "last_frame.url");
    }

    @Test
    void theOfficialSdkSendingAnUnknownParameterGetsTheSameError() {
        BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> sdk().videos().create(VideoCreateParams.builder()
                .prompt("p").putAdditionalBodyProperty("second", JsonValue.from("4")).build()));
        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.code()).contains("unknown_parameter");
        assertThat(e.param()).contains("second");
        assertThat(e.getMessage()).contains("Unknown parameter: 'second'.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"image", "file", "input_image", "reference", "input_reference[]"})
    void anImageUploadedUnderAnotherNameIsAMissingInputReference(String name) {
        var r = http.postMultipart("/v1/videos", new Multipart().text("prompt", "p").text("size", "1280x720")
                .file(name, "ref.png", "image/png", TestImages.png(1280, 720)));
        assertError(r, 400, "Missing required parameter: input_reference", "input_reference", "missing_required_parameter");
    }

    @Test
    void aSecondUploadUnderAnotherNameBesideTheReferenceIsAnUnknownParameter() {
        var r = http.postMultipart("/v1/videos", new Multipart().text("prompt", "p").text("size", "1280x720")
                .file("input_reference", "ref.png", "image/png", TestImages.png(1280, 720))
                .file("image", "other.png", "image/png", TestImages.png(1280, 720)));
        assertUnknown(r, "image");
    }

    // ---- size from the reference (seed 000: a 1280x720 picture and no size make a 1280x720 video) ----

    @Test
    void theSeedsSampleWithA1280x720ImageAndNoSizeMakesA1280x720Video() {
        Video created = sdk().videos().create(VideoCreateParams.builder().model("sora-2")
                .prompt("Animate this scene: gentle waves lapping, leaves swaying, cinematic camera push-in")
                .inputReference(TestImages.png(1280, 720)).build());
        assertThat(created.size()).isEqualTo(VideoSize._1280X720);
        cancel(created.id());
    }

    @Test
    void anImageOfAnotherSizeTheModelMakesGivesThatSize() {
        JsonNode pro = ok(http.postMultipart("/v1/videos", new Multipart().text("prompt", "p").text("model", "sora-2-pro")
                .file("input_reference", "tall.jpg", "image/jpeg", TestImages.jpeg(1024, 1792))));
        assertThat(pro.get("size").asString()).isEqualTo("1024x1792");
        cancel(pro.get("id").asString());
    }

    @Test
    void anImageOfNoSizeTheModelMakesKeepsTheSeedsMessageAndSaysWhichSizes() {
        var r = http.postMultipart("/v1/videos", new Multipart().text("prompt", "p")
                .file("input_reference", "photo.png", "image/png", TestImages.png(1000, 800)));
        assertError(r, 400, "Inpaint image must match the requested width and height. The video is 720x1280 (the default, as no size "
                + "was given) and the image is 1000x800; sora-2 makes 720x1280 or 1280x720.", "input_reference", "invalid_value");
        // a sora-2-pro size is no sora-2 size
        var pro = http.postMultipart("/v1/videos", new Multipart().text("prompt", "p")
                .file("input_reference", "wide.png", "image/png", TestImages.png(1792, 1024)));
        assertError(pro, 400, "Inpaint image must match the requested width and height. The video is 720x1280 (the default, as no size "
                + "was given) and the image is 1792x1024; sora-2 makes 720x1280 or 1280x720.", "input_reference", "invalid_value");
    }
}
