package dev.vidgate.engine.relay.xai;

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
 * Unchanged Sora clients reach Grok Imagine: the official SDK creates {@code sora-2} videos on a whole Vidgate whose
 * relay has one {@code xai} channel mapping {@code sora-2} to {@code grok-imagine-video}; the fake xAI receives them
 * translated, and the MP4 comes back from Vidgate without a trace of xAI in what the client sees.
 */
class XaiThroughOfficialSdkTest {
    @TempDir
    static Path dir;
    static FakeXai xai;
    static TestServer server;
    static OpenAIClient sdk;

    @BeforeAll
    static void start() {
        xai = new FakeXai();
        server = relayServer(dir, "xai", xai.baseUrl(), FakeXai.KEY, "sora-2=grok-imagine-video");
        sdk = SdkClients.client(server, TestServer.API_KEY);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (xai != null) xai.close();
    }

    @Test
    void aSoraCreateWithAReferenceImageReachesGrokImagineTranslatedAndItsVideoComesBackFromVidgate() {
        byte[] png = TestImages.png(1280, 720);
        String id = completed(sdk, "a kite over the dunes", VideoSize._1280X720, VideoSeconds._8, png);

        JsonNode body = xai.onlySeen(FakeXai.CREATE, b -> b.get("prompt").asString().equals("a kite over the dunes"));
        assertThat(body.get("model").asString()).isEqualTo("grok-imagine-video");
        assertThat(body.get("aspect_ratio").asString()).isEqualTo("16:9");
        assertThat(body.get("resolution").asString()).isEqualTo("720p");
        assertThat(body.get("duration").isIntegralNumber()).isTrue();
        assertThat(body.get("duration").asInt()).isEqualTo(8);
        assertInline(body.get("image").get("url").asString(), "image/png", png);

        Mp4Probe probe = video(sdk, id);
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.frameCount()).isPositive();
        String seen = new RawHttp(server.baseUrl(), TestServer.API_KEY).get("/v1/videos/" + id).body();
        assertThat(seen).doesNotContain(xai.origin()).doesNotContain(FakeXai.KEY).doesNotContain("xai-vidgen");
    }

    @Test
    void aTextOnlyPortraitSoraCreateReachesGrokImagineWithoutAnImage() {
        String id = completed(sdk, "a tram in the rain", VideoSize._720X1280, VideoSeconds._4, null);
        JsonNode body = xai.onlySeen(FakeXai.CREATE, b -> b.get("prompt").asString().equals("a tram in the rain"));
        assertThat(body.has("image")).isFalse();
        assertThat(body.get("aspect_ratio").asString()).isEqualTo("9:16");
        assertThat(body.get("duration").asInt()).isEqualTo(4);
        assertThat(video(sdk, id).width()).isPositive();
    }
}
