package dev.vidgate.api;

import com.openai.client.OpenAIClient;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSize;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.RawHttp.Multipart;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A create without {@code size} takes its reference image's size when the model makes it (seed 000's first sample prints
 * {@code 1280x720} for exactly that request); otherwise the seed's mismatch message says which size and which image.
 */
class SizeFromReferenceTest {
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();
    static final RawHttp http = server.http();
    static OpenAIClient sdk;

    @BeforeAll
    static void connect() {
        sdk = SdkClients.client(server.server(), TestServer.API_KEY);
    }

    private static void cancel(String id) {
        ok(http.post("/v1/videos/" + id + "/cancel", null, new byte[0]));
    }

    @Test
    void theSeedsSampleWithA1280x720ImageAndNoSizeMakesA1280x720Video() {
        Video created = sdk.videos().create(VideoCreateParams.builder().model("sora-2")
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

    @Test
    void aSizeGivenStillAnswersTheSeedsMessageWordForWord() {
        var r = http.postMultipart("/v1/videos", new Multipart().text("prompt", "p").text("size", "720x1280")
                .file("input_reference", "ref.png", "image/png", TestImages.png(1280, 720)));
        assertError(r, 400, "Inpaint image must match the requested width and height", "input_reference", "invalid_value");
    }

    @Test
    void somethingThatIsNoImageIsStillAnInvalidFileFormat() {
        var r = http.postMultipart("/v1/videos", new Multipart().text("prompt", "p")
                .file("input_reference", "ref.png", "image/png", "not an image".getBytes()));
        assertError(r, 400, "Invalid file format", "input_reference", "invalid_file_format");
    }
}
