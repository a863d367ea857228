package dev.vidgate.api;

import com.openai.client.OpenAIClient;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoEditParams;
import com.openai.models.videos.VideoExtendParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.TestClips;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static dev.vidgate.testsupport.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/** Edits and extensions through the official SDK's {@code videos().edit} and {@code videos().extend}, over real HTTP. */
class EditsThroughOfficialSdkTest {
    private static final Duration RENDER = Duration.ofSeconds(180);

    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();
    static final AdminCalls admin = new AdminCalls(server.http(TestServer.ADMIN_KEY));

    @Test
    void anEditByIdKeepsTheSourcesSizeAndLengthAndStartsOnItsFirstFrame() {
        OpenAIClient sdk = SdkClients.client(server.server(), TestServer.API_KEY);
        Video source = completed(sdk, sdk.videos().create(VideoCreateParams.builder().prompt("a quiet forest at dawn")
                .size(VideoSize._1280X720).seconds(VideoSeconds._4).build()));

        Video edit = sdk.videos().edit(VideoEditParams.builder().prompt("the same forest in heavy snow")
                .video(VideoEditParams.Video.VideoReferenceInputParam.builder().id(source.id()).build()).build());
        assertThat(edit.id()).isNotEqualTo(source.id());
        assertThat(edit.size().asString()).isEqualTo("1280x720");
        assertThat(edit.seconds().asString()).isEqualTo("4");
        assertThat(edit.remixedFromVideoId()).isEmpty();
        completed(sdk, edit);

        var before = Mp4Probe.of(SdkClients.downloadVideo(sdk, source.id()));
        var after = Mp4Probe.of(SdkClients.downloadVideo(sdk, edit.id()));
        assertThat(after.width()).isEqualTo(1280);
        assertThat(after.height()).isEqualTo(720);
        assertThat(after.frameCount()).isEqualTo(4 * 24);
        assertThat(Mp4Probe.meanAbsDifference(after.frame(0), before.frame(0))).isLessThan(8.0);
    }

    @Test
    void anExtensionByIdIsOneMp4OfTheStitchedLengthWhoseNewPartContinuesFromTheLastFrame() {
        String secret = admin.fundedKey("extender", 10_000_000, "");
        OpenAIClient sdk = SdkClients.client(server.server(), secret);
        Video source = completed(sdk, sdk.videos().create(VideoCreateParams.builder().prompt("waves rolling onto a beach")
                .size(VideoSize._1280X720).seconds(VideoSeconds._4).build()));
        long afterSource = admin.account("extender").get("balance").asLong();

        Video extension = sdk.videos().extend(VideoExtendParams.builder().prompt("the camera rises over the sea")
                .seconds(VideoSeconds._4)
                .video(VideoExtendParams.Video.VideoReferenceInputParam.builder().id(source.id()).build()).build());
        assertThat(extension.seconds().asString()).isEqualTo("8");
        // only the added seconds are held: 4 s of sora-2 720p at 0.1 credits a second
        assertThat(admin.account("extender").get("held").asLong()).isEqualTo(4 * 100_000);
        completed(sdk, extension);
        assertThat(admin.account("extender").get("balance").asLong()).isEqualTo(afterSource - 4 * 100_000);

        var before = Mp4Probe.of(SdkClients.downloadVideo(sdk, source.id()));
        var after = Mp4Probe.of(SdkClients.downloadVideo(sdk, extension.id()));
        assertThat(after.width()).isEqualTo(1280);
        assertThat(after.frameCount()).isEqualTo(8 * 24);
        assertThat(after.durationSeconds()).isCloseTo(8.0, offset(0.1));
        assertThat(Mp4Probe.meanAbsDifference(after.frame(0), before.frame(0))).isLessThan(8.0);
        assertThat(Mp4Probe.meanAbsDifference(after.frame(4 * 24 - 1), before.frame(4 * 24 - 1))).isLessThan(8.0);
        assertThat(Mp4Probe.meanAbsDifference(after.frame(4 * 24), before.frame(4 * 24 - 1))).isLessThan(8.0);
    }

    @Test
    void anUploadedClipIsEditedAtItsOwnSizeAndLengthAndBilledAsAClipOfThatLength() {
        String secret = admin.fundedKey("uploader", 10_000_000, "");
        OpenAIClient sdk = SdkClients.client(server.server(), secret);
        byte[] clip = TestClips.mp4(1280, 720, 2);

        Video edit = sdk.videos().edit(VideoEditParams.builder().prompt("the colours turn to autumn").video(clip).build());
        assertThat(edit.size().asString()).isEqualTo("1280x720");
        assertThat(edit.seconds().asString()).isEqualTo("2");
        assertThat(edit.model().asString()).isEqualTo("sora-2");
        assertThat(admin.account("uploader").get("held").asLong()).isEqualTo(2 * 100_000);
        completed(sdk, edit);

        var made = Mp4Probe.of(SdkClients.downloadVideo(sdk, edit.id()));
        assertThat(made.frameCount()).isEqualTo(2 * 24);
        JsonNode usage = ok(server.http(secret).get("/v1/usage"));
        assertThat(usage.get("credits").asLong()).isEqualTo(2 * 100_000);
    }

    @Test
    void anUploadedClipIsExtendedFromItsLastFrame() {
        OpenAIClient sdk = SdkClients.client(server.server(), TestServer.API_KEY);
        byte[] clip = TestClips.mp4(1280, 720, 2);

        Video extension = sdk.videos().extend(VideoExtendParams.builder().prompt("and then it slowly fades")
                .seconds(VideoSeconds._4).video(clip).build());
        assertThat(extension.seconds().asString()).isEqualTo("6");
        completed(sdk, extension);

        var made = Mp4Probe.of(SdkClients.downloadVideo(sdk, extension.id()));
        assertThat(made.frameCount()).isEqualTo(6 * 24);
        var source = Mp4Probe.of(clip);
        var last = source.frame(source.frameCount() - 1);
        assertThat(Mp4Probe.meanAbsDifference(made.frame(2 * 24 - 1), last)).isLessThan(10.0);
        assertThat(Mp4Probe.meanAbsDifference(made.frame(2 * 24), last)).isLessThan(10.0);
    }

    @Test
    void aVideoOfAModelThatCannotEditIsRefusedNamingTheModelAndNothingIsHeld() {
        String secret = admin.fundedKey("kling-user", 10_000_000, "");
        OpenAIClient sdk = SdkClients.client(server.server(), secret);
        Video source = completed(sdk, sdk.videos().create(VideoCreateParams.builder().model("kling-v2-6").prompt("a red kite")
                .seconds(VideoSeconds.of("5")).size(VideoSize._1280X720).build()));
        long balance = admin.account("kling-user").get("balance").asLong();

        assertThatThrownBy(() -> sdk.videos().edit(VideoEditParams.builder().prompt("a blue kite")
                .video(VideoEditParams.Video.VideoReferenceInputParam.builder().id(source.id()).build()).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.getMessage()).contains("kling-v2-6").contains("cannot edit");
                    assertThat(e.param()).contains("video");
                });
        assertThat(admin.account("kling-user").get("balance").asLong()).isEqualTo(balance);
        assertThat(admin.account("kling-user").get("held").asLong()).isZero();
    }

    @Test
    void anotherTenantsVideoIsUnknownAndAnUnfinishedOneIsRefused() {
        OpenAIClient mine = SdkClients.client(server.server(), TestServer.API_KEY);
        OpenAIClient theirs = SdkClients.client(server.server(), admin.fundedKey("other", 10_000_000, ""));
        Video source = mine.videos().create(VideoCreateParams.builder().prompt("a slow sunrise").build());

        assertThatThrownBy(() -> theirs.videos().edit(VideoEditParams.builder().prompt("x")
                .video(VideoEditParams.Video.VideoReferenceInputParam.builder().id(source.id()).build()).build()))
                .isInstanceOf(NotFoundException.class);
        if (!mine.videos().retrieve(source.id()).status().asString().equals("completed")) {
            assertThatThrownBy(() -> mine.videos().extend(VideoExtendParams.builder().prompt("x").seconds(VideoSeconds._4)
                    .video(VideoExtendParams.Video.VideoReferenceInputParam.builder().id(source.id()).build()).build()))
                    .isInstanceOf(BadRequestException.class);
        }
    }

    @Test
    void badFootageAndBadSecondsAnswer400InTheOpenAiEnvelope() {
        RawHttp http = server.http();
        var image = http.postMultipart("/v1/videos/edits", new RawHttp.Multipart().text("prompt", "x")
                .file("video", "clip.mp4", "video/mp4", TestImages.png(64, 64)));
        assertThat(image.statusCode()).isEqualTo(400);
        assertThat(image.headers().firstValue("x-request-id")).isPresent();
        JsonNode error = ApiAssertionsJson.error(image.body());
        assertThat(error.get("param").asString()).isEqualTo("video");
        assertThat(error.get("code").asString()).isEqualTo("invalid_file_format");

        var odd = http.postMultipart("/v1/videos/edits", new RawHttp.Multipart().text("prompt", "x")
                .file("video", null, "application/octet-stream", TestClips.mp4(320, 180, 1)));
        assertThat(odd.statusCode()).isEqualTo(400);
        assertThat(odd.body()).contains("320x180").contains("1280x720");

        var seconds = http.postJson("/v1/videos/extensions", "{\"prompt\":\"x\",\"seconds\":\"5\",\"video\":{\"id\":\"video_0\"}}");
        assertThat(seconds.statusCode()).isEqualTo(400);
        assertThat(seconds.body()).contains("seconds must be one of \\\"4\\\", \\\"8\\\", \\\"12\\\", \\\"16\\\", \\\"20\\\"");

        var missing = http.postJson("/v1/videos/edits", "{\"prompt\":\"x\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Missing required parameter: video");
    }

    private static Video completed(OpenAIClient sdk, Video created) {
        Video done = SdkClients.awaitFinished(sdk, created.id(), RENDER);
        assertThat(done.status().asString()).as("video %s: %s", done.id(), done.error()).isEqualTo("completed");
        return done;
    }

    /** The error object of an OpenAI envelope. */
    private static final class ApiAssertionsJson {
        static JsonNode error(String body) {
            return new tools.jackson.databind.ObjectMapper().readTree(body).get("error");
        }
    }
}
