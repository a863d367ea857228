package dev.vidgate.engine.builtin;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.TestImages;
import dev.vidgate.video.VideoSize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Manual timing tool (not a test): renders clips with the built-in engine and prints wall-clock time
 * and what {@link Mp4Probe} sees. Run with the test classpath, arguments {@code [seconds...]}.
 */
public final class RenderBenchmark {
    private RenderBenchmark() {}

    public static void main(String[] args) throws Exception {
        int[] lengths = args.length == 0 ? new int[] {4, 12} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Path dir = Files.createTempDirectory("vidgate-bench");
        VideoSize size = new VideoSize(1280, 720);
        byte[] reference = TestImages.png(size.width(), size.height());
        try (BuiltinEngine engine = new BuiltinEngine(dir, 1)) {
            // warm-up: class loading, native libraries, JIT
            time(engine, new GenerationRequest("warmup", "sora-2", size, 1, "warm up", null));
            for (int seconds : lengths) {
                for (boolean image : new boolean[] {false, true}) {
                    String id = (image ? "i2v-" : "t2v-") + seconds;
                    GenerationRequest request = new GenerationRequest(id, "sora-2", size, seconds,
                            "a lighthouse on a cliff at dusk, waves rolling in", image ? reference : null);
                    long ms = time(engine, request);
                    Path mp4 = dir.resolve(id).resolve("video.mp4");
                    Mp4Probe probe = Mp4Probe.of(mp4);
                    System.out.printf("%s %s %ds: %d ms, %d frames, %.3f s, %s %s, audio %s %d Hz peak %.3f rms %.4f, %d KiB%n",
                            image ? "image-to-video" : "text-to-video", size, seconds, ms, probe.frameCount(),
                            probe.durationSeconds(), probe.videoCodec(), probe.pixelFormat(), probe.audioCodec(),
                            probe.sampleRate(), probe.audioPeak(), probe.audioRms(), Files.size(mp4) / 1024);
                    if (image) {
                        double diff = Mp4Probe.meanAbsDifference(ReferenceImage.toRgb(TestImages.image(size.width(), size.height())), probe.frame(0));
                        System.out.printf("  frame 0 mean abs difference to the reference: %.2f%n", diff);
                    }
                    engine.release(id);
                }
            }
        }
    }

    private static long time(BuiltinEngine engine, GenerationRequest request) throws InterruptedException {
        long start = System.nanoTime();
        String handle = engine.start(request);
        long deadline = start + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            EngineStatus status = engine.check(request, handle);
            if (status instanceof EngineStatus.Done) return (System.nanoTime() - start) / 1_000_000;
            if (!(status instanceof EngineStatus.Running)) throw new IllegalStateException(request.jobId() + ": " + status);
            Thread.sleep(5);
        }
        throw new IllegalStateException(request.jobId() + " did not finish");
    }
}
