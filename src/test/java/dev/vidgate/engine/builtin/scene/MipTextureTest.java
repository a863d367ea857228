package dev.vidgate.engine.builtin.scene;

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
        texture.sampleRow(v, footprint, u, step, out, new int[texture.scratchLength(count)], count);
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
    void eachValueIsTheBilinearBlendOfItsFourNearestTexelsRoundedDown() {
        int size = 32;
        int[] texels = noise(size, 9);
        MipTexture texture = new MipTexture(texels, size);
        Random random = new Random(10);
        for (int trial = 0; trial < 200; trial++) {
            int v = random.nextInt(4 * size * ONE) - 2 * size * ONE;
            long u = random.nextInt(4 * size * ONE) - 2L * size * ONE;
            long step = random.nextInt(3 * ONE) - ONE;
            int[] out = row(texture, v, 1, u, step, 24);
            for (int i = 0; i < out.length; i++) {
                assertEquals(bilinear(texels, size, v, u + i * step), out[i], "trial " + trial + ", value " + i);
            }
        }
    }

    /** Level 0 sampled the plain way: four texels, weights in 1/256, one rounding at the end. */
    private static int bilinear(int[] texels, int size, int v, long u) {
        long x = Math.floorMod(u, (long) size * ONE);
        long y = Math.floorMod((long) v, (long) size * ONE);
        int x0 = (int) (x >> 16);
        int y0 = (int) (y >> 16);
        int fx = (int) ((x >> 8) & 0xFF);
        int fy = (int) ((y >> 8) & 0xFF);
        int x1 = (x0 + 1) % size;
        int y1 = (y0 + 1) % size;
        int top = texels[y0 * size + x0] * (256 - fx) + texels[y0 * size + x1] * fx;
        int bottom = texels[y1 * size + x0] * (256 - fx) + texels[y1 * size + x1] * fx;
        return (top * (256 - fy) + bottom * fy) >>> 16;
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
