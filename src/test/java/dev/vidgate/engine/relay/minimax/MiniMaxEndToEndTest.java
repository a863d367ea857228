package dev.vidgate.engine.relay.minimax;

import com.openai.client.OpenAIClient;
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
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official SDK against a whole Vidgate whose relay has one MiniMax channel at the fake (and a public address, so
 * creates carry a callback URL): Sora-shaped creates reach MiniMax's v1 and v2 APIs translated, and the MP4 served by
 * Vidgate decodes; nothing of MiniMax shows through.
 */
class MiniMaxEndToEndTest {
    @TempDir
    static Path dir;
    static FakeMiniMax fake;
    static TestServer server;
    static OpenAIClient sdk;

    @BeforeAll
    static void start() {
        fake = FakeMiniMax.start();
        server = ProviderFixture.server(dir, "minimax", fake.baseUrl(), FakeMiniMax.KEY, Map.of("vidgate.public-url", "https://videos.example.com"));
        sdk = SdkClients.client(server, TestServer.API_KEY);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (fake != null) fake.close();
    }

    @Test
    void aHailuoTextCreateReachesMiniMaxWithOurCallbackAndItsVideoIsServed() throws Exception {
        Video created = sdk.videos().create(VideoCreateParams.builder().model("MiniMax-Hailuo-2.3").prompt("a heron at dawn")
                .size(VideoSize.of("1366x768")).seconds(VideoSeconds.of("6")).build());
        assertThat(SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(90)).status().asString()).isEqualTo("completed");

        JsonNode sent = sent(c -> c.path("prompt").asString(""), "a heron at dawn");
        assertThat(sent.path("model").asString()).isEqualTo("MiniMax-Hailuo-2.3");
        assertThat(sent.path("resolution").asString()).isEqualTo("768P");
        assertThat(sent.path("duration").isIntegralNumber()).isTrue();
        assertThat(sent.path("duration").asInt()).isEqualTo(6);
        assertThat(sent.path("callback_url").asString()).startsWith("https://videos.example.com/relay/callbacks/");

        assertThat(Mp4Probe.of(SdkClients.downloadVideo(sdk, created.id())).videoCodec()).isEqualTo("h264");
        String seen = new RawHttp(server.baseUrl(), TestServer.API_KEY).get("/v1/videos/" + created.id()).body();
        assertThat(seen).doesNotContain(fake.baseUrl()).doesNotContain(FakeMiniMax.KEY).doesNotContain("1069161122");
    }

    @Test
    void anInputReferenceGoesInlineAsTheFirstFrame() throws Exception {
        byte[] png = TestImages.png(1366, 768);
        Video created = sdk.videos().create(VideoCreateParams.builder().model("MiniMax-Hailuo-02").prompt("the heron takes off")
                .size(VideoSize.of("1366x768")).seconds(VideoSeconds.of("10")).inputReference(png).build());
        assertThat(SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(90)).status().asString()).isEqualTo("completed");

        JsonNode sent = sent(c -> c.path("prompt").asString(""), "the heron takes off");
        assertThat(MiniMaxShape.decoded(sent.path("first_frame_image").asString())).isEqualTo(png);
        assertThat(sent.path("duration").asInt()).isEqualTo(10);
        assertThat(Mp4Probe.of(SdkClients.downloadVideo(sdk, created.id())).width()).isEqualTo(320);
    }

    @Test
    void anH3CreateGoesToTheV2ApiAsContentWithItsRatio() throws Exception {
        Video created = sdk.videos().create(VideoCreateParams.builder().model("MiniMax-H3").prompt("a heron in the rain")
                .size(VideoSize.of("768x1366")).seconds(VideoSeconds.of("8")).build());
        assertThat(SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(90)).status().asString()).isEqualTo("completed");

        JsonNode sent = sent(c -> c.path("content").path(0).path("text").asString(""), "a heron in the rain");
        assertThat(sent.path("ratio").asString()).isEqualTo("9:16");
        assertThat(sent.path("resolution").asString()).isEqualTo("768P");
        assertThat(sent.path("duration").asInt()).isEqualTo(8);
        assertThat(Mp4Probe.of(SdkClients.downloadVideo(sdk, created.id())).videoCodec()).isEqualTo("h264");
    }

    private static JsonNode sent(Function<JsonNode, String> prompt, String wanted) {
        return fake.creates().stream().filter(c -> prompt.apply(c).equals(wanted)).findFirst().orElseThrow();
    }
}
