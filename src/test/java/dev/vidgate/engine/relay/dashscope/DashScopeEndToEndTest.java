package dev.vidgate.engine.relay.dashscope;

import com.openai.client.OpenAIClient;
import com.openai.errors.BadRequestException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.api.SdkClients;
import dev.vidgate.engine.relay.ProviderFixture;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The official SDK against a whole Vidgate whose relay has one DashScope channel at the fake: Sora-shaped creates
 * reach Model Studio translated (model, size or tier, integer duration, the image inline), and the MP4 served by
 * Vidgate decodes; nothing of DashScope (task id, address, key) shows through.
 */
class DashScopeEndToEndTest {
    @TempDir
    static Path dir;
    static FakeDashScope fake;
    static TestServer server;
    static OpenAIClient sdk;

    @BeforeAll
    static void start() {
        fake = FakeDashScope.start();
        server = ProviderFixture.server(dir, "dashscope", fake.baseUrl(), FakeDashScope.KEY, Map.of());
        sdk = SdkClients.client(server, TestServer.API_KEY);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (fake != null) fake.close();
    }

    @Test
    void aTextCreateReachesDashScopeTranslatedAndItsVideoIsServed() throws Exception {
        Video created = sdk.videos().create(VideoCreateParams.builder().model("wan2.5-t2v-preview").prompt("a kite over the dunes")
                .size(VideoSize._1280X720).seconds(VideoSeconds.of("10")).build());
        Video done = SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(90));
        assertThat(done.status().asString()).isEqualTo("completed");

        JsonNode sent = sentWithPrompt("a kite over the dunes");
        assertThat(sent.path("model").asString()).isEqualTo("wan2.5-t2v-preview");
        assertThat(sent.path("parameters").path("size").asString()).isEqualTo("1280*720");
        assertThat(sent.path("parameters").path("duration").isIntegralNumber()).isTrue();
        assertThat(sent.path("parameters").path("duration").asInt()).isEqualTo(10);
        assertThat(sent.path("parameters").path("watermark").asBoolean(true)).isFalse();

        Mp4Probe probe = Mp4Probe.of(SdkClients.downloadVideo(sdk, created.id()));
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.width()).isEqualTo(320);
        String seen = new RawHttp(server.baseUrl(), TestServer.API_KEY).get("/v1/videos/" + created.id()).body();
        assertThat(seen).doesNotContain(fake.baseUrl()).doesNotContain(FakeDashScope.KEY).doesNotContain("0385dc79");
    }

    @Test
    void anInputReferenceGoesInlineToAnImageModel() throws Exception {
        byte[] png = TestImages.png(1280, 720);
        Video created = sdk.videos().create(VideoCreateParams.builder().model("wan2.5-i2v-preview").prompt("the kite climbs")
                .size(VideoSize._1280X720).seconds(VideoSeconds.of("5")).inputReference(png).build());
        Video done = SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(90));
        assertThat(done.status().asString()).isEqualTo("completed");

        JsonNode sent = sentWithPrompt("the kite climbs");
        assertThat(sent.path("model").asString()).isEqualTo("wan2.5-i2v-preview");
        assertThat(FakeDashScope.image(sent)).isEqualTo(png);
        assertThat(sent.path("parameters").path("resolution").asString()).isEqualTo("720P");
        assertThat(sent.path("parameters").path("duration").asInt()).isEqualTo(5);
        assertThat(Mp4Probe.of(SdkClients.downloadVideo(sdk, created.id())).videoCodec()).isEqualTo("h264");
    }

    @Test
    void aReferenceForATextModelIsRefusedBeforeAnythingIsSent() {
        int before = fake.creates().size();
        assertThatThrownBy(() -> sdk.videos().create(VideoCreateParams.builder().model("wan2.2-t2v-plus").prompt("p")
                .size(VideoSize.of("1920x1080")).seconds(VideoSeconds.of("5")).inputReference(TestImages.png(1920, 1080)).build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("wan2.2-t2v-plus takes no input_reference");
        assertThat(fake.creates()).hasSize(before);
    }

    private static JsonNode sentWithPrompt(String prompt) {
        return fake.creates().stream().filter(c -> c.path("input").path("prompt").asString("").equals(prompt)).findFirst().orElseThrow();
    }
}
