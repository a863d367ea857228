package dev.vidgate.engine.builtin.frame;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FinishPassTest {
    private static final Grade WARM_CONTRASTY = Grade.of(1.05, 1.12, 0.01, 0.95, Grade.cast(-8, 11), Grade.cast(-30, 20), 0.3);

    /** Fog thickening from the left edge to the right, and towards the bottom. */
    private static final FinishPass.FogRows FOG = new FinishPass.FogRows() {
        @Override
        public int colour() {
            return 0xD2D7DC;
        }

        @Override
        public void density(int y, int[] out) {
            for (int x = 0; x < out.length; x++) out[x] = Math.min(256, x * 2 + y);
        }
    };

    /** A frame whose picture is left in its half buffer: smooth colour gradients, or random noise. */
    private static FrameBuffer halfPicture(int width, int height, boolean noisy) {
        FrameBuffer frame = new FrameBuffer(width, height);
        FrameBuffer half = frame.half();
        Random random = new Random(7);
        int[] px = half.pixels();
        for (int y = 0; y < half.height(); y++) {
            for (int x = 0; x < half.width(); x++) {
                int r = 40 + 170 * x / half.width();
                int g = 30 + 180 * y / half.height();
                int b = 200 - 150 * (x + y) / (half.width() + half.height());
                px[y * half.width() + x] = noisy ? random.nextInt() & 0xFFFFFF : (r << 16) | (g << 8) | b;
            }
        }
        frame.pictureIsInHalf();
        return frame;
    }

    /** The same frame, its picture scaled up to full resolution first, as the finish pass sees any other frame. */
    private static FrameBuffer scaledUpCopy(FrameBuffer frame) {
        FrameBuffer copy = new FrameBuffer(frame.width(), frame.height());
        System.arraycopy(frame.half().pixels(), 0, copy.half().pixels(), 0, frame.half().pixels().length);
        copy.pictureIsInHalf();
        copy.scaleUpPicture();
        return copy;
    }

    private static int largestDifference(byte[] a, byte[] b, int from, int to) {
        int most = 0;
        for (int i = from; i < to; i++) most = Math.max(most, Math.abs((a[i] & 0xFF) - (b[i] & 0xFF)));
        return most;
    }

    @Test
    void aPictureLeftAtHalfResolutionComesOutAsIfItHadBeenScaledUpFirst() {
        for (boolean noisy : new boolean[] {false, true}) {
            FrameBuffer frame = halfPicture(64, 36, noisy);
            FrameBuffer reference = scaledUpCopy(frame);
            FinishPass.apply(frame, WARM_CONTRASTY, FOG);
            FinishPass.apply(reference, WARM_CONTRASTY, FOG);
            int lumaEnd = 64 * 36;
            assertTrue(largestDifference(frame.yuv(), reference.yuv(), 0, lumaEnd) <= 2, "luma, noisy=" + noisy);
            // chroma of a half pixel is taken as it is, not averaged with its scaled-up neighbours: equal only where smooth
            if (!noisy) assertTrue(largestDifference(frame.yuv(), reference.yuv(), lumaEnd, frame.yuv().length) <= 2, "chroma");
        }
    }

    @Test
    void withoutAGradeTheHalfResolutionPictureIsStillConverted() {
        FrameBuffer frame = halfPicture(64, 36, false);
        FrameBuffer reference = scaledUpCopy(frame);
        FinishPass.apply(frame, Grade.NEUTRAL, null);
        FinishPass.apply(reference, Grade.NEUTRAL, null);
        assertTrue(largestDifference(frame.yuv(), reference.yuv(), 0, frame.yuv().length) <= 2);
    }

    @Test
    void aFrameTooSmallToBeTwiceItsHalfIsScaledUpBeforeConverting() {
        FrameBuffer frame = halfPicture(2, 2, true); // its half is clamped to 2x2
        FrameBuffer reference = scaledUpCopy(frame);
        FinishPass.apply(frame, WARM_CONTRASTY, null);
        FinishPass.apply(reference, WARM_CONTRASTY, null);
        assertArrayEquals(reference.yuv(), frame.yuv());
        assertArrayEquals(reference.pixels(), frame.pixels());
    }

    @Test
    void scalingUpAHalfPictureFillsThePixelsOnceAndStartingAFrameForgetsIt() {
        FrameBuffer frame = halfPicture(40, 30, true);
        int[] expected = new int[40 * 30];
        FrameBuffer other = new FrameBuffer(40, 30);
        System.arraycopy(frame.half().pixels(), 0, other.half().pixels(), 0, frame.half().pixels().length);
        Resampler.upscaleHalf(other.half(), other.half().height(), other, 30);
        System.arraycopy(other.pixels(), 0, expected, 0, expected.length);
        frame.scaleUpPicture();
        assertFalse(frame.isPictureInHalf());
        assertArrayEquals(expected, frame.pixels());

        frame.pictureIsInHalf();
        frame.startPicture();
        assertFalse(frame.isPictureInHalf());
        java.util.Arrays.fill(frame.pixels(), 0x102030);
        frame.scaleUpPicture(); // nothing pending: the pixels drawn since stay
        assertEquals(0x102030, frame.pixels()[123]);
    }
}
