package dev.vidgate.engine.builtin;

import dev.vidgate.engine.builtin.frame.FinishPass;
import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.engine.builtin.frame.Grade;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanesToRgbTest {

    /** A frame of smooth colour gradients, converted to its planes as every rendered frame is. */
    static FrameBuffer convertedGradient(int width, int height) {
        FrameBuffer frame = new FrameBuffer(width, height);
        int[] px = frame.pixels();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 30 + 200 * x / width;
                int g = 220 - 180 * y / height;
                int b = 60 + 120 * (x + y) / (width + height);
                px[y * width + x] = (r << 16) | (g << 8) | b;
            }
        }
        FinishPass.apply(frame, Grade.NEUTRAL, null);
        return frame;
    }

    private static int channelDifference(int p, int q) {
        int most = 0;
        for (int shift = 0; shift <= 16; shift += 8) most = Math.max(most, Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF)));
        return most;
    }

    @Test
    void theColoursComeBackFromThePlanes() {
        FrameBuffer frame = convertedGradient(96, 54);
        int[] back = new int[96 * 54];
        PlanesToRgb.full(frame.yuv(), frame.planes(), back);
        // limited-range 8-bit planes and shared chroma lose a little; blue, about twice U, the most
        for (int i = 0; i < back.length; i++) {
            assertTrue(channelDifference(back[i], frame.pixels()[i]) <= 5, "pixel " + i + ": " + Integer.toHexString(back[i]) + " for " + Integer.toHexString(frame.pixels()[i]));
        }
    }

    @Test
    void atHalfSizeEachPixelIsItsBlockOfTheFullConversion() {
        FrameBuffer frame = convertedGradient(96, 54);
        int[] full = new int[96 * 54];
        int[] half = new int[48 * 27];
        PlanesToRgb.full(frame.yuv(), frame.planes(), full);
        PlanesToRgb.half(frame.yuv(), frame.planes(), half);
        for (int cy = 0; cy < 27; cy++) {
            for (int cx = 0; cx < 48; cx++) {
                int at = 2 * cy * 96 + 2 * cx;
                int block = blockMean(full[at], full[at + 1], full[at + 96], full[at + 97]);
                assertTrue(channelDifference(half[cy * 48 + cx], block) <= 1, "block " + cx + "," + cy);
            }
        }
    }

    private static int blockMean(int a, int b, int c, int d) {
        int out = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            int sum = ((a >> shift) & 0xFF) + ((b >> shift) & 0xFF) + ((c >> shift) & 0xFF) + ((d >> shift) & 0xFF);
            out |= ((sum + 2) / 4) << shift;
        }
        return out;
    }
}
