package dev.vidgate.engine.relay.kling;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoDownloadContentParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.api.SdkClients;
import dev.vidgate.engine.relay.kling.FakeKling.Route;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.TestClips;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official {@code openai-java} SDK creates Sora-shaped videos of {@code kling-v2-6} on a whole Vidgate server whose
 * relay has one {@code kling} channel at the fake: the fake receives Kling's request (model, mode, ratio, duration as a
 * string, the reference inline as raw base64 on image2video), the job completes, and the MP4 comes from Vidgate.
 */
class KlingThroughOfficialSdkTest {
    @TempDir
    static Path dir;
    static FakeKling kling;
    static TestServer server;
    static OpenAIClient sdk;

    @BeforeAll
    static void start() {
        TestClock clock = new TestClock();
        kling = FakeKling.start(clock);
        kling.video = TestClips.mp4(1280, 720, 1);
        server = TestServer.start(dir, clock, Map.of(
                "vidgate.model-engines.kling-v2-6", "relay",
                "vidgate.relay.channels[0].name", "kling",
                "vidgate.relay.channels[0].flavour", "kling",
                "vidgate.relay.channels[0].base-url", kling.baseUrl(),
                "vidgate.relay.channels[0].api-key", FakeKling.ACCESS_KEY + ":" + FakeKling.SECRET_KEY,
                "vidgate.relay.channels[0].models", "kling-v2-6",
                "vidgate.relay.poll-interval", "200ms",
                "vidgate.relay.max-poll-interval", "1s"));
        sdk = SdkClients.client(server, TestServer.API_KEY);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (kling != null) kling.close();
    }

    @Test
    void anImageToVideoCreateReachesKlingTranslatedAndTheVideoComesBackFromVidgate() throws Exception {
        byte[] png = TestImages.png(1280, 720);
        Video created = sdk.videos().create(VideoCreateParams.builder().model("kling-v2-6")
                .prompt("the heron lifts off the lake").seconds(VideoSeconds.of("5")).size(VideoSize._1280X720)
                .inputReference(png).build());
        Video done = SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(60));
        assertThat(done.status().asString()).isEqualTo("completed");

        JsonNode sent = onlyCreate("/v1/videos/image2video");
        assertThat(sent.get("model_name").asString()).isEqualTo("kling-v2-6");
        assertThat(sent.get("mode").asString()).isEqualTo("std");
        assertThat(sent.get("duration").isString()).isTrue();
        assertThat(sent.get("duration").asString()).isEqualTo("5");
        assertThat(sent.get("image").asString()).doesNotStartWith("data:");
        assertThat(Base64.getDecoder().decode(sent.get("image").asString())).isEqualTo(png);
        assertThat(sent.has("aspect_ratio")).isFalse();

        Mp4Probe probe = Mp4Probe.of(download(created.id()));
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.width()).isEqualTo(1280);
        String seen = new RawHttp(server.baseUrl(), TestServer.API_KEY).get("/v1/videos/" + created.id()).body();
        assertThat(seen).doesNotContain(kling.baseUrl()).doesNotContain(FakeKling.ACCESS_KEY);
        for (String taskId : kling.taskIds()) assertThat(seen).doesNotContain(taskId);
    }

    @Test
    void aTextToVideoCreateSendsTheAspectRatioToText2video() throws Exception {
        Video created = sdk.videos().create(VideoCreateParams.builder().model("kling-v2-6")
                .prompt("a lighthouse in a storm, waves breaking").seconds(VideoSeconds.of("5")).size(VideoSize._1280X720).build());
        Video done = SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(60));
        assertThat(done.status().asString()).isEqualTo("completed");
        JsonNode sent = onlyCreate("/v1/videos/text2video");
        assertThat(sent.get("aspect_ratio").asString()).isEqualTo("16:9");
        assertThat(sent.get("prompt").asString()).isEqualTo("a lighthouse in a storm, waves breaking");
        assertThat(sent.get("duration").asString()).isEqualTo("5");
        assertThat(sent.has("image")).isFalse();
        assertThat(Mp4Probe.of(download(created.id())).width()).isEqualTo(1280);
    }

    private static JsonNode onlyCreate(String path) {
        var creates = kling.seen(Route.CREATE).stream().filter(s -> s.path().equals(path)).toList();
        assertThat(creates).hasSize(1);
        return creates.getFirst().body();
    }

    private static byte[] download(String id) throws Exception {
        try (HttpResponse response = sdk.videos().downloadContent(id,
                VideoDownloadContentParams.builder().variant(VideoDownloadContentParams.Variant.VIDEO).build());
             InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            return body.readAllBytes();
        }
    }
}
