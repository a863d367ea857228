package dev.vidgate.engine.relay.xai;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.EngineOutput;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.testsupport.ProviderFake;
import dev.vidgate.testsupport.SoraThroughSdk;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a Sora-shaped request and its optional fields become in xAI's create body, and what xAI's answer becomes. */
class XaiRequestMappingTest {
    @TempDir
    Path dir;

    @Test
    void theReferenceGoesInlineAsTheImageAndSizeAndSecondsBecomeXaisFields() {
        byte[] first = TestImages.jpeg(1280, 720);
        var options = new GenerationRequest.Options("no people", 42L, false, TestImages.png(1280, 720));
        try (XaiRelay relay = new XaiRelay(dir)) {
            GenerationRequest request = new GenerationRequest("video_image", "sora-2", XaiRelay.HD, 8, "a red kite over a beach", first, null, options);
            assertThat(relay.run(request)).isInstanceOf(EngineStatus.Done.class);

            JsonNode body = onlyCreate(relay);
            assertThat(body.get("model").asString()).isEqualTo(FakeXai.MODEL);
            assertThat(body.get("prompt").asString()).isEqualTo("a red kite over a beach");
            assertThat(body.get("duration").isIntegralNumber()).isTrue();
            assertThat(body.get("duration").asInt()).isEqualTo(8);
            assertThat(body.get("aspect_ratio").asString()).isEqualTo("16:9");
            assertThat(body.get("resolution").asString()).isEqualTo("720p");
            SoraThroughSdk.assertInline(body.get("image").get("url").asString(), "image/jpeg", first);
            // Grok Imagine takes no seed, negative prompt, sound switch or last frame: none is sent
            assertThat(body.propertyNames()).containsExactlyInAnyOrder("model", "prompt", "duration", "aspect_ratio", "resolution", "image");
        }
    }

    @Test
    void aTallLowResolutionTextOnlyRequestSendsTheTallRatioAt480pWithoutAnImage() {
        try (XaiRelay relay = new XaiRelay(dir)) {
            GenerationRequest tall = new GenerationRequest("video_tall", "sora-2", new VideoSize(480, 854), 5, "a tall tower", null);
            assertThat(relay.run(tall)).isInstanceOf(EngineStatus.Done.class);
            JsonNode body = onlyCreate(relay);
            assertThat(body.get("aspect_ratio").asString()).isEqualTo("9:16");
            assertThat(body.get("resolution").asString()).isEqualTo("480p");
            assertThat(body.has("image")).isFalse();
        }
    }

    @Test
    void theLengthXaiReportsIsTheJobsBilledLength() {
        try (XaiRelay relay = new XaiRelay(dir)) {
            EngineOutput output = ((EngineStatus.Done) relay.run(XaiRelay.request("video_usage", "a tide pool"))).output();
            assertThat(output.usage().seconds()).isEqualTo(8.0);
            assertThat(output.deliveredSeconds()).isEqualTo(8);
        }
    }

    private static JsonNode onlyCreate(XaiRelay relay) {
        List<ProviderFake.Seen> creates = relay.xai.seen(FakeXai.CREATE);
        assertThat(creates).hasSize(1);
        assertThat(creates.getFirst().headers().get("Authorization")).containsExactly("Bearer " + FakeXai.KEY);
        return creates.getFirst().json();
    }
}
