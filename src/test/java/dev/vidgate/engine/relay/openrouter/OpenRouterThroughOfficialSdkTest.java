package dev.vidgate.engine.relay.openrouter;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoDownloadContentParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.api.SdkClients;
import dev.vidgate.testsupport.ProviderFake;
import dev.vidgate.testsupport.RawHttp;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unchanged Sora clients reach Veo 3.1 through OpenRouter: the official SDK creates {@code sora-2} videos on a whole
 * Vidgate whose relay has one {@code openrouter} channel mapping {@code sora-2} to {@code google/veo-3.1}; the fake
 * OpenRouter receives them translated, and the MP4 comes back from Vidgate without a trace of OpenRouter.
 */
class OpenRouterThroughOfficialSdkTest {
    @TempDir
    static Path dir;
    static FakeOpenRouter router;
    static TestServer server;
    static OpenAIClient sdk;

    @BeforeAll
    static void start() {
        TestClock clock = new TestClock();
        router = new FakeOpenRouter();
        server = TestServer.start(dir, clock, Map.of(
                "vidgate.model-engines.sora-2", "relay",
                "vidgate.relay.channels[0].name", "openrouter",
                "vidgate.relay.channels[0].flavour", "openrouter",
                "vidgate.relay.channels[0].base-url", router.baseUrl(),
                "vidgate.relay.channels[0].api-key", FakeOpenRouter.KEY,
                "vidgate.relay.channels[0].models", "sora-2=google/veo-3.1",
                "vidgate.relay.poll-interval", "100ms",
                "vidgate.relay.max-poll-interval", "500ms"));
        sdk = SdkClients.client(server, TestServer.API_KEY);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (router != null) router.close();
    }

    @Test
    void aSoraCreateWithAReferenceImageReachesOpenRouterTranslatedAndItsVideoComesBackFromVidgate() throws Exception {
        byte[] png = TestImages.png(1280, 720);
        Video created = sdk.videos().create(VideoCreateParams.builder().model("sora-2").prompt("a kite over the dunes")
                .size(VideoSize._1280X720).seconds(VideoSeconds._8).inputReference(png).build());
        assertThat(SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(90)).status().asString()).isEqualTo("completed");

        JsonNode body = createFor("a kite over the dunes");
        assertThat(body.get("model").asString()).isEqualTo("google/veo-3.1");
        assertThat(body.get("aspect_ratio").asString()).isEqualTo("16:9");
        assertThat(body.get("resolution").asString()).isEqualTo("720p");
        assertThat(body.get("duration").isIntegralNumber()).isTrue();
        assertThat(body.get("duration").asInt()).isEqualTo(8);
        JsonNode frame = body.get("frame_images").get(0);
        assertThat(frame.get("frame_type").asString()).isEqualTo("first_frame");
        String url = frame.get("image_url").get("url").asString();
        assertThat(url).startsWith("data:image/png;base64,");
        assertThat(Base64.getDecoder().decode(url.substring("data:image/png;base64,".length()))).isEqualTo(png);

        Mp4Probe probe = Mp4Probe.of(download(created.id()));
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.frameCount()).isPositive();
        String seen = new RawHttp(server.baseUrl(), TestServer.API_KEY).get("/v1/videos/" + created.id()).body();
        assertThat(seen).doesNotContain(router.origin()).doesNotContain(FakeOpenRouter.KEY).doesNotContain("vgen-");
    }

    @Test
    void aTextOnlyPortraitSoraCreateReachesOpenRouterWithoutFrames() throws Exception {
        Video created = sdk.videos().create(VideoCreateParams.builder().model("sora-2").prompt("a tram in the rain")
                .size(VideoSize._720X1280).seconds(VideoSeconds._4).build());
        assertThat(SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(90)).status().asString()).isEqualTo("completed");
        JsonNode body = createFor("a tram in the rain");
        assertThat(body.has("frame_images")).isFalse();
        assertThat(body.get("aspect_ratio").asString()).isEqualTo("9:16");
        assertThat(body.get("duration").asInt()).isEqualTo(4);
        assertThat(Mp4Probe.of(download(created.id())).width()).isPositive();
    }

    private static JsonNode createFor(String prompt) {
        List<JsonNode> bodies = router.seen(FakeOpenRouter.CREATE).stream().map(ProviderFake.Seen::json)
                .filter(b -> b.get("prompt").asString().equals(prompt)).toList();
        assertThat(bodies).hasSize(1);
        return bodies.getFirst();
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
