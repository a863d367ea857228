package dev.vidgate.engine.relay.luma;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.FakeProvider.Seen;
import dev.vidgate.engine.relay.ProviderFixture;
import dev.vidgate.engine.relay.Submission;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a Sora-shaped job and its optional fields become Luma's create, as Luma's fake receives it. */
class LumaRequestTest {
    private static final URI PUBLIC = URI.create("https://videos.example.com");

    @TempDir
    Path dir;

    private final FakeLuma luma = new FakeLuma();
    private ProviderFixture<?> fixture;

    @AfterEach
    void close() {
        if (fixture != null) fixture.close();
        luma.close();
    }

    private EngineStatus run(Submission.ImageLinks links, URI publicUrl, GenerationRequest request) {
        fixture = ProviderFixture.over(dir, ProviderFixture.channel(new LumaProvider(), luma.baseUrl(), FakeLuma.KEY,
                Map.of("sora-2", "ray-flash-2")), links, publicUrl, s -> s);
        return fixture.run(request);
    }

    private JsonNode onlyCreate() {
        var creates = luma.seen("POST", FakeLuma.PREFIX + "/generations");
        assertThat(creates).hasSize(1);
        Seen create = creates.getFirst();
        assertThat(create.path()).isEqualTo(FakeLuma.PREFIX + "/generations/video");
        return create.json();
    }

    @Test
    void aTextJobNamesTheRatioResolutionAndDurationInLumasTermsAndCarriesTheCallbackUrl() {
        assertThat(run(luma.links(), PUBLIC, new GenerationRequest("video_lq_text", "sora-2", new VideoSize(720, 1280), 9, "a fox", null)))
                .isInstanceOf(EngineStatus.Done.class);
        JsonNode body = onlyCreate();
        assertThat(body.path("model").asString()).isEqualTo("ray-flash-2");
        assertThat(body.path("prompt").asString()).isEqualTo("a fox");
        assertThat(body.path("aspect_ratio").asString()).isEqualTo("9:16");
        assertThat(body.path("resolution").asString()).isEqualTo("720p");
        assertThat(body.path("duration").asString()).isEqualTo("9s");
        assertThat(body.path("callback_url").asString()).startsWith(PUBLIC + "/relay/callbacks/");
        assertThat(body.has("keyframes")).isFalse();
    }

    @Test
    void withoutAPublicAddressNoCallbackUrlIsSent() {
        assertThat(run(luma.links(), null, new GenerationRequest("video_lq_nocb", "sora-2", new VideoSize(1280, 720), 5, "a fox", null)))
                .isInstanceOf(EngineStatus.Done.class);
        assertThat(onlyCreate().has("callback_url")).isFalse();
    }

    @Test
    void aFirstAndLastFrameArePublishedAsKeyframeUrlsThatLumaFetches() {
        byte[] first = TestImages.png(1280, 720);
        byte[] last = TestImages.jpeg(1280, 720);
        var options = new GenerationRequest.Options("ignored: Luma has no negative prompt", 7L, null, last);
        GenerationRequest request = new GenerationRequest("video_lq_frames", "sora-2", new VideoSize(1280, 720), 5, "a door opens",
                first, null, options);
        assertThat(run(luma.links(), null, request)).isInstanceOf(EngineStatus.Done.class);
        JsonNode body = onlyCreate();
        assertThat(body.path("keyframes").path("frame0").path("type").asString()).isEqualTo("image");
        assertThat(body.path("keyframes").path("frame1").path("type").asString()).isEqualTo("image");
        assertThat(body.has("seed") || body.has("negative_prompt")).isFalse();
        String id = luma.generations.keySet().iterator().next();
        assertThat(luma.fetched.get(id + "/frame0")).isEqualTo(first);
        assertThat(luma.fetched.get(id + "/frame1")).isEqualTo(last);
    }

    @Test
    void anImageJobWithoutAPublicAddressIsRefusedSayingWhatToSet() {
        EngineStatus status = run(Submission.ImageLinks.NONE, null,
                new GenerationRequest("video_lq_nolinks", "sora-2", new VideoSize(1280, 720), 5, "a fox", TestImages.png(1280, 720)));
        assertThat(status).isInstanceOf(EngineStatus.Failed.class);
        assertThat(((EngineStatus.Failed) status).message()).contains("vidgate.public-url");
        assertThat(luma.seen("POST", FakeLuma.PREFIX)).isEmpty();
    }
}
