package dev.vidgate.api;

import com.openai.client.OpenAIClient;
import com.openai.errors.BadRequestException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSize;
import dev.vidgate.policy.faces.FaceCheck;
import dev.vidgate.policy.faces.LabelledFaces;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServerExtension;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiAssertions.assertRequestId;
import static dev.vidgate.testsupport.ApiCalls.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seed's "no human faces in input images", through the official SDK and over raw HTTP, on a real server. */
class FacesInReferencesThroughOfficialSdkTest {
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();
    static final FundedTenant studio = new FundedTenant(server, "faces");
    static final FundedTenant landscapes = new FundedTenant(server, "landscapes");

    /** A picture of the labelled set (public domain NASA portrait, a CC0 landscape) as a 1280x720 JPEG reference. */
    private static byte[] reference(String file) {
        try {
            return TestImages.jpeg(LabelledFaces.fitted(ImageIO.read(new ByteArrayInputStream(LabelledFaces.bytes(file)))), 0.9f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static VideoCreateParams create(byte[] reference) {
        return VideoCreateParams.builder().prompt("The scene slowly comes to life").size(VideoSize._1280X720)
                .inputReference(reference).build();
    }

    @Test
    void aPortraitAsInputReferenceIsRefusedAsModerationBlockedOnInputReferenceAndNothingIsHeldOrCreated() {
        OpenAIClient sdk = SdkClients.client(server.server(), studio.secret());
        assertThatThrownBy(() -> sdk.videos().create(create(reference("face/skimage-astronaut.jpg"))))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.code()).contains("moderation_blocked");
                    assertThat(e.param()).contains("input_reference");
                    assertThat(e.getMessage()).contains("Your request was blocked by our moderation system.")
                            .contains("human face");
                });
        studio.assertNothingHeldOrStored();
    }

    @Test
    void theRefusalIsOpenAIsEnvelopeWithARequestId() {
        HttpResponse<String> r = studio.http().postMultipart("/v1/videos", new RawHttp.Multipart()
                .text("prompt", "The scene slowly comes to life").text("size", "1280x720")
                .file("input_reference", "group.jpg", "image/jpeg", reference("face/faceapi-sample4.jpg")));
        assertError(r, 400, FaceCheck.MESSAGE, "input_reference", "moderation_blocked");
        assertThat(json(r).get("error").get("type").asString()).isEqualTo("invalid_request_error");
        assertRequestId(r);
        studio.assertNothingHeldOrStored();
    }

    @Test
    void aLandscapeAsInputReferencePassesAndIsQueued() {
        OpenAIClient sdk = SdkClients.client(server.server(), landscapes.secret());
        Video created = sdk.videos().create(create(reference("noface/opencv-home.jpg")));
        assertThat(created.status().asString()).isIn("queued", "in_progress");
        assertThat(landscapes.balance()).as("held for the job").isLessThan(FundedTenant.FUNDS);
    }
}
