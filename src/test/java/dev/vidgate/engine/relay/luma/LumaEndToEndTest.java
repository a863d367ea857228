package dev.vidgate.engine.relay.luma;

import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.vidgate.engine.relay.FakeProvider.Seen;
import dev.vidgate.engine.relay.ProviderServer;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sora-shaped creates through the official SDK reach Luma's fake translated; a reference image is published by Vidgate
 * at its public address, and the fake fetches it from there as Luma would. The video comes back from Vidgate.
 */
class LumaEndToEndTest {
    @TempDir
    static Path dir;
    static FakeLuma luma;
    static ProviderServer vidgate;

    @BeforeAll
    static void start() {
        luma = new FakeLuma();
        vidgate = ProviderServer.start(dir, "luma", luma.baseUrl(), FakeLuma.KEY, "ray-2,ray-flash-2");
    }

    @AfterAll
    static void stop() {
        if (vidgate != null) vidgate.close();
        if (luma != null) luma.close();
    }

    private static JsonNode lastCreate() {
        List<Seen> creates = luma.seen("POST", FakeLuma.PREFIX + "/generations/video");
        assertThat(creates).isNotEmpty();
        return creates.getLast().json();
    }

    @Test
    void aSoraShapedTextCreateBecomesALumaGenerationAndTheMp4DownloadsFromVidgate() throws Exception {
        // Luma's model by name: Sora's durations (4, 8, 12 s) are none of Luma's (5, 9 s)
        Video done = vidgate.createAndAwait(VideoCreateParams.builder().model("ray-2").prompt("a lighthouse in a storm")
                .seconds(VideoSeconds.of("5")).size(VideoSize._1280X720).build());

        JsonNode body = lastCreate();
        assertThat(body.path("model").asString()).isEqualTo("ray-2");
        assertThat(body.path("aspect_ratio").asString()).isEqualTo("16:9");
        assertThat(body.path("resolution").asString()).isEqualTo("720p");
        assertThat(body.path("duration").asString()).isEqualTo("5s");
        assertThat(body.path("callback_url").asString()).startsWith(vidgate.server.baseUrl() + "/relay/callbacks/");

        Mp4Probe probe = Mp4Probe.of(vidgate.download(done.id()));
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.width()).isEqualTo(320);
        String seen = vidgate.asClientSeesIt(done.id());
        assertThat(seen).doesNotContain(luma.root()).doesNotContain(FakeLuma.KEY);
        luma.generations.keySet().forEach(id -> assertThat(seen).doesNotContain(id));
    }

    @Test
    void anInputReferenceIsPublishedByVidgateAndLumaFetchesTheSameBytes() throws Exception {
        byte[] png = TestImages.png(720, 1280);
        Video done = vidgate.createAndAwait(VideoCreateParams.builder().model("ray-flash-2").prompt("the waves roll in")
                .seconds(VideoSeconds.of("9")).size(VideoSize._720X1280).inputReference(png).build());

        JsonNode body = lastCreate();
        assertThat(body.path("model").asString()).isEqualTo("ray-flash-2");
        assertThat(body.path("aspect_ratio").asString()).isEqualTo("9:16");
        assertThat(body.path("duration").asString()).isEqualTo("9s");
        String url = body.path("keyframes").path("frame0").path("url").asString();
        assertThat(url).startsWith(vidgate.server.baseUrl() + "/relay/images/");
        String id = luma.generations.values().stream().filter(g -> g.request.equals(body)).findFirst().orElseThrow().id;
        assertThat(luma.fetched.get(id + "/frame0")).isEqualTo(png);
        assertThat(Mp4Probe.of(vidgate.download(done.id())).videoCodec()).isEqualTo("h264");
    }
}
