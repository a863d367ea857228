package dev.vidgate.engine.builtin;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.engine.builtin.frame.ClipFormat;
import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.testsupport.media.TestImages;

import java.util.Locale;

/**
 * Times the image-to-video frames of {@link RenderBenchmark}'s prompt (not a test): milliseconds per frame of
 * a 4 s shot, with living pictures and with "still picture", after a warm-up. Arguments: width height.
 */
public final class LivingTiming {
    private LivingTiming() {}

    public static void main(String[] args) {
        int w = Integer.parseInt(args[0]);
        int h = Integer.parseInt(args[1]);
        byte[] reference = TestImages.png(w, h);
        for (int round = 0; round < 4; round++) {
            for (String prompt : new String[] {RenderBenchmark.IMAGE_PROMPT, RenderBenchmark.IMAGE_PROMPT + ", still picture"}) {
                GenerationRequest request = new GenerationRequest("t", "sora-2", new VideoSize(w, h), 4, prompt, reference);
                int frames = ClipFormat.frameCount(4);
                Shot shot = Shot.plan(request, frames);
                FrameBuffer buffer = new FrameBuffer(w, h);
                long start = System.nanoTime();
                for (int i = 0; i < frames; i++) shot.render(i, buffer);
                System.out.printf(Locale.ROOT, "%s %.2f ms/frame%n", prompt, (System.nanoTime() - start) / 1e6 / frames);
            }
        }
    }
}
