package dev.vidgate.engine.builtin;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.testsupport.Waits;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.TestImages;
import dev.vidgate.video.Variant;
import dev.vidgate.catalog.VideoSize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine contract: background work, progress, cancel, release, restarts and failures. */
class BuiltinEngineLifecycleTest {
    private static final VideoSize SMALL = new VideoSize(320, 180);
    private static final VideoSize HD = new VideoSize(1280, 720);

    @TempDir
    Path workDir;

    private BuiltinEngine engine;

    private BuiltinEngine engine(int maxConcurrentRenders) {
        engine = new BuiltinEngine(workDir, maxConcurrentRenders);
        return engine;
    }

    @AfterEach
    void close() {
        if (engine != null) engine.close();
    }

    private static GenerationRequest request(String id, VideoSize size, int seconds, String prompt) {
        return new GenerationRequest(id, "sora-2", size, seconds, prompt, null);
    }

    @Test
    void isNamedBuiltin() {
        assertEquals("builtin", engine(1).name());
    }

    @Test
    void startReturnsTheJobIdAtOnceAndRendersInTheBackground() {
        BuiltinEngine engine = engine(1);
        GenerationRequest request = request("video_background", HD, 12, "a long drive through the desert");
        String handle = engine.start(request);
        assertEquals("video_background", handle);
        assertInstanceOf(EngineStatus.Running.class, engine.check(request, handle));
        Waits.engineDone(engine, request, handle);
    }

    @Test
    void reportsProgressThatRisesMonotonicallyUntilDone() {
        BuiltinEngine engine = engine(1);
        GenerationRequest request = request("video_progress", HD, 8, "fireflies over a pond");
        String handle = engine.start(request);
        List<Integer> progress = new ArrayList<>();
        assertInstanceOf(EngineStatus.Done.class, Waits.engineEnd(engine, request, handle, Waits.RENDER, progress));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress went down: " + progress);
        }
        assertTrue(progress.stream().allMatch(p -> p >= 0 && p <= 99), progress.toString());
        assertTrue(progress.stream().distinct().count() > 3, "progress should move in steps: " + progress);
        assertTrue(progress.get(progress.size() - 1) > 50, "progress should get near the end before Done: " + progress);
    }

    @Test
    void cancelStopsTheRenderPromptlyAndRemovesItsFiles() {
        BuiltinEngine engine = engine(1);
        GenerationRequest request = request("video_cancel", HD, 12, "an endless staircase");
        String handle = engine.start(request);
        Waits.engineStatus(engine, request, handle, Duration.ofSeconds(60), s -> s instanceof EngineStatus.Running r && r.progress() >= 5);

        engine.cancel(handle);

        EngineStatus status = engine.check(request, handle);
        EngineStatus.Failed failed = assertInstanceOf(EngineStatus.Failed.class, status);
        assertEquals("cancelled", failed.code());
        assertFalse(failed.retryable());
        assertFalse(Files.exists(workDir.resolve("video_cancel")), "partial files must be deleted");
        engine.cancel(handle); // cancelling again is a no-op
        assertEquals(status, engine.check(request, handle));
    }

    @Test
    void strayJobFoldersAreDeletedOnceOldWhileARenderInProgressKeepsItsFiles() throws Exception {
        BuiltinEngine engine = engine(1);
        Path crashed = Files.createDirectories(workDir.resolve("video_crashed"));
        Files.write(crashed.resolve("video.mp4.part"), new byte[100]);
        GenerationRequest request = request("video_in_progress", HD, 12, "a long drive through the desert");
        String handle = engine.start(request);
        Waits.engineStatus(engine, request, handle, Duration.ofSeconds(60), s -> s instanceof EngineStatus.Running r && r.progress() >= 1);

        assertEquals(0, engine.deleteStrayFiles(Instant.now().minus(Duration.ofHours(1))), "nothing is an hour old yet");
        assertTrue(Files.exists(crashed));
        // As if an hour had passed: every file is old now, but the render in progress owns its folder.
        assertEquals(1, engine.deleteStrayFiles(Instant.now().plus(Duration.ofHours(1))));
        assertFalse(Files.exists(crashed));
        assertTrue(Files.exists(workDir.resolve("video_in_progress")));
        assertInstanceOf(EngineStatus.Running.class, engine.check(request, handle));
        engine.cancel(handle);
    }

    @Test
    void cancelOfAQueuedRenderMeansItNeverRuns() {
        BuiltinEngine engine = engine(1);
        GenerationRequest first = request("video_first", HD, 8, "first");
        GenerationRequest queued = request("video_queued", HD, 8, "second");
        engine.start(first);
        engine.start(queued);
        engine.cancel("video_queued");
        assertInstanceOf(EngineStatus.Failed.class, engine.check(queued, "video_queued"));
        Waits.engineDone(engine, first, "video_first");
        assertInstanceOf(EngineStatus.Failed.class, engine.check(queued, "video_queued"));
        assertFalse(Files.exists(workDir.resolve("video_queued")));
    }

    @Test
    void rendersBeyondTheConcurrencyLimitWaitTheirTurn() {
        BuiltinEngine engine = engine(1);
        GenerationRequest first = request("video_a", HD, 4, "first in line");
        GenerationRequest second = request("video_b", HD, 4, "second in line");
        engine.start(first);
        engine.start(second);
        Waits.await("both renders, one after the other", Waits.RENDER, Duration.ofMillis(5)).until(() -> {
            // read the second before the first: if the second has moved, the first must be finished already
            EngineStatus b = engine.check(second, "video_b");
            EngineStatus a = engine.check(first, "video_a");
            if (b instanceof EngineStatus.Running rb && rb.progress() > 0 || b instanceof EngineStatus.Done) {
                assertInstanceOf(EngineStatus.Done.class, a, "the second render started while the first was running");
            }
            if (b instanceof EngineStatus.Done) return true;
            assertInstanceOf(EngineStatus.Running.class, b);
            return false;
        });
    }

    @Test
    void answersLostForAHandleItDoesNotKnow() {
        BuiltinEngine engine = engine(1);
        GenerationRequest request = request("video_unknown", SMALL, 4, "never started");
        assertInstanceOf(EngineStatus.Lost.class, engine.check(request, "video_unknown"));
        engine.cancel("video_unknown");   // no-op
        engine.release("video_unknown");  // no-op
    }

    @Test
    void answersLostAfterARestartAndCleansLeftoversWhenStartedAgain() throws Exception {
        GenerationRequest request = request("video_restart", SMALL, 2, "a clock tower at noon");
        // what a process that died mid-render leaves behind
        Path leftovers = Files.createDirectories(workDir.resolve("video_restart"));
        Files.writeString(leftovers.resolve("video.mp4.part"), "half a video", StandardCharsets.UTF_8);
        Files.writeString(leftovers.resolve("thumbnail.webp"), "stale", StandardCharsets.UTF_8);

        BuiltinEngine restarted = engine(1);
        assertInstanceOf(EngineStatus.Lost.class, restarted.check(request, "video_restart"));

        String handle = restarted.start(request);
        Waits.engineDone(restarted, request, handle);
        try (var files = Files.list(leftovers)) {
            assertEquals(List.of("spritesheet.jpg", "thumbnail.webp", "video.mp4"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        byte[] thumbnail = Files.readAllBytes(leftovers.resolve("thumbnail.webp"));
        assertEquals("RIFF", new String(thumbnail, 0, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void releaseDeletesTheFilesAndForgetsTheHandle() {
        BuiltinEngine engine = engine(1);
        GenerationRequest request = request("video_release", SMALL, 1, "a paper boat");
        String handle = engine.start(request);
        Waits.engineDone(engine, request, handle);
        assertTrue(Files.exists(workDir.resolve("video_release").resolve(Variant.VIDEO.fileName())));
        engine.cancel(handle); // cancelling a finished render is a no-op
        assertInstanceOf(EngineStatus.Done.class, engine.check(request, handle));

        engine.release(handle);
        assertFalse(Files.exists(workDir.resolve("video_release")));
        assertInstanceOf(EngineStatus.Lost.class, engine.check(request, handle));
        engine.release(handle); // releasing twice is a no-op
    }

    @Test
    void reportsACorruptReferenceImageAsAPermanentFailure() {
        BuiltinEngine engine = engine(1);
        byte[] png = TestImages.png(320, 180);
        byte[] corrupt = Arrays.copyOf(png, png.length / 3);
        for (byte[] reference : List.of(corrupt, "not an image at all".getBytes(StandardCharsets.UTF_8), new byte[0])) {
            GenerationRequest request = new GenerationRequest("video_corrupt", "sora-2", SMALL, 2, "animate this", reference);
            String handle = engine.start(request);
            EngineStatus.Failed failed = assertInstanceOf(EngineStatus.Failed.class, Waits.engineEnd(engine, request, handle));
            assertEquals("render_failed", failed.code());
            assertFalse(failed.retryable());
            assertTrue(failed.message().contains("reference image"), failed.message());
            assertFalse(Files.exists(workDir.resolve("video_corrupt")));
        }
    }

    @Test
    void aRenderOnBuffersAnotherSceneDrewIntoMakesTheSameBytesAsOnFreshOnes() throws Exception {
        BuiltinEngine engine = engine(1); // one render at a time, so each reuses the previous one's buffers
        GenerationRequest first = request("video_fresh", SMALL, 2, "waves rolling onto the shore at golden hour, pan left");
        GenerationRequest between = request("video_between", SMALL, 2, "a campfire burning at night in fog, black and white, cinematic");
        GenerationRequest again = request("video_again", SMALL, 2, "waves rolling onto the shore at golden hour, pan left");
        for (GenerationRequest r : List.of(first, between, again)) {
            engine.start(r);
            Waits.engineDone(engine, r, r.jobId());
        }

        assertArrayEquals(Files.readAllBytes(workDir.resolve("video_fresh").resolve("video.mp4")),
                Files.readAllBytes(workDir.resolve("video_again").resolve("video.mp4")));
    }

    @Test
    void rendersTheSamePromptToTheSameFrames() throws Exception {
        BuiltinEngine engine = engine(2);
        GenerationRequest one = request("video_same_1", SMALL, 2, "a red kite over green hills");
        GenerationRequest two = request("video_same_2", SMALL, 2, "a red kite over green hills");
        GenerationRequest other = request("video_other", SMALL, 2, "a blue submarine in deep water");
        for (GenerationRequest r : List.of(one, two, other)) engine.start(r);
        for (GenerationRequest r : List.of(one, two, other)) Waits.engineDone(engine, r, r.jobId());

        Path mp4One = workDir.resolve("video_same_1").resolve("video.mp4");
        Path mp4Two = workDir.resolve("video_same_2").resolve("video.mp4");
        Mp4Probe probeOne = Mp4Probe.of(mp4One);
        assertEquals(probeOne.frameHashes(), Mp4Probe.of(mp4Two).frameHashes());
        assertArrayEquals(Files.readAllBytes(mp4One), Files.readAllBytes(mp4Two));
        assertNotEquals(probeOne.frameHashes().get(0),
                Mp4Probe.of(workDir.resolve("video_other").resolve("video.mp4")).frameHashes().get(0));
    }

    @Test
    void restartingAFinishedHandleRendersItAfresh() {
        BuiltinEngine engine = engine(1);
        GenerationRequest request = request("video_again", SMALL, 1, "a lantern");
        Waits.engineDone(engine, request, engine.start(request));
        String handle = engine.start(request);
        Waits.engineDone(engine, request, handle);
        assertTrue(Files.exists(workDir.resolve("video_again").resolve("video.mp4")));
    }

    @Test
    void keepsJobIdsThatAreNotFileNamesInsideTheWorkDirectory() throws Exception {
        BuiltinEngine engine = engine(1);
        GenerationRequest request = request("../escape/..", SMALL, 1, "a locked door");
        String handle = engine.start(request);
        Waits.engineDone(engine, request, handle);
        assertFalse(Files.exists(workDir.getParent().resolve("escape")));
        try (var dirs = Files.list(workDir)) {
            assertEquals(1, dirs.count());
        }
        engine.release(handle);
        try (var dirs = Files.list(workDir)) {
            assertEquals(0, dirs.count());
        }
    }
}
