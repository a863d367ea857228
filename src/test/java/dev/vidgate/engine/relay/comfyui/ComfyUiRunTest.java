package dev.vidgate.engine.relay.comfyui;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.relay.comfyui.FakeComfyUi.Fault;
import dev.vidgate.testsupport.LogCapture;
import dev.vidgate.testsupport.Waits;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.TestImages;
import dev.vidgate.video.Adjustment;
import dev.vidgate.video.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** A job's way through a (fake) ComfyUI: the filled workflow, the upload, progress, and the output made into our MP4. */
class ComfyUiRunTest {
    @TempDir
    Path workDir;

    private ComfyFixture fixture;

    @BeforeEach
    void open() {
        fixture = new ComfyFixture(workDir);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theWorkflowReceivesThePromptNegativePromptSeedSizeFrameCountAndRate() throws IOException {
        fixture.fake.output = FakeOutputs.mp4(352, 192, 33, 16);
        GenerationRequest request = ComfyFixture.request("video_fill", 352, 192, 2, null,
                new GenerationRequest.Options("blurry, text", 42L, null, null));
        EngineStatus.Done done = (EngineStatus.Done) assertThatEnd(fixture.run(request));

        JsonNode graph = fixture.fake.lastGraph();
        assertThat(graph.path("7").path("inputs").path("text").asString()).isEqualTo("a paper lantern drifting on a pond");
        assertThat(graph.path("8").path("inputs").path("text").asString()).isEqualTo("blurry, text");
        assertThat(graph.path("9").path("inputs").path("width").asInt()).isEqualTo(352);
        assertThat(graph.path("9").path("inputs").path("height").asInt()).isEqualTo(192);
        assertThat(graph.path("9").path("inputs").path("length").asInt()).as("2 s at 16 fps, as 4k + 1").isEqualTo(33);
        assertThat(graph.path("10").path("inputs").path("noise_seed").asLong()).isEqualTo(42L);
        assertThat(graph.path("13").path("inputs").path("fps").asInt()).isEqualTo(16);
        assertThat(graph.path("9").path("class_type").asString()).isEqualTo("EmptyHunyuanLatentVideo");
        JsonNode sent = fixture.fake.seen("POST", "/prompt").getLast().json();
        assertThat(sent.path("client_id").asString()).isNotBlank();

        Mp4Probe mp4 = probe(done);
        assertThat(mp4.videoCodec()).isEqualTo("h264");
        assertThat(mp4.width()).isEqualTo(352);
        assertThat(mp4.height()).isEqualTo(192);
        assertThat(mp4.frameCount()).isEqualTo(48);
        assertThat(mp4.frameRate()).isCloseTo(24.0, offset(0.01));
        assertThat(mp4.hasAudio()).isTrue();
        assertThat(mp4.audioCodec()).isEqualTo("aac");
        assertThat(mp4.durationSeconds()).isCloseTo(2.0, offset(0.05));
    }

    @Test
    void aJobWithoutASeedGetsADifferentRandomOneEachTime() {
        fixture.run(ComfyFixture.request("video_seed_1"));
        long first = fixture.fake.lastGraph().path("10").path("inputs").path("noise_seed").asLong();
        fixture.run(ComfyFixture.request("video_seed_2"));
        long second = fixture.fake.lastGraph().path("10").path("inputs").path("noise_seed").asLong();
        assertThat(first).isNotEqualTo(second);
        assertThat(fixture.fake.lastGraph().path("8").path("inputs").path("text").asString()).isEmpty();
    }

    @Test
    void aReferenceIsUploadedAndTheImageWorkflowLoadsIt() {
        byte[] png = TestImages.png(320, 176);
        GenerationRequest request = ComfyFixture.request("video_i2v", 320, 176, 1, png, GenerationRequest.Options.NONE);
        assertThatEnd(fixture.run(request));

        JsonNode graph = fixture.fake.lastGraph();
        String loaded = graph.path("15").path("inputs").path("image").asString();
        assertThat(graph.path("15").path("class_type").asString()).isEqualTo("LoadImage");
        assertThat(fixture.fake.uploads).containsKey(loaded);
        assertThat(fixture.fake.uploads.get(loaded)).isEqualTo(png);
        assertThat(loaded).endsWith(".png");
        assertThat(graph.path("9").path("class_type").asString()).isEqualTo("WanImageToVideo");
        assertThat(graph.path("9").path("inputs").path("length").asInt()).isEqualTo(17);
    }

    @Test
    void progressComesFromTheWebsocketStepByStepAndNeverGoesDown() {
        fixture.fake.tick = java.time.Duration.ofMillis(40);
        List<Integer> progress = new ArrayList<>();
        assertThatEnd(fixture.run(ComfyFixture.request("video_progress"), progress));
        assertThat(fixture.fake.socket.opened.get()).isGreaterThanOrEqualTo(1);
        assertThat(progress).isSorted();
        assertThat(progress).as("sampler steps between start and end").anyMatch(p -> p > 5 && p < 95);
    }

    @Test
    void whenTheWebsocketDropsMidRunTheJobIsFollowedByPollingAndFinishes() {
        fixture.fake.fault(Fault.SOCKET_DROP);
        int queueChecks = fixture.fake.seen("GET", "/queue").size();
        assertThatEnd(fixture.run(ComfyFixture.request("video_drop")));
        assertThat(fixture.fake.seen("GET", "/queue").size()).isGreaterThan(queueChecks);
        assertThat(fixture.fake.seen("GET", "/history/").size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aJobFollowedByAnotherVidgateAfterARestartFinishesFromWhatComfyUiKeptInItsHistory() throws IOException {
        GenerationRequest request = ComfyFixture.request("video_resumed");
        String handle = fixture.engine.start(request);
        Waits.await("the prompt ran", java.time.Duration.ofSeconds(30), java.time.Duration.ofMillis(20))
                .until(() -> fixture.fake.queued() == 0 && !fixture.fake.seen("POST", "/prompt").isEmpty());
        fixture.engine.close();

        try (ComfyFixture.Resumed other = fixture.another(workDir.resolve("other"))) {
            EngineStatus status = Waits.engineEnd(other.engine(), request, handle, java.time.Duration.ofSeconds(60), new ArrayList<>());
            Mp4Probe mp4 = probe((EngineStatus.Done) assertThatEnd(status));
            assertThat(mp4.width()).isEqualTo(320);
            assertThat(mp4.height()).isEqualTo(176);
            assertThat(mp4.frameCount()).isEqualTo(24);
        }
    }

    @Test
    void aWorkflowWithALastImagePlaceholderGetsTheLastFrameUploadedToo(@TempDir Path files) throws IOException {
        String i2v;
        try (InputStream in = ComfyUiProvider.class.getResourceAsStream("/comfyui/wan2.2-i2v.json")) {
            i2v = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Path workflow = java.nio.file.Files.writeString(files.resolve("first-last.json"), i2v.replaceFirst("\\{\n  \"1\"",
                "{\n  \"16\": {\"class_type\": \"LoadImage\", \"inputs\": {\"image\": \"{{last_image}}\"}},\n  \"1\""));
        fixture.close();
        fixture = new ComfyFixture(workDir.resolve("last"), c -> c.withOptions(java.util.Map.of(
                ComfyUiProvider.WEBSOCKET_URL, c.option(ComfyUiProvider.WEBSOCKET_URL).orElseThrow(),
                ComfyUiProvider.IMAGE_WORKFLOW, workflow.toString())));
        byte[] first = TestImages.png(320, 176);
        byte[] last = TestImages.jpeg(320, 176);
        assertThatEnd(fixture.run(ComfyFixture.request("video_last", 320, 176, 1, first,
                new GenerationRequest.Options(null, null, null, last))));
        JsonNode graph = fixture.fake.lastGraph();
        assertThat(fixture.fake.uploads.get(graph.path("15").path("inputs").path("image").asString())).isEqualTo(first);
        String lastName = graph.path("16").path("inputs").path("image").asString();
        assertThat(lastName).endsWith(".jpg");
        assertThat(fixture.fake.uploads.get(lastName)).isEqualTo(last);
    }

    static Stream<Arguments> outputs() {
        return Stream.of(
                Arguments.of("an MP4 too small and too short", FakeOutputs.mp4(160, 88, 10, 16), 0.625, "160x88"),
                Arguments.of("a VP9 WebM too long", FakeOutputs.webm(320, 176, 40, 16), 2.5, null),
                Arguments.of("an animated WebP too large", FakeOutputs.animatedWebp(640, 352, 17, 16), 1.0625, "640x352"),
                Arguments.of("a PNG sequence too short", FakeOutputs.pngSequence(320, 176, 8), 0.5, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputs")
    void whateverTheWorkflowSavedBecomesAnMp4OfExactlyTheSizeRateAndLengthAskedForAndTheOutputSaysWhatChanged(
            String what, List<FakeOutputs.File> files, double madeSeconds, String madeSize) throws IOException {
        fixture.fake.output = files;
        try (LogCapture log = new LogCapture()) {
            EngineStatus.Done done = (EngineStatus.Done) assertThatEnd(fixture.run(ComfyFixture.request("video_kind")));
            Mp4Probe mp4 = probe(done);
            assertThat(mp4.width()).isEqualTo(320);
            assertThat(mp4.height()).isEqualTo(176);
            assertThat(mp4.frameCount()).isEqualTo(24);
            assertThat(mp4.durationSeconds()).isCloseTo(1.0, offset(0.05));
            assertThat(mp4.hasAudio()).isTrue();
            assertThat(log.saw("job video_kind: ComfyUI's output")).isTrue();
            List<Adjustment> adjustments = done.output().adjustments();
            assertThat(adjustments.getFirst().param()).isEqualTo("output_seconds");
            assertThat(Double.parseDouble(adjustments.getFirst().requested())).as("what the workflow made").isCloseTo(madeSeconds, offset(0.006));
            assertThat(adjustments.getFirst().used()).isEqualTo("1");
            List<Adjustment> scaled = madeSize == null ? List.of() : List.of(new Adjustment("output_size", madeSize, "320x176"));
            assertThat(adjustments.subList(1, adjustments.size())).as("a size change only when there was one").isEqualTo(scaled);
        }
    }

    private static EngineStatus assertThatEnd(EngineStatus status) {
        assertThat(status).isInstanceOf(EngineStatus.Done.class);
        return status;
    }

    private static Mp4Probe probe(EngineStatus.Done done) throws IOException {
        try (InputStream in = done.output().open(Variant.VIDEO)) {
            return Mp4Probe.of(in.readAllBytes());
        }
    }
}
