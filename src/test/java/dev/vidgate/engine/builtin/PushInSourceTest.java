package dev.vidgate.engine.builtin;

import dev.vidgate.testsupport.media.TestImages;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PushInSourceTest {
    private static final int W = 320;
    private static final int H = 180;

    private final int[] reference = TestImages.image(W, H).getRGB(0, 0, W, H, null, 0, W);

    private static int[] masked(int[] argb) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) out[i] = argb[i] & 0xFFFFFF;
        return out;
    }

    private int[] frame(PushInSource source, int index) {
        FrameBuffer buffer = new FrameBuffer(W, H);
        source.render(index, buffer);
        return buffer.pixels().clone();
    }

    @Test
    void firstFrameIsTheReferencePixelForPixel() {
        PushInSource source = new PushInSource(masked(reference), W, H, 96, "prompt");
        assertArrayEquals(masked(reference), frame(source, 0));
    }

    @Test
    void zoomsInGraduallyWithoutJumps() {
        PushInSource source = new PushInSource(masked(reference), W, H, 96, "prompt");
        double previousDistance = 0;
        int[] previous = frame(source, 0);
        for (int i = 8; i < 96; i += 8) {
            int[] current = frame(source, i);
            double fromStart = meanAbs(frame(source, 0), current);
            double step = meanAbs(previous, current);
            assertTrue(fromStart >= previousDistance - 0.5, "the push-in should keep moving away from frame 0 at " + i);
            assertTrue(step < 8, "a jump between frames at " + i + ": " + step);
            previousDistance = fromStart;
            previous = current;
        }
        assertTrue(previousDistance > 2, "the last frame should be visibly zoomed, was " + previousDistance);
    }

    @Test
    void sameIndexGivesSamePixels() {
        PushInSource a = new PushInSource(masked(reference), W, H, 48, "same");
        PushInSource b = new PushInSource(masked(reference), W, H, 48, "same");
        assertArrayEquals(frame(a, 30), frame(b, 30));
    }

    private static double meanAbs(int[] a, int[] b) {
        BufferedImage x = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        BufferedImage y = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        x.setRGB(0, 0, W, H, a, 0, W);
        y.setRGB(0, 0, W, H, b, 0, W);
        return dev.vidgate.testsupport.media.Mp4Probe.meanAbsDifference(x, y);
    }
}
