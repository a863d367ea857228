package dev.vidgate.engine.builtin;

import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.testsupport.Waits;
import dev.vidgate.engine.builtin.encode.H264Library;
import dev.vidgate.testsupport.media.Mp4Probe;
import dev.vidgate.testsupport.media.TestImages;
import dev.vidgate.catalog.VideoSize;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Timing tool behind {@code bench/renderer.sh} (not a test). Renders one clip with the built-in engine,
 * after a warm-up clip of the same kind and size, at least {@link #WARM_UP_SECONDS} long, in the same JVM
 * (so the JIT has compiled what a running server would have compiled), and prints one line:
 * {@code kind width height seconds renderSeconds realtimeFactor heapPeakMiB rssPeakMiB frames cpuSeconds}
 * (cpuSeconds: CPU time the process used during the render, all threads); {@code -Dbench.repeat=N} renders
 * the measured clip N times, a line each.
 *
 * <p>Arguments: {@code clip <t2v|i2v> <width> <height> <seconds> [prompt]}, or
 * {@code reference <width> <height> <file.png>} to write the reference image that image-to-video uses
 * (so the ffmpeg comparison starts from the same picture), or {@code encoder} to print which H.264
 * encoder would be used. {@code -Dbench.openh264=auto|bundled|system} picks it ({@link H264Library}).
 */
public final class RenderBenchmark {
    static final String TEXT_PROMPT = "waves rolling onto the shore at sunset, slow push in";
    static final String IMAGE_PROMPT = "the camera slowly pushes in";
    /**
     * The shortest warm-up clip: a 4 s warm-up leaves part of the code to the JIT during the measured clip
     * (measured: a 4 s 720p image-to-video clip took 1.12 s after a 4 s warm-up, 0.84 s after a 12 s one),
     * which a server that has rendered for a while no longer pays.
     */
    private static final int WARM_UP_SECONDS = 12;

    private RenderBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("reference")) {
            Files.write(Path.of(args[3]), TestImages.png(Integer.parseInt(args[1]), Integer.parseInt(args[2])));
            return;
        }
        H264Library h264 = H264Library.parse(System.getProperty("bench.openh264", "auto")); // auto, bundled or system
        if (h264 == null) throw new IllegalArgumentException("bench.openh264 must be auto, bundled or system");
        if (args.length == 1 && args[0].equals("encoder")) {
            System.out.println(h264.encoders().description());
            return;
        }
        if (args.length < 5 || !args[0].equals("clip")) {
            System.err.println("usage: clip <t2v|i2v> <width> <height> <seconds> [prompt] (-Dbench.keep=out.mp4 keeps the clip, -Dbench.openh264=auto|bundled|system picks the encoder) | reference <width> <height> <file.png> | encoder");
            System.exit(2);
        }
        boolean image = args[1].equals("i2v");
        VideoSize size = new VideoSize(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        int seconds = Integer.parseInt(args[4]);
        String prompt = args.length > 5 ? args[5] : image ? IMAGE_PROMPT : TEXT_PROMPT;
        byte[] reference = image ? TestImages.png(size.width(), size.height()) : null;
        Path dir = Files.createTempDirectory("vidgate-bench");
        try (BuiltinEngine engine = new BuiltinEngine(dir, 1, 1, h264)) {
            time(engine, new GenerationRequest("warmup", "sora-2", size, Math.max(seconds, WARM_UP_SECONDS), prompt, reference)); // class loading, JIT
            engine.release("warmup");
            int repeat = Integer.getInteger("bench.repeat", 1); // more runs of the measured clip, one line each
            for (int run = 0; run < repeat; run++) measure(engine, dir, size, seconds, prompt, reference);
        } finally {
            dev.vidgate.common.FileTrees.deleteTree(dir);
        }
    }

    /** Renders the measured clip once and prints its line. */
    private static void measure(BuiltinEngine engine, Path dir, VideoSize size, int seconds, String prompt, byte[] reference)
            throws Exception {
        System.gc();
        resetPeaks();
        GenerationRequest request = new GenerationRequest("clip", "sora-2", size, seconds, prompt, reference);
        long cpuBefore = processCpu();
        double took = time(engine, request) / 1e9;
        double cpu = (processCpu() - cpuBefore) / 1e9;
        long heap = heapPeak();
        long rss = rssPeak();
        Path video = dir.resolve("clip").resolve("video.mp4");
        String keep = System.getProperty("bench.keep"); // where to copy the clip, to compare builds byte for byte
        if (keep != null) Files.copy(video, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Mp4Probe probe = Mp4Probe.of(video);
        System.out.printf(Locale.ROOT, "%s %d %d %d %.3f %.2f %d %d %d %.2f%n", reference != null ? "image-to-video" : "text-to-video",
                size.width(), size.height(), seconds, took, seconds / took, heap >> 20, rss >> 20, probe.frameCount(), cpu);
        engine.release("clip");
    }

    private static long time(BuiltinEngine engine, GenerationRequest request) {
        long start = System.nanoTime();
        String handle = engine.start(request);
        EngineStatus status = Waits.await(request.jobId(), Duration.ofMinutes(10), Duration.ofMillis(2))
                .until(() -> engine.check(request, handle), s -> !(s instanceof EngineStatus.Running));
        long took = System.nanoTime() - start;
        if (!(status instanceof EngineStatus.Done)) throw new IllegalStateException(request.jobId() + ": " + status);
        return took;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5"); // resets VmHWM (Linux)
        } catch (IOException | RuntimeException e) {
            // not Linux or not allowed: the RSS peak then includes the warm-up
        }
    }

    /** The sum of the heap pools' peak use since {@link #resetPeaks}. */
    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    /** The process's peak resident memory (VmHWM), or -1 where /proc is missing. */
    private static long rssPeak() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return -1;
    }
}
