package dev.vidgate.engine.builtin.frame;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResamplerTest {

    private static FrameBuffer noisyHalfOf(FrameBuffer frame, long seed) {
        FrameBuffer half = frame.half();
        Random random = new Random(seed);
        int[] px = half.pixels();
        for (int i = 0; i < px.length; i++) px[i] = random.nextInt() & 0xFFFFFF;
        return half;
    }

    /** What {@link Resampler#upscaleHalf} computes for any scale: a bilinear sample per output pixel. */
    private static int[] generalUpscale(FrameBuffer half, int halfRows, int width, int height, int toRow) {
        int[] out = new int[width * height];
        int[] blend = new int[half.width() + 2];
        int[] other = new int[half.width() + 2];
        int xStart = Resampler.fixed(0.5 * half.width() / width - 0.5);
        int xStep = Resampler.fixed(half.width() / (double) width);
        for (int y = 0; y < toRow; y++) {
            double sy = (y + 0.5) * half.height() / (double) height - 0.5;
            Resampler.copyRow(half.pixels(), half.width(), halfRows, Resampler.fixed(Math.max(0, sy)), xStart, xStep, out, y * width,
                    width, blend, other);
        }
        return out;
    }

    @Test
    void doublingAHalfSizeLayerGivesExactlyTheBilinearResult() {
        FrameBuffer frame = new FrameBuffer(64, 36);
        FrameBuffer half = noisyHalfOf(frame, 1);
        int[] expected = generalUpscale(half, half.height(), 64, 36, 36);
        Resampler.upscaleHalf(half, half.height(), frame, 36);
        assertArrayEquals(expected, frame.pixels());
    }

    @Test
    void doublingOnlyTheTopRowsLeavesTheRestOfTheFrameAlone() {
        FrameBuffer frame = new FrameBuffer(40, 30);
        java.util.Arrays.fill(frame.pixels(), 0x123456);
        FrameBuffer half = noisyHalfOf(frame, 2);
        int[] expected = generalUpscale(half, 7, 40, 30, 11);
        Resampler.upscaleHalf(half, 7, frame, 11);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                int want = y < 11 ? expected[y * 40 + x] : 0x123456;
                assertEquals(want, frame.pixels()[y * 40 + x], "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void aFrameThatIsNotTwiceItsHalfStillScalesUp() {
        FrameBuffer frame = new FrameBuffer(2, 2); // its half is clamped to 2x2 as well
        FrameBuffer half = noisyHalfOf(frame, 3);
        int[] expected = generalUpscale(half, half.height(), 2, 2, 2);
        Resampler.upscaleHalf(half, half.height(), frame, 2);
        assertArrayEquals(expected, frame.pixels());
    }

    @Test
    void doublingALumaPlaneMatchesScalingUpColoursWithinRounding() {
        FrameBuffer frame = new FrameBuffer(64, 36);
        FrameBuffer half = frame.half();
        Random random = new Random(4);
        int[] plane = new int[half.width() * half.height()];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = random.nextInt(256);
            half.pixels()[i] = plane[i]; // the value in the blue channel
        }
        int[] expected = generalUpscale(half, half.height(), 64, 36, 36);
        int[] row = new int[64];
        for (int y = 0; y < 36; y++) {
            Resampler.doubleLumaRow(plane, half, y, row, 64);
            for (int x = 0; x < 64; x++) {
                int want = expected[y * 64 + x] & 0xFF;
                // rounded once here, twice (after each direction) by the colour scaler
                assertTrue(Math.abs(row[x] - want) <= 1, "pixel " + x + "," + y + ": " + row[x] + " vs " + want);
            }
        }
    }
}
