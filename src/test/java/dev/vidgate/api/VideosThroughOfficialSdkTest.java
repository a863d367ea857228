package dev.vidgate.api;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.errors.NotFoundException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoDownloadContentParams;
import com.openai.models.videos.VideoListParams;
import com.openai.models.videos.VideoRemixParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.TestServerExtension;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official {@code com.openai:openai-java} SDK drives the whole API over real HTTP. */
class VideosThroughOfficialSdkTest {
    @RegisterExtension
    static final TestServerExtension server = TestServerExtension.h2();
    static final RawHttp http = server.http();
    static OpenAIClient sdk;

    @BeforeAll
    static void connect() {
        sdk = SdkClients.client(server.server(), TestServer.API_KEY);
    }

    @Test
    void aTextPromptBecomesADownloadableH264AacMp4OfTheRequestedSizeAndLength() throws Exception {
        Video created = sdk.videos().create(VideoCreateParams.builder()
                .model("sora-2").prompt("A video of a cool cat on a motorcycle in the night")
                .seconds(VideoSeconds._4).size(VideoSize._1280X720).build());
        assertThat(created.id()).startsWith("video_");
        assertThat(created.status().asString()).isIn("queued", "in_progress");

        Video done = SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(120));
        assertThat(done.status().asString()).isEqualTo("completed");
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.completedAt()).isPresent();
        assertThat(done.expiresAt()).contains(done.completedAt().get() + 24 * 3600);

        byte[] mp4 = download(created.id(), VideoDownloadContentParams.Variant.VIDEO);
        var info = Mp4Probe.of(mp4);
        assertThat(info.videoCodec()).isEqualTo("h264");
        assertThat(info.width()).isEqualTo(1280);
        assertThat(info.height()).isEqualTo(720);
        assertThat(info.frameCount()).isEqualTo(4 * 24);
        assertThat(info.durationSeconds()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(info.hasAudio()).isTrue();
        assertThat(info.audioCodec()).isEqualTo("aac");
        assertThat(info.pixelFormat()).isEqualTo("yuv420p");
        assertThat(info.isFastStart()).isTrue();

        byte[] thumbnail = download(created.id(), VideoDownloadContentParams.Variant.THUMBNAIL);
        assertThat(new String(thumbnail, 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail))).isNotNull();
        byte[] sprites = download(created.id(), VideoDownloadContentParams.Variant.SPRITESHEET);
        assertThat(sprites[0] & 0xff).isEqualTo(0xFF);
        assertThat(sprites[1] & 0xff).isEqualTo(0xD8);
        assertThat(ImageIO.read(new ByteArrayInputStream(sprites))).isNotNull();
    }

    @Test
    void aReferenceImageSentByTheSdkBecomesTheFirstFrame() throws Exception {
        byte[] png = TestImages.png(720, 1280);
        Video created = sdk.videos().create(VideoCreateParams.builder()
                .prompt("The cat starts walking slowly towards the camera")
                .size(VideoSize._720X1280).inputReference(png).build());
        Video done = SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(120));
        assertThat(done.status().asString()).isEqualTo("completed");

        byte[] mp4 = download(created.id(), VideoDownloadContentParams.Variant.VIDEO);
        var info = Mp4Probe.of(mp4);
        assertThat(info.width()).isEqualTo(720);
        assertThat(info.height()).isEqualTo(1280);
        BufferedImage reference = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(Mp4Probe.meanAbsDifference(info.frame(0), reference)).isLessThan(6.0);
    }

    @Test
    void listingPagesWithTheSdkCursorVisitsEveryVideoOnce() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(sdk.videos().create(VideoCreateParams.builder().prompt("list me " + i).build()).id());
        }
        var firstPage = sdk.videos().list(VideoListParams.builder().limit(1).build());
        assertThat(firstPage.data()).hasSize(1);
        assertThat(firstPage.hasMore()).contains(true);
        assertThat(firstPage.data().getFirst().id()).isEqualTo(mine.getLast());

        List<String> all = new ArrayList<>();
        firstPage.autoPager().forEach(v -> all.add(v.id()));
        assertThat(all).containsAll(mine).doesNotHaveDuplicates();
    }

    @Test
    void aRemixKeepsTheSourcesShapeAndNamesItsSource() throws Exception {
        Video source = sdk.videos().create(VideoCreateParams.builder().prompt("a quiet forest")
                .size(VideoSize._1280X720).seconds(VideoSeconds._4).build());
        SdkClients.awaitFinished(sdk, source.id(), Duration.ofSeconds(120));

        Video remix = sdk.videos().remix(source.id(), VideoRemixParams.builder().prompt("the same forest at night").build());
        assertThat(remix.id()).isNotEqualTo(source.id());
        assertThat(remix.remixedFromVideoId()).contains(source.id());
        assertThat(remix.size().asString()).isEqualTo("1280x720");
        assertThat(remix.seconds().asString()).isEqualTo("4");
        assertThat(remix.prompt()).contains("the same forest at night");
        assertThat(SdkClients.awaitFinished(sdk, remix.id(), Duration.ofSeconds(120)).status().asString()).isEqualTo("completed");
    }

    @Test
    void aCancelledJobStopsAndCanThenBeDeleted() throws Exception {
        Video created = sdk.videos().create(VideoCreateParams.builder().model("sora-2-pro")
                .prompt("a long sunset").seconds(VideoSeconds._12).size(VideoSize.of("1920x1080")).build());
        // The SDK has no cancel method; its users call the route directly, as here.
        var cancelled = http.post("/v1/videos/" + created.id() + "/cancel", null, new byte[0]);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("\"status\":\"cancelled\"");

        Video after = sdk.videos().retrieve(created.id());
        assertThat(after.status().asString()).isEqualTo("cancelled");
        var content = http.get("/v1/videos/" + created.id() + "/content");
        assertThat(content.statusCode()).isEqualTo(400);
        assertThat(content.body()).contains("not ready");

        var deleted = sdk.videos().delete(created.id());
        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.id()).isEqualTo(created.id());
        assertThatThrownBy(() -> sdk.videos().retrieve(created.id())).isInstanceOf(NotFoundException.class);
    }

    private static byte[] download(String id, VideoDownloadContentParams.Variant variant) throws Exception {
        try (HttpResponse response = sdk.videos().downloadContent(id, VideoDownloadContentParams.builder().variant(variant).build());
             InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            return body.readAllBytes();
        }
    }
}
