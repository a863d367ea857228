package dev.vidgate.engine.builtin;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.builtin.frame.ClipFormat;
import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.testsupport.media.TestImages;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Times the image-to-video frames of {@link RenderBenchmark}'s prompt (not a test): CPU milliseconds of the
 * planning (picture analysis included) and per frame of a 4 s shot, on one thread, with living pictures and with
 * "still picture", after a warm-up. CPU time, not wall time, so other work on a shared machine counts little.
 * Arguments: width height [prompt...]; {@code -Dpicture=lakeside} times a picture that is mostly moving regions.
 */
public final class LivingTiming {
    private LivingTiming() {}

    public static void main(String[] args) {
        int w = Integer.parseInt(args[0]);
        int h = Integer.parseInt(args[1]);
        String[] prompts = args.length > 2 ? java.util.Arrays.copyOfRange(args, 2, args.length)
                : new String[] {RenderBenchmark.IMAGE_PROMPT, RenderBenchmark.IMAGE_PROMPT + ", still picture"};
        // -Dpicture=lakeside: a picture that is mostly water, sky and foliage, so most pixels move by themselves
        byte[] reference = "lakeside".equals(System.getProperty("picture"))
                ? TestImages.png(dev.vidgate.testsupport.media.Landscapes.lakeside(w, h).picture()) : TestImages.png(w, h);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 5; round++) {
            for (String prompt : prompts) {
                GenerationRequest request = new GenerationRequest("t", "sora-2", new VideoSize(w, h), 4, prompt, reference);
                int frames = ClipFormat.frameCount(4);
                long planStart = cpu.getCurrentThreadCpuTime();
                Shot shot = Shot.plan(request, frames);
                long start = cpu.getCurrentThreadCpuTime();
                FrameBuffer buffer = new FrameBuffer(w, h);
                for (int i = 0; i < frames; i++) shot.render(i, buffer);
                long end = cpu.getCurrentThreadCpuTime();
                System.out.printf(Locale.ROOT, "%s: plan %.0f ms, %.2f ms/frame (CPU)%n", prompt, (start - planStart) / 1e6,
                        (end - start) / 1e6 / frames);
            }
        }
    }
}
