package dev.vidgate.api;

import com.openai.client.OpenAIClient;
import com.openai.errors.BadRequestException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSize;
import dev.vidgate.policy.faces.LabelledFaces;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.Scrape;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import static dev.vidgate.testsupport.ApiAssertions.assertError;
import static dev.vidgate.testsupport.ApiAssertions.assertRequestId;
import static dev.vidgate.testsupport.ApiCalls.json;
import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seed's "no human faces in input images", through the official SDK and over raw HTTP, on a real server: a
 * {@code strict} model (the {@code sora-2} default) refuses a face, audited and counted as the content policy's
 * {@code faces} block; a tenant at {@code standard} passes the same picture.
 */
class FacesInReferencesThroughOfficialSdkTest {
    private static final String BLOCKED = "Your request was blocked by our moderation system. The input image contains a human face.";
    private static final String PROMPT = "The scene slowly comes to life";

    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();
    static final FundedTenant studio = new FundedTenant(server, "faces");
    static final FundedTenant landscapes = new FundedTenant(server, "landscapes");
    static final AdminCalls admin = new AdminCalls(server.http(TestServer.ADMIN_KEY));

    /** A picture of the labelled set (public domain NASA portrait, a CC0 landscape) as a 1280x720 JPEG reference. */
    private static byte[] reference(String file) {
        try {
            return TestImages.jpeg(LabelledFaces.fitted(ImageIO.read(new ByteArrayInputStream(LabelledFaces.bytes(file)))), 0.9f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static VideoCreateParams create(byte[] reference) {
        return VideoCreateParams.builder().prompt(PROMPT).size(VideoSize._1280X720)
                .inputReference(reference).build();
    }

    @Test
    void aPortraitAsInputReferenceOfAStrictModelIsRefusedAsModerationBlockedAuditedAndCountedAndNothingIsHeldOrCreated() {
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
        JsonNode row = ok(admin.http().get("/admin/v1/policy/blocks?tenant=faces&limit=1")).get("data").get(0);
        assertThat(row.get("category").asString()).isEqualTo("faces");
        assertThat(row.get("source").asString()).isEqualTo("faces");
        assertThat(row.get("model").asString()).isEqualTo("sora-2");
        assertThat(row.get("excerpt").asString()).isEqualTo(PROMPT);
        Scrape metrics = Scrape.of(admin.http().get("/actuator/prometheus").body());
        assertThat(metrics.value("vidgate_policy_blocks_total", "category=\"faces\"", "source=\"faces\"")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aTenantAtStandardPassesTheSamePortraitWithNoAuditRow() {
        String secret = admin.fundedKey("portraits", 10_000_000, "");
        ok(admin.http().postJson("/admin/v1/tenants/portraits/policy", "{\"level\":\"standard\"}"));

        Video created = SdkClients.client(server.server(), secret).videos().create(create(reference("face/skimage-astronaut.jpg")));
        assertThat(created.status().asString()).isIn("queued", "in_progress");
        assertThat(ok(admin.http().get("/admin/v1/policy/blocks?tenant=portraits")).get("data")).isEmpty();
    }

    @Test
    void aClipShowingAFaceUploadedForAnEditOrAsACharacterIsRefusedAtStrictAndPassesAtStandard() {
        String secret = admin.fundedKey("filmmakers", 10_000_000, "");
        ok(admin.http().postJson("/admin/v1/tenants/filmmakers/policy", "{\"level\":\"standard\"}"));
        OpenAIClient filmmaker = SdkClients.client(server.server(), secret);
        Video portrait = SdkClients.awaitFinished(filmmaker, filmmaker.videos().create(VideoCreateParams.builder()
                .prompt("static camera, still picture").size(VideoSize._1280X720).inputReference(reference("face/skimage-astronaut.jpg"))
                .build()).id(), Duration.ofSeconds(180));
        assertThat(portrait.status().asString()).as("%s", portrait.error()).isEqualTo("completed");
        byte[] clip = SdkClients.downloadVideo(filmmaker, portrait.id());

        HttpResponse<String> edit = studio.http().postMultipart("/v1/videos/edits", new RawHttp.Multipart()
                .text("prompt", PROMPT).file("video", "portrait.mp4", "video/mp4", clip));
        assertError(edit, 400, BLOCKED, "video", "moderation_blocked");
        HttpResponse<String> character = studio.http().postMultipart("/v1/videos/characters", new RawHttp.Multipart()
                .text("name", "Astronaut").file("video", "portrait.mp4", "video/mp4", clip));
        assertError(character, 400, BLOCKED, "video", "moderation_blocked");
        studio.assertNothingHeldOrStored();
        assertThat(ok(admin.http().get("/admin/v1/policy/blocks?tenant=faces&limit=5")).get("data").findValuesAsString("excerpt"))
                .contains(PROMPT, "Astronaut");

        HttpResponse<String> mine = server.http(secret).postMultipart("/v1/videos/characters", new RawHttp.Multipart()
                .text("name", "Astronaut").file("video", "portrait.mp4", "video/mp4", clip));
        assertThat(ok(mine).get("id").asString()).as("the same clip at standard").startsWith("char_");
    }

    @Test
    void theRefusalIsOpenAIsEnvelopeWithARequestId() {
        HttpResponse<String> r = studio.http().postMultipart("/v1/videos", new RawHttp.Multipart()
                .text("prompt", PROMPT).text("size", "1280x720")
                .file("input_reference", "group.jpg", "image/jpeg", reference("face/faceapi-sample4.jpg")));
        assertError(r, 400, BLOCKED, "input_reference", "moderation_blocked");
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
