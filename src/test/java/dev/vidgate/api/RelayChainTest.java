package dev.vidgate.api;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoDownloadContentParams;
import com.openai.models.videos.VideoRemixParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.Waits;
import dev.vidgate.testsupport.NodeProcess;
import dev.vidgate.testsupport.media.Mp4Probe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The official SDK drives Vidgate A, whose relay engine sends every job to Vidgate B, a second
 * process that renders with its built-in engine: create, poll, download, remix, cancel and delete
 * travel the whole chain, and nothing of B (ids, address, key) shows through A.
 */
class RelayChainTest {
    private static final String B_KEY = "sk-chain-upstream-0123456789abcdef";
    private static final Pattern ID = Pattern.compile("\"id\":\"(video_[^\"]+)\"");

    @TempDir
    static Path dir;
    static NodeProcess upstream;
    static TestServer relay;
    static OpenAIClient sdk;
    static RawHttp atB;

    @BeforeAll
    static void start() {
        upstream = NodeProcess.start("vidgate-b", dir.resolve("b"), Map.of("vidgate.bootstrap-key", B_KEY,
                "logging.level.root", "WARN", "vidgate.poll-after", "250ms", "vidgate.max-concurrent-per-key", "4"));
        atB = new RawHttp(upstream.baseUrl(), B_KEY);
        relay = TestServer.start(dir.resolve("a"), new TestClock(), Map.of(
                "vidgate.engine", "relay",
                "vidgate.relay.channels[0].name", "vidgate-b",
                "vidgate.relay.channels[0].base-url", upstream.baseUrl() + "/v1",
                "vidgate.relay.channels[0].api-key", B_KEY,
                "vidgate.relay.channels[0].flavour", "openai",
                "vidgate.relay.poll-interval", "200ms",
                "vidgate.relay.max-poll-interval", "1s"));
        sdk = SdkClients.client(relay, TestServer.API_KEY);
    }

    @AfterAll
    static void stop() {
        if (relay != null) relay.close();
        if (upstream != null) upstream.close();
    }

    @Test
    void aVideoMadeByTheSecondVidgateIsServedByTheFirstAndRemixedAndDeletedThroughIt() throws Exception {
        Video created = sdk.videos().create(VideoCreateParams.builder().model("sora-2").prompt("a lighthouse in a storm")
                .seconds(VideoSeconds._4).size(VideoSize._1280X720).build());
        Video done = SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(180));
        assertThat(done.status().asString()).as(upstream.logTail()).isEqualTo("completed");
        assertThat(done.progress()).isEqualTo(100);

        byte[] mp4 = download(created.id(), VideoDownloadContentParams.Variant.VIDEO);
        Mp4Probe probe = Mp4Probe.of(mp4);
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.width()).isEqualTo(1280);
        assertThat(probe.height()).isEqualTo(720);
        assertThat(probe.durationSeconds()).isCloseTo(4.0, offset(0.05));
        assertThat(probe.hasAudio()).isTrue();
        assertThat(new String(download(created.id(), VideoDownloadContentParams.Variant.THUMBNAIL), 8, 4, StandardCharsets.US_ASCII))
                .isEqualTo("WEBP");
        assertThat(download(created.id(), VideoDownloadContentParams.Variant.SPRITESHEET)[0] & 0xff).isEqualTo(0xFF);

        String sourceAtB = onlyIdAtB();
        assertThat(sourceAtB).isNotEqualTo(created.id());
        String seenByClient = new RawHttp(relay.baseUrl(), TestServer.API_KEY).get("/v1/videos/" + created.id()).body();
        assertThat(seenByClient).doesNotContain(sourceAtB).doesNotContain(upstream.baseUrl()).doesNotContain(B_KEY);

        Video remix = sdk.videos().remix(created.id(), VideoRemixParams.builder().prompt("the same lighthouse at dawn").build());
        assertThat(remix.remixedFromVideoId()).contains(created.id());
        assertThat(SdkClients.awaitFinished(sdk, remix.id(), Duration.ofSeconds(180)).status().asString()).isEqualTo("completed");
        assertThat(atB.get("/v1/videos?limit=100").body()).contains("\"remixed_from_video_id\":\"" + sourceAtB + "\"");
        assertThat(Mp4Probe.of(download(remix.id(), VideoDownloadContentParams.Variant.VIDEO)).width()).isEqualTo(1280);

        assertThat(sdk.videos().delete(remix.id()).deleted()).isTrue();
        assertThat(sdk.videos().delete(created.id()).deleted()).isTrue();
        awaitAtB("both deleted upstream", () -> !atB.get("/v1/videos?limit=100").body().contains("\"id\":\"video_"));
        assertThat(atB.get("/v1/videos/" + sourceAtB).statusCode()).isEqualTo(404);
    }

    @Test
    void aCancelledVideoIsCancelledAtTheSecondVidgateToo() throws Exception {
        Video created = sdk.videos().create(VideoCreateParams.builder().model("sora-2").prompt("a very long train crossing a desert")
                .seconds(VideoSeconds._12).size(VideoSize._1280X720).build());
        awaitAtB("the job reached B", () -> atB.get("/v1/videos?limit=100").body().contains("a very long train"));
        String atBId = idAtB("a very long train");
        var cancelled = new RawHttp(relay.baseUrl(), TestServer.API_KEY).post("/v1/videos/" + created.id() + "/cancel", null, new byte[0]);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        awaitAtB("cancelled at B", () -> {
            var answer = atB.get("/v1/videos/" + atBId);
            return answer.statusCode() == 404 || answer.body().contains("\"status\":\"cancelled\"");
        });
    }

    @Test
    void theChannelReportShowsTheUpstreamsHealthToTheOperatorOnly() {
        var report = new RawHttp(relay.baseUrl(), TestServer.ADMIN_KEY).get("/admin/v1/channels");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("\"engine\":\"relay\"", "\"name\":\"vidgate-b\"", "\"flavour\":\"openai\"",
                "\"circuit\":\"closed\"", "\"max_in_flight\":100").doesNotContain(B_KEY);
        assertThat(new RawHttp(relay.baseUrl(), TestServer.API_KEY).get("/admin/v1/channels").statusCode()).isEqualTo(401);
    }

    private static String onlyIdAtB() {
        Matcher m = ID.matcher(atB.get("/v1/videos?limit=100").body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String idAtB(String promptPart) {
        String body = atB.get("/v1/videos?limit=100").body();
        int at = body.indexOf(promptPart);
        int start = body.lastIndexOf("{\"id\":\"", at);
        Matcher m = ID.matcher(body.substring(start));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static void awaitAtB(String what, Callable<Boolean> condition) {
        Waits.await(what, Duration.ofSeconds(60), Duration.ofMillis(100)).until(condition);
    }

    private static byte[] download(String id, VideoDownloadContentParams.Variant variant) throws Exception {
        try (HttpResponse response = sdk.videos().downloadContent(id, VideoDownloadContentParams.builder().variant(variant).build());
             InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            return body.readAllBytes();
        }
    }
}
