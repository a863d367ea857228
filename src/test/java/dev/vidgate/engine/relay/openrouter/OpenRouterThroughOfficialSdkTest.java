package dev.vidgate.engine.relay.openrouter;

import com.openai.client.OpenAIClient;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.api.SdkClients;
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

import static dev.vidgate.testsupport.SoraThroughSdk.assertInline;
import static dev.vidgate.testsupport.SoraThroughSdk.completed;
import static dev.vidgate.testsupport.SoraThroughSdk.relayServer;
import static dev.vidgate.testsupport.SoraThroughSdk.video;
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
        router = new FakeOpenRouter();
        server = relayServer(dir, "openrouter", router.baseUrl(), FakeOpenRouter.KEY, "sora-2=google/veo-3.1");
        sdk = SdkClients.client(server, TestServer.API_KEY);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (router != null) router.close();
    }

    @Test
    void aSoraCreateWithAReferenceImageReachesOpenRouterAsVeoWithAnInlineFirstFrameAndItsVideoComesBackFromVidgate() {
        byte[] png = TestImages.png(1280, 720);
        String id = completed(sdk, "a kite over the dunes", VideoSize._1280X720, VideoSeconds._8, png);

        JsonNode body = router.onlySeen(FakeOpenRouter.CREATE, b -> b.get("prompt").asString().equals("a kite over the dunes"));
        assertThat(body.get("model").asString()).isEqualTo("google/veo-3.1");
        assertThat(body.get("aspect_ratio").asString()).isEqualTo("16:9");
        assertThat(body.get("resolution").asString()).isEqualTo("720p");
        assertThat(body.get("duration").isIntegralNumber()).isTrue();
        assertThat(body.get("duration").asInt()).isEqualTo(8);
        assertThat(body.get("frame_images")).singleElement().satisfies(frame -> {
            assertThat(frame.get("frame_type").asString()).isEqualTo("first_frame");
            assertInline(frame.get("image_url").get("url").asString(), "image/png", png);
        });

        Mp4Probe probe = video(sdk, id);
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.frameCount()).isPositive();
        assertThat(router.seen(FakeOpenRouter.CONTENT)).isNotEmpty();
        String seen = new RawHttp(server.baseUrl(), TestServer.API_KEY).get("/v1/videos/" + id).body();
        assertThat(seen).doesNotContain(router.origin()).doesNotContain(FakeOpenRouter.KEY).doesNotContain("vgen-");
    }

    @Test
    void aTextOnlyPortraitSoraCreateReachesOpenRouterWithoutFrames() {
        String id = completed(sdk, "a tram in the rain", VideoSize._720X1280, VideoSeconds._4, null);
        JsonNode body = router.onlySeen(FakeOpenRouter.CREATE, b -> b.get("prompt").asString().equals("a tram in the rain"));
        assertThat(body.has("frame_images")).isFalse();
        assertThat(body.get("aspect_ratio").asString()).isEqualTo("9:16");
        assertThat(body.get("duration").asInt()).isEqualTo(4);
        assertThat(video(sdk, id).width()).isPositive();
    }
}
