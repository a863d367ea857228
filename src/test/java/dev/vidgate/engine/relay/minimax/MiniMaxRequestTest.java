package dev.vidgate.engine.relay.minimax;

import dev.vidgate.engine.relay.ProviderFixture;
import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** How Sora-shaped jobs become MiniMax's v1 (Hailuo) and v2 (H3) creates, frames and callback included. */
class MiniMaxRequestTest {
    private static final URI PUBLIC = URI.create("https://videos.example.com/");

    @TempDir
    Path dir;

    private ProviderFixture<FakeMiniMax> relay;

    @AfterEach
    void close() throws Exception {
        if (relay != null) relay.close();
    }

    @Test
    void aHailuoJobSendsTierDurationFramesInlineAndOurCallbackUrl() {
        relay = MiniMaxFixture.relay(dir, PUBLIC);
        byte[] first = TestImages.png(1366, 768);
        byte[] last = TestImages.jpeg(1366, 768);
        var options = new GenerationRequest.Options("no people", 7L, null, last);
        var request = new GenerationRequest("video_frames", "MiniMax-Hailuo-02", MiniMaxFixture.HAILUO, 10, "a lantern", first, null, options);
        String handle = relay.engine.start(request);

        JsonNode body = relay.fake.creates().getFirst();
        assertThat(body.path("model").asString()).isEqualTo("MiniMax-Hailuo-02");
        assertThat(body.path("prompt").asString()).isEqualTo("a lantern");
        assertThat(body.path("duration").isIntegralNumber()).isTrue();
        assertThat(body.path("duration").asInt()).isEqualTo(10);
        assertThat(body.path("resolution").asString()).isEqualTo("768P");
        assertThat(MiniMaxShape.decoded(body.path("first_frame_image").asString())).isEqualTo(first);
        assertThat(body.path("last_frame_image").asString()).startsWith("data:image/jpeg;base64,");
        assertThat(MiniMaxShape.decoded(body.path("last_frame_image").asString())).isEqualTo(last);
        assertThat(body.has("negative_prompt") || body.has("seed")).as("MiniMax takes neither").isFalse();
        String callback = body.path("callback_url").asString();
        assertThat(callback).startsWith("https://videos.example.com/relay/callbacks/");
        assertThat(relay.engine.hint(callback.substring(callback.lastIndexOf('/') + 1))).as("the URL sent is the job's live one").isTrue();
        assertThat(relay.engine.check(request, handle)).isNotInstanceOf(EngineStatus.Failed.class);
    }

    @Test
    void withoutAPublicAddressNoCallbackUrlIsSentAndFullHdIs1080P() {
        relay = MiniMaxFixture.relay(dir);
        var request = new GenerationRequest("video_hd", "MiniMax-Hailuo-2.3", new VideoSize(1920, 1080), 6, "a lantern", null);
        assertThat(relay.run(request)).isInstanceOf(EngineStatus.Done.class);
        JsonNode body = relay.fake.creates().getFirst();
        assertThat(body.has("callback_url")).isFalse();
        assertThat(body.has("first_frame_image")).isFalse();
        assertThat(body.path("resolution").asString()).isEqualTo("1080P");
    }

    @Test
    void anH3TextJobSendsContentTheRatioAndIsBilledByTheReportedSeconds() {
        relay = MiniMaxFixture.relay(dir, PUBLIC);
        EngineStatus status = relay.run(new GenerationRequest("video_h3", "MiniMax-H3", new VideoSize(768, 1366), 7, "a lantern", null));
        assertThat(status).isInstanceOf(EngineStatus.Done.class);
        assertThat(((EngineStatus.Done) status).output().usage().seconds()).isEqualTo(7.0);

        JsonNode body = relay.fake.creates().getFirst();
        assertThat(body.path("model").asString()).isEqualTo("MiniMax-H3");
        assertThat(body.path("content").size()).isEqualTo(1);
        assertThat(body.path("content").path(0).path("type").asString()).isEqualTo("text");
        assertThat(body.path("content").path(0).path("text").asString()).isEqualTo("a lantern");
        assertThat(body.path("ratio").asString()).isEqualTo("9:16");
        assertThat(body.path("resolution").asString()).isEqualTo("768P");
        assertThat(body.path("duration").asInt()).isEqualTo(7);
        assertThat(body.path("callback_url").asString()).startsWith("https://videos.example.com/relay/callbacks/");
    }

    @Test
    void anH3ImageJobSendsTheFramesWithTheirRolesAndNoRatio() {
        relay = MiniMaxFixture.relay(dir);
        byte[] first = TestImages.png(2560, 1440);
        byte[] last = TestImages.png(2560, 1440);
        var options = new GenerationRequest.Options(null, null, null, last);
        var request = new GenerationRequest("video_h3_frames", "MiniMax-H3", new VideoSize(2560, 1440), 4, "a lantern", first, null, options);
        assertThat(relay.run(request)).isInstanceOf(EngineStatus.Done.class);

        JsonNode body = relay.fake.creates().getFirst();
        JsonNode content = body.path("content");
        assertThat(content.size()).isEqualTo(3);
        assertThat(content.path(1).path("role").asString()).isEqualTo("first_frame");
        assertThat(MiniMaxShape.decoded(content.path(1).path("image_url").path("url").asString())).isEqualTo(first);
        assertThat(content.path(2).path("role").asString()).isEqualTo("last_frame");
        assertThat(body.has("ratio")).isFalse();
        assertThat(body.path("resolution").asString()).isEqualTo("2K");
        assertThat(body.has("callback_url")).isFalse();
    }
}
