package dev.vidgate.engine.relay.comfyui;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoDownloadContentParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.api.SdkClients;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.Scrape;
import dev.vidgate.testsupport.Waits;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The official SDK drives a whole Vidgate whose relay has one ComfyUI channel at the fake: a Sora-shaped create
 * with a reference image reaches ComfyUI as the image workflow with every placeholder filled, and the MP4 Vidgate
 * serves decodes to exactly the size and frame count asked for, whatever ComfyUI saved.
 */
class ComfyUiThroughSdkTest {
    @TempDir
    static Path dir;
    static FakeComfyUi comfy;
    static TestServer server;
    static OpenAIClient sdk;

    @BeforeAll
    static void start() {
        comfy = FakeComfyUi.start();
        server = TestServer.start(dir, new TestClock(), Map.of(
                "vidgate.engine", "relay",
                "vidgate.relay.channels[0].name", "gpu-1",
                "vidgate.relay.channels[0].flavour", "comfyui",
                "vidgate.relay.channels[0].base-url", comfy.baseUrl(),
                "vidgate.relay.channels[0].api-key", FakeComfyUi.KEY,
                "vidgate.relay.channels[0].options.websocket-url", comfy.socket.address(),
                "vidgate.relay.poll-interval", "200ms",
                "vidgate.relay.max-poll-interval", "1s"));
        sdk = SdkClients.client(server, TestServer.API_KEY);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (comfy != null) comfy.close();
    }

    @Test
    void aCreateWithAReferenceImageRunsTheImageWorkflowAndServesAnExactMp4() throws Exception {
        comfy.output = FakeOutputs.mp4(360, 640, 65, 16); // Wan's 4 s: half the size asked for, 65 frames at 16 fps
        byte[] png = TestImages.png(720, 1280);
        Video created = sdk.videos().create(VideoCreateParams.builder().model("sora-2")
                .prompt("The cat starts walking slowly towards the camera")
                .size(VideoSize._720X1280).seconds(VideoSeconds._4).inputReference(png).build());
        Video done = SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(120));
        assertThat(done.status().asString()).isEqualTo("completed");

        JsonNode graph = comfy.lastGraph();
        String image = graph.path("15").path("inputs").path("image").asString();
        assertThat(comfy.uploads.get(image)).isEqualTo(png);
        assertThat(graph.path("7").path("inputs").path("text").asString()).isEqualTo("The cat starts walking slowly towards the camera");
        JsonNode latent = graph.path("9").path("inputs");
        assertThat(graph.path("9").path("class_type").asString()).isEqualTo("WanImageToVideo");
        assertThat(latent.path("width").asInt()).isEqualTo(720);
        assertThat(latent.path("height").asInt()).isEqualTo(1280);
        assertThat(latent.path("length").asInt()).isEqualTo(65);
        assertThat(graph.path("10").path("inputs").path("noise_seed").isIntegralNumber()).isTrue();
        assertThat(graph.path("13").path("inputs").path("fps").asInt()).isEqualTo(16);

        Mp4Probe mp4 = Mp4Probe.of(download(created.id()));
        assertThat(mp4.videoCodec()).isEqualTo("h264");
        assertThat(mp4.width()).isEqualTo(720);
        assertThat(mp4.height()).isEqualTo(1280);
        assertThat(mp4.frameCount()).isEqualTo(96);
        assertThat(mp4.durationSeconds()).isCloseTo(4.0, offset(0.05));

        String seen = new RawHttp(server.baseUrl(), TestServer.API_KEY).get("/v1/videos/" + created.id()).body();
        String promptId = comfy.seen("POST", "/prompt").getLast().json().path("prompt_id").asString();
        assertThat(seen).doesNotContain(promptId).doesNotContain(comfy.baseUrl()).doesNotContain(FakeComfyUi.KEY);
        JsonNode adjustments = tools.jackson.databind.json.JsonMapper.builder().build().readTree(seen).path("adjustments");
        assertThat(adjustments.toString()).as("the Video says the 4.06 s Wan made was trimmed and its size doubled").isEqualTo(
                "[{\"param\":\"output_seconds\",\"requested\":\"4.06\",\"used\":\"4\"},"
                        + "{\"param\":\"output_size\",\"requested\":\"360x640\",\"used\":\"720x1280\"}]");
    }

    @Test
    void aTextCreateRunsTheTextWorkflow() throws Exception {
        comfy.output = FakeOutputs.mp4(640, 352, 65, 16);
        Video created = sdk.videos().create(VideoCreateParams.builder().model("sora-2").prompt("a lighthouse in a storm")
                .size(VideoSize._1280X720).seconds(VideoSeconds._4).build());
        assertThat(SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(120)).status().asString()).isEqualTo("completed");
        JsonNode graph = comfy.lastGraph();
        assertThat(graph.path("9").path("class_type").asString()).isEqualTo("EmptyHunyuanLatentVideo");
        assertThat(graph.path("9").path("inputs").path("width").asInt()).isEqualTo(1280);
        assertThat(graph.path("9").path("inputs").path("height").asInt()).isEqualTo(720);
        Mp4Probe mp4 = Mp4Probe.of(download(created.id()));
        assertThat(mp4.width()).isEqualTo(1280);
        assertThat(mp4.frameCount()).isEqualTo(96);
    }

    @Test
    void theChannelReportAndTheMetricsShowTheServersFreeVramAndOneJobAtATime() {
        RawHttp admin = new RawHttp(server.baseUrl(), TestServer.ADMIN_KEY);
        String report = Waits.await("the server's figures", Duration.ofSeconds(30), Duration.ofMillis(200))
                .until(() -> admin.get("/admin/v1/channels").body(), body -> body.contains("vram_free_bytes"));
        assertThat(report).contains("\"name\":\"gpu-1\"", "\"flavour\":\"comfyui\"", "\"max_in_flight\":1")
                .doesNotContain(FakeComfyUi.KEY);
        JsonNode upstream = tools.jackson.databind.json.JsonMapper.builder().build().readTree(report).path("data").path(0).path("upstream");
        assertThat(upstream.path("vram_free_bytes").asDouble()).isEqualTo(20_305_799_168d);
        assertThat(upstream.path("vram_total_bytes").asDouble()).isEqualTo(48_305_799_168d);
        Scrape scrape = Scrape.of(admin.get("/actuator/prometheus").body());
        assertThat(scrape.value("vidgate_upstream_figure", "channel=\"gpu-1\"", "figure=\"vram_free_bytes\"")).isEqualTo(20_305_799_168d);
        assertThat(comfy.seen("GET", "/system_stats")).isNotEmpty();
    }

    private static byte[] download(String id) throws Exception {
        try (HttpResponse response = sdk.videos().downloadContent(id, VideoDownloadContentParams.builder()
                .variant(VideoDownloadContentParams.Variant.VIDEO).build()); InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            return body.readAllBytes();
        }
    }
}
