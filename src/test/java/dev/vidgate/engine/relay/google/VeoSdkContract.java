package dev.vidgate.engine.relay.google;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoDownloadContentParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.api.SdkClients;
import dev.vidgate.testsupport.RawHttp;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestServer;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end through the official {@code openai-java} SDK: a whole Vidgate whose relay has one Veo channel at a
 * {@link FakeVeo} routes {@code sora-2} to {@code veo-3.1-fast-generate-001}; a Sora-shaped create reaches Google's
 * protocol translated (16:9, 720p, 8 seconds as a number, the reference image inline), and the MP4 comes back.
 */
public abstract class VeoSdkContract {
    @TempDir
    Path dir;

    protected FakeVeo fake;
    private TestServer server;
    private OpenAIClient sdk;

    protected abstract FakeVeo.Dialect dialect();

    /** The channel's keys besides name, models and polling ({@code flavour}, {@code base-url}, {@code api-key}, ...). */
    protected abstract Map<String, String> channel(FakeVeo fake);

    /** The secret that must never show through Vidgate. */
    protected abstract String secret();

    @BeforeEach
    void start() {
        fake = FakeVeo.start(dialect());
        Map<String, String> properties = new HashMap<>(Map.of(
                "vidgate.model-engines.sora-2", "relay",
                "vidgate.relay.channels[0].name", "veo",
                "vidgate.relay.channels[0].models[0]", "sora-2=" + VeoJobs.MODEL,
                "vidgate.relay.poll-interval", "100ms",
                "vidgate.relay.max-poll-interval", "500ms"));
        channel(fake).forEach((k, v) -> properties.put("vidgate.relay.channels[0]." + k, v));
        server = TestServer.start(dir, new TestClock(), properties);
        sdk = SdkClients.client(server, TestServer.API_KEY);
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        fake.close();
    }

    @Test
    void aSoraCreateReachesVeoTranslatedAndItsVideoDownloadsFromVidgate() throws Exception {
        Video created = sdk.videos().create(VideoCreateParams.builder().model("sora-2").prompt("a lighthouse in a storm")
                .seconds(VideoSeconds._8).size(VideoSize._1280X720).build());
        assertThat(SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(120)).status().asString()).isEqualTo("completed");

        JsonNode body = fake.creates().getFirst();
        assertThat(fake.seen(":predictLongRunning").getFirst().path()).endsWith("/models/" + VeoJobs.MODEL + ":predictLongRunning");
        assertThat(body.path("instances").path(0).path("prompt").asString()).isEqualTo("a lighthouse in a storm");
        assertThat(body.path("instances").path(0).has("image")).isFalse();
        assertThat(body.path("parameters").path("aspectRatio").asString()).isEqualTo("16:9");
        assertThat(body.path("parameters").path("resolution").asString()).isEqualTo("720p");
        assertThat(body.path("parameters").path("durationSeconds").isIntegralNumber()).isTrue();
        assertThat(body.path("parameters").path("durationSeconds").asInt()).isEqualTo(8);

        Mp4Probe probe = Mp4Probe.of(download(created.id()));
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.width()).isEqualTo(320);

        String seen = new RawHttp(server.baseUrl(), TestServer.API_KEY).get("/v1/videos/" + created.id()).body();
        assertThat(seen).doesNotContain(fake.baseUrl()).doesNotContain("operations/").doesNotContain(secret());
    }

    @Test
    void aReferenceImageFromTheSdkReachesVeoInlineWithItsMimeType() {
        byte[] png = TestImages.png(1280, 720);
        Video created = sdk.videos().create(VideoCreateParams.builder().model("sora-2").prompt("the cat starts walking")
                .seconds(VideoSeconds._8).size(VideoSize._1280X720).inputReference(png).build());
        assertThat(SdkClients.awaitFinished(sdk, created.id(), Duration.ofSeconds(120)).status().asString()).isEqualTo("completed");

        JsonNode image = fake.creates().getFirst().path("instances").path(0).path("image");
        assertThat(image.path("mimeType").asString()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(image.path("bytesBase64Encoded").asString())).isEqualTo(png);
    }

    private byte[] download(String id) throws Exception {
        try (HttpResponse response = sdk.videos().downloadContent(id, VideoDownloadContentParams.builder()
                .variant(VideoDownloadContentParams.Variant.VIDEO).build()); InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            return body.readAllBytes();
        }
    }
}
