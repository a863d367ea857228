package dev.vidgate.engine.relay.runway;

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

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a Sora-shaped job and its optional fields become Runway's create, as Runway's fake receives it. */
class RunwayRequestTest {
    private static final VideoSize HD = new VideoSize(1280, 720);

    @TempDir
    Path dir;

    private final FakeRunway runway = new FakeRunway();
    private ProviderFixture<?> fixture;

    @AfterEach
    void close() {
        if (fixture != null) fixture.close();
        runway.close();
    }

    private EngineStatus run(String upstreamModel, GenerationRequest request) {
        fixture = ProviderFixture.over(dir, ProviderFixture.channel(new RunwayProvider(), runway.root(), FakeRunway.KEY,
                Map.of("sora-2", upstreamModel)), Submission.ImageLinks.NONE, URIs.PUBLIC, s -> s);
        return fixture.run(request);
    }

    private Seen onlyCreate() {
        assertThat(runway.seen("POST", "/v1/")).hasSize(1);
        return runway.seen("POST", "/v1/").getFirst();
    }

    @Test
    void aTextJobGoesToTextToVideoWithTheRatioInPixelsAndWholeSecondsAndTheVersionHeader() {
        assertThat(run("gen4.5", new GenerationRequest("video_rq_text", "sora-2", HD, 5, "a fox in snow", null)))
                .isInstanceOf(EngineStatus.Done.class);
        Seen create = onlyCreate();
        assertThat(create.path()).isEqualTo("/v1/text_to_video");
        assertThat(create.header("X-Runway-Version")).isEqualTo("2024-11-06");
        JsonNode body = create.json();
        assertThat(body.path("model").asString()).isEqualTo("gen4.5");
        assertThat(body.path("promptText").asString()).isEqualTo("a fox in snow");
        assertThat(body.path("ratio").asString()).isEqualTo("1280:720");
        assertThat(body.path("duration").isInt()).isTrue();
        assertThat(body.path("duration").asInt()).isEqualTo(5);
        // Runway takes no callback URL: none is sent even when the gateway has a public address
        assertThat(body.has("callback_url") || body.has("callbackUrl")).isFalse();
        assertThat(body.has("seed") || body.has("promptImage")).isFalse();
    }

    @Test
    void aFirstAndLastFrameWithSeedNegativePromptAndAudioGoToImageToVideoInline() {
        byte[] first = TestImages.png(1280, 720);
        byte[] last = TestImages.jpeg(1280, 720);
        var options = new GenerationRequest.Options("blurry faces", 42L, true, last);
        GenerationRequest request = new GenerationRequest("video_rq_frames", "sora-2", HD, 6, "a door opens", first, null, options);
        assertThat(run("veo3.1_fast", request)).isInstanceOf(EngineStatus.Done.class);
        Seen create = onlyCreate();
        assertThat(create.path()).isEqualTo("/v1/image_to_video");
        JsonNode body = create.json();
        assertThat(body.path("model").asString()).isEqualTo("veo3.1_fast");
        assertThat(body.path("duration").asInt()).isEqualTo(6);
        assertThat(body.path("seed").asLong()).isEqualTo(42L);
        assertThat(body.path("negativePrompt").asString()).isEqualTo("blurry faces");
        assertThat(body.path("audio").asBoolean()).isTrue();
        JsonNode frames = body.path("promptImage");
        assertThat(frames.size()).isEqualTo(2);
        assertThat(frames.get(0).path("position").asString()).isEqualTo("first");
        assertThat(frames.get(0).path("uri").asString()).isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(first));
        assertThat(frames.get(1).path("position").asString()).isEqualTo("last");
        assertThat(frames.get(1).path("uri").asString()).isEqualTo("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(last));
    }

    @Test
    void aSingleReferenceIsOneDataUri() {
        byte[] first = TestImages.png(1280, 720);
        assertThat(run("gen4_turbo", new GenerationRequest("video_rq_one", "sora-2", HD, 5, "waves", first)))
                .isInstanceOf(EngineStatus.Done.class);
        assertThat(onlyCreate().json().path("promptImage").asString()).startsWith("data:image/png;base64,");
    }

    @Test
    void aTextOnlyJobForAnImageOnlyModelIsRefusedBeforeAskingRunway() {
        EngineStatus status = run("gen4_turbo", new GenerationRequest("video_rq_turbo", "sora-2", HD, 5, "waves", null));
        assertThat(status).isInstanceOf(EngineStatus.Failed.class);
        assertThat(((EngineStatus.Failed) status).message()).contains("gen4_turbo").contains("image");
        assertThat(runway.seen("POST", "/v1/")).isEmpty();
    }

    /** A public address, to show Runway gets no callback even when one exists. */
    private static final class URIs {
        static final java.net.URI PUBLIC = java.net.URI.create("https://videos.example.com");
    }
}
