package dev.vidgate.engine.builtin;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MipTextureTest {
    private static final int ONE = 1 << 16;

    private static int[] noise(int size, long seed) {
        Random random = new Random(seed);
        int[] texels = new int[size * size];
        for (int i = 0; i < texels.length; i++) texels[i] = random.nextInt(256);
        return texels;
    }

    private static int[] row(MipTexture texture, int v, double footprint, long u, long step, int count) {
        int[] out = new int[count];
        texture.sampleRow(v, footprint, u, step, out, new int[count], count);
        return out;
    }

    @Test
    void aPixelNoLargerThanATexelReadsTheTexelsThemselves() {
        int[] texels = noise(16, 1);
        MipTexture texture = new MipTexture(texels, 16);
        int[] out = row(texture, 5 * ONE, 1, 0, ONE, 16);
        for (int x = 0; x < 16; x++) assertEquals(texels[5 * 16 + x], out[x], "texel " + x);
    }

    @Test
    void halfwayBetweenTexelsReadsTheirAverage() {
        int[] texels = new int[4 * 4];
        for (int y = 0; y < 4; y++) for (int x = 0; x < 4; x++) texels[y * 4 + x] = x % 2 == 0 ? 0 : 200;
        int[] out = row(new MipTexture(texels, 4), 0, 1, ONE / 2, ONE, 3);
        for (int value : out) assertEquals(100, value, 1);
    }

    @Test
    void theTextureWrapsAroundInBothDirections() {
        int[] texels = noise(8, 2);
        MipTexture texture = new MipTexture(texels, 8);
        assertEquals(row(texture, 3 * ONE, 1, ONE, ONE, 4)[0], row(texture, (3 + 8) * ONE, 1, (1 - 8) * (long) ONE, ONE, 4)[0]);
        assertEquals(texels[7 * 8 + 7], row(texture, 7 * ONE, 1, -ONE, ONE, 1)[0]);
    }

    @Test
    void aPixelCoveringTheWholeTextureReadsItsAverage() {
        int[] texels = noise(64, 3);
        double mean = java.util.Arrays.stream(texels).average().orElseThrow();
        int[] out = row(new MipTexture(texels, 64), 17 * ONE, 1000, 3 * ONE, 64L * ONE, 8);
        for (int value : out) assertEquals(mean, value, 6, "far away the texture is its average");
    }

    @Test
    void largerFootprintsShowLessDetail() {
        int[] texels = noise(128, 4);
        MipTexture texture = new MipTexture(texels, 128);
        double previous = Double.MAX_VALUE;
        for (double footprint : new double[] {1, 2, 3, 6, 12, 24}) {
            int[] out = row(texture, 40 * ONE, footprint, 0, ONE / 4, 512);
            double spread = java.util.Arrays.stream(out).map(v -> (v - 128) * (v - 128)).average().orElseThrow();
            assertTrue(spread < previous, "footprint " + footprint + ": variance " + spread + " after " + previous);
            previous = spread;
        }
    }

    @Test
    void onlySquarePowerOfTwoTexturesAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> new MipTexture(new int[12 * 12], 12));
        assertThrows(IllegalArgumentException.class, () -> new MipTexture(new int[10], 4));
    }
}
