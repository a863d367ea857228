package dev.vidgate.engine.builtin;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.builtin.encode.H264Library;
import dev.vidgate.testsupport.Waits;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job's seed varies the built-in renderer's output (the same seed renders the same bytes again), and the engine
 * tells what it read in each prompt before the first frame.
 */
class BuiltinVariationTest {
    private static final VideoSize SMALL = new VideoSize(320, 180);
    @TempDir
    Path workDir;
    private final Map<String, String> readings = new ConcurrentHashMap<>();
    private BuiltinEngine engine;

    @AfterEach
    void close() {
        if (engine != null) engine.close();
    }

    private BuiltinEngine engine() {
        engine = new BuiltinEngine(workDir, 2, 2, H264Library.AUTO, readings::put);
        return engine;
    }

    private static GenerationRequest seeded(String id, String prompt, byte[] reference, Long jobSeed) {
        return new GenerationRequest(id, "sora-2", SMALL, 2, prompt, reference, null, new GenerationRequest.Options(null, null, null, null, jobSeed));
    }

    private Mp4Probe render(GenerationRequest request) throws Exception {
        engine.start(request);
        Waits.engineDone(engine, request, request.jobId());
        return Mp4Probe.of(workDir.resolve(request.jobId()).resolve("video.mp4"));
    }

    private byte[] bytes(GenerationRequest request) throws Exception {
        return Files.readAllBytes(workDir.resolve(request.jobId()).resolve("video.mp4"));
    }

    @Test
    void theSameSeedRendersTheSameBytesAndAnotherSeedAnotherTake() throws Exception {
        engine();
        String prompt = "a stormy sea at dusk with rain";
        GenerationRequest one = seeded("video_seed_one", prompt, null, 7L);
        GenerationRequest again = seeded("video_seed_again", prompt, null, 7L);
        GenerationRequest other = seeded("video_seed_other", prompt, null, 8L);
        Mp4Probe first = render(one);
        assertThat(render(again).frameHashes()).isEqualTo(first.frameHashes());
        assertThat(bytes(again)).isEqualTo(bytes(one));
        assertThat(render(other).frameHashes()).isNotEqualTo(first.frameHashes());
    }

    @Test
    void aPictureWithoutMovesIsPushedInAtAPaceTheSeedVaries() throws Exception {
        engine();
        byte[] picture = TestImages.png(SMALL.width(), SMALL.height());
        Mp4Probe one = render(seeded("video_pic_one", "the scene comes alive", picture, 1L));
        Mp4Probe other = render(seeded("video_pic_other", "the scene comes alive", picture, 2L));
        List<String> a = one.frameHashes();
        List<String> b = other.frameHashes();
        assertThat(a.getLast()).isNotEqualTo(b.getLast());
    }

    @Test
    void eachRenderTellsWhatItReadInItsPromptUnderItsJobId() throws Exception {
        engine();
        render(seeded("video_read", "A red fox walks past a lighthouse by the sea at night, slow pan left, no music", null, 3L));
        assertThat(readings.get("video_read"))
                .startsWith("draws: a fox (walk) in a procedural sea scene; camera: slow pan left;")
                .contains("looks: night").contains("colour: red")
                .contains("ignored: past");
    }
}
