package dev.vidgate.engine.relay;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.FakeUpstream.Route;
import dev.vidgate.engine.relay.FakeUpstream.Seen;
import dev.vidgate.testsupport.media.TestClips;
import dev.vidgate.testsupport.media.TestImages;
import dev.vidgate.video.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.vidgate.engine.relay.RelayFixture.SIZE;
import static dev.vidgate.engine.relay.RelayFixture.read;
import static dev.vidgate.engine.relay.RelayFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

/** Each flavour's dialect, spoken to a fake of that upstream over HTTP. */
class RelayFlavoursTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void aTextPromptIsSentInTheFlavoursDialectAndItsVideoComesBack(Flavour flavour) {
        FakeUpstream upstream = FakeUpstream.start(flavour);
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            EngineStatus done = relay.run(request("video_" + flavour.name().toLowerCase()));
            assertThat(read(done, Variant.VIDEO)).isEqualTo(upstream.video);

            Seen create = upstream.seen(Route.CREATE).getFirst();
            if (flavour == Flavour.AZURE) {
                assertThat(create.path()).startsWith("/openai/v1/videos");
                assertThat(create.query()).isEqualTo("api-version=" + FakeUpstream.AZURE_API_VERSION);
                assertThat(create.header("api-key")).isEqualTo(FakeUpstream.KEY);
                assertThat(create.header("Authorization")).isNull();
            } else {
                assertThat(create.path()).isEqualTo("/v1/videos");
                assertThat(create.header("Authorization")).isEqualTo("Bearer " + FakeUpstream.KEY);
            }
            assertThat(create.header("Idempotency-Key")).isEqualTo(flavour == Flavour.OPENAI ? "video_openai" : null);
            if (flavour == Flavour.VLLM_OMNI) {
                assertThat(create.form().text("prompt")).isEqualTo("a paper lantern drifting on a pond");
                assertThat(create.form().text("seconds")).isEqualTo("1");
                assertThat(create.form().text("size")).isEqualTo("320x180");
            } else {
                var seconds = create.json().get("seconds");
                switch (flavour) {
                    case SGLANG -> assertThat(seconds.isIntegralNumber()).isTrue();
                    case TRTLLM -> assertThat(seconds.isNumber()).isTrue();
                    default -> assertThat(seconds.asString()).isEqualTo("1");
                }
                assertThat(create.json().propertyNames()).containsExactlyInAnyOrder("model", "prompt", "size", "seconds");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void aReferenceImageIsSentAsTheInputReferenceFile(Flavour flavour) {
        FakeUpstream upstream = FakeUpstream.start(flavour);
        byte[] png = TestImages.png(SIZE.width(), SIZE.height());
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            GenerationRequest request = new GenerationRequest("video_i2v", "sora-2", SIZE, 1, "animate this", png);
            assertThat(relay.run(request)).isInstanceOf(EngineStatus.Done.class);
            FormParts form = upstream.seen(Route.CREATE).getFirst().form();
            assertThat(form.parts().get("input_reference")).isEqualTo(png);
            assertThat(form.fileNames().get("input_reference")).isEqualTo("reference.png");
            assertThat(form.text("prompt")).isEqualTo("animate this");
        }
    }

    @Test
    void aReferenceIsLabelledAsTheOneImageSnifferNamesIt() {
        byte[] webp = TestImages.webp(SIZE.width(), SIZE.height());
        byte[] riffButNotWebp = "RIFF\0\0\0\0WEBXVP8L".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] unknown = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        assertThat(sentFileName(webp)).isEqualTo("reference.webp");
        assertThat(sentFileName(riffButNotWebp)).isEqualTo("reference.bin");
        assertThat(sentFileName(unknown)).isEqualTo("reference.bin");
    }

    private String sentFileName(byte[] reference) {
        FakeUpstream upstream = FakeUpstream.start(Flavour.OPENAI);
        try (RelayFixture relay = RelayFixture.over(dir.resolve("sniff-" + System.nanoTime()), upstream)) {
            relay.run(new GenerationRequest("video_sniff", "sora-2", SIZE, 1, "animate this", reference));
            return upstream.seen(Route.CREATE).getFirst().form().fileNames().get("input_reference");
        }
    }

    @Test
    void ourModelNameIsMappedToTheUpstreamsName() {
        FakeUpstream upstream = FakeUpstream.start(Flavour.SGLANG);
        ChannelSettings channel = upstream.channel("wan").withModels(Map.of("sora-2", "Wan-AI/Wan2.2-T2V-A14B-Diffusers"));
        try (RelayFixture relay = RelayFixture.with(dir, List.of(channel), s -> s, upstream)) {
            assertThat(relay.run(request("video_mapped"))).isInstanceOf(EngineStatus.Done.class);
            assertThat(upstream.seen(Route.CREATE).getFirst().json().get("model").asString()).isEqualTo("Wan-AI/Wan2.2-T2V-A14B-Diffusers");
        }
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void aRemixGoesToTheChannelThatMadeItsSource(Flavour flavour) throws IOException {
        FakeUpstream upstream = FakeUpstream.start(flavour);
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            GenerationRequest source = request("video_source");
            String sourceHandle = relay.engine.start(source);
            byte[] sourceVideo = read(relay.awaitEnd(source, sourceHandle, new java.util.ArrayList<>()), Variant.VIDEO);
            relay.engine.release(sourceHandle);
            String sourceId = sourceHandle.substring(2);

            GenerationRequest remix = new GenerationRequest("video_remix", "sora-2", SIZE, 1, "the same at dawn", null,
                    new GenerationRequest.RemixSource("video_source", "relay", sourceHandle, source.prompt(),
                            () -> new ByteArrayInputStream(sourceVideo)));
            assertThat(relay.run(remix)).isInstanceOf(EngineStatus.Done.class);

            if (flavour.remixes()) {
                Seen seen = upstream.seen(Route.REMIX).getFirst();
                assertThat(seen.path()).endsWith("/videos/" + sourceId + "/remix");
                assertThat(seen.json().get("prompt").asString()).isEqualTo("the same at dawn");
                assertThat(upstream.seen(Route.CREATE)).hasSize(1);
            } else {
                // no remix there: an image-to-video job from the source's first frame
                FormParts form = upstream.seen(Route.CREATE).get(1).form();
                BufferedImage first = ImageIO.read(new ByteArrayInputStream(form.parts().get("input_reference")));
                assertThat(first.getWidth()).isEqualTo(SIZE.width());
                int expected = TestClips.pixel(0, 160, SIZE.width());
                assertThat(Math.abs(((first.getRGB(160, 90) >> 8) & 0xff) - ((expected >> 8) & 0xff))).isLessThan(24);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void cancelAndDeleteArePassedUpstream(Flavour flavour) {
        FakeUpstream upstream = FakeUpstream.start(flavour);
        upstream.pollsToFinish = Integer.MAX_VALUE;
        try (RelayFixture relay = RelayFixture.over(dir, upstream)) {
            GenerationRequest running = request("video_to_cancel");
            String handle = relay.engine.start(running);
            relay.engine.cancel(handle);
            relay.awaitIdle();
            assertThat(upstream.seen(Route.DELETE)).hasSize(1);
            assertThat(upstream.seen(Route.DELETE).getFirst().path()).endsWith(handle.substring(2));

            upstream.pollsToFinish = 2;
            GenerationRequest finished = request("video_to_delete");
            String done = relay.engine.start(finished);
            relay.awaitEnd(finished, done, new java.util.ArrayList<>());
            relay.engine.release(done);
            relay.engine.discard(done);
            relay.awaitIdle();
            assertThat(upstream.seen(Route.DELETE)).hasSize(2);
            assertThat(upstream.jobs()).isEmpty();
        }
    }

    @Test
    void aCancelUsesTheCancelRouteWhereTheUpstreamHasOne() {
        FakeUpstream vidgate = FakeUpstream.start(Flavour.OPENAI);
        vidgate.cancelRoute = true;
        vidgate.pollsToFinish = Integer.MAX_VALUE;
        try (RelayFixture relay = RelayFixture.over(dir, vidgate)) {
            String handle = relay.engine.start(request("video_cancel_route"));
            relay.engine.cancel(handle);
            relay.awaitIdle();
            assertThat(vidgate.seen(Route.CANCEL)).hasSize(1);
            assertThat(vidgate.seen(Route.DELETE)).isEmpty();
        }
    }
}
