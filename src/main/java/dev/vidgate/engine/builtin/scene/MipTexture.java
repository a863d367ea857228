package dev.vidgate.engine.builtin.scene;

/**
 * A square, power-of-two, wrapping greyscale texture (values 0..255) with mip levels: each level is the
 * one above averaged over 2x2 texels. A surface seen at a grazing angle (the sea towards the horizon)
 * squeezes many texels into one pixel; sampling the full texture there aliases, and the aliasing
 * shimmers from frame to frame as the surface moves. That shimmer looked like noise and was the most
 * expensive thing in the clip for the H.264 encoder, which cannot predict it from the frame before.
 * Sampling the level that matches the footprint shows the far surface smooth and hazy instead, as a
 * camera would.
 *
 * <p>Coordinates are 16.16 fixed point in texels of level 0 and wrap. {@link #sampleRow} reads a whole row at
 * once. Read-only after construction, so any number of threads may sample it.
 */
final class MipTexture {
    private static final int HALF = 1 << 15;

    private final int size;
    private final int[][] levels;

    /** @param texels {@code size x size} values 0..255, row by row; {@code size} a power of two, at least 2 */
    MipTexture(int[] texels, int size) {
        if (size < 2 || Integer.bitCount(size) != 1 || texels.length != size * size) {
            throw new IllegalArgumentException("a mip texture is a square power of two, not " + texels.length + " texels of side " + size);
        }
        this.size = size;
        int count = Integer.numberOfTrailingZeros(size); // down to 2x2
        levels = new int[count][];
        levels[0] = texels.clone();
        for (int l = 1; l < count; l++) levels[l] = halve(levels[l - 1], size >> (l - 1));
    }

    private static int[] halve(int[] texels, int side) {
        int half = side / 2;
        int[] out = new int[half * half];
        for (int y = 0; y < half; y++) {
            for (int x = 0; x < half; x++) {
                int i = 2 * y * side + 2 * x;
                out[y * half + x] = (texels[i] + texels[i + 1] + texels[i + side] + texels[i + side + 1] + 2) >> 2;
            }
        }
        return out;
    }

    /**
     * Reads {@code count} values 0..255 along one row into {@code out}: the row lies at vertical position
     * {@code v}, pixel {@code i} at horizontal position {@code u + i * step} (both 16.16, level-0 texels,
     * wrapping), and each pixel covers {@code footprint} level-0 texels (the larger of its width and
     * height on the texture), which picks the two levels to blend. {@code scratch} is at least
     * {@link #scratchLength}{@code (count)} long.
     */
    void sampleRow(int v, double footprint, long u, long step, int[] out, int[] scratch, int count) {
        double lod = footprint <= 1 ? 0 : Math.log(footprint) / Math.log(2);
        int last = levels.length - 1;
        int level = (int) Math.min(last, Math.floor(lod));
        int blend = level >= last ? 0 : (int) Math.round((Math.min(lod, last) - level) * 256);
        levelRow(level, v, u, step, out, count, scratch);
        if (blend == 0) return;
        int[] other = scratch; // the coarser level's values go into its first count places
        levelRow(level + 1, v, u, step, other, count, scratch);
        int keep = 256 - blend;
        for (int i = 0; i < count; i++) out[i] = (out[i] * keep + other[i] * blend) >> 8;
    }

    /** The scratch {@link #sampleRow} needs for {@code count} values: a second row of values and a texture row. */
    int scratchLength(int count) {
        return count + size + 1;
    }

    /**
     * One level's bilinear samples into {@code out[0..count-1]}. The two texture rows are first blended down
     * the column into {@code scratch[count..]} (a loop the JIT vectorises), so each sample reads two values
     * instead of four; the weights multiply, so the sums, and the result, are exactly those of blending
     * along the rows first.
     */
    private void levelRow(int level, int v, long u, long step, int[] out, int count, int[] scratch) {
        int[] texels = levels[level];
        int side = size >> level;
        int mask = (side << 16) - 1;
        int y = (((v + HALF) >> level) - HALF) & mask; // texel centres shift by half a texel per level
        int r0 = (y >>> 16) * side;
        int r1 = ((y >>> 16) + 1) % side * side;
        int fy = (y >>> 8) & 0xFF;
        int gy = 256 - fy;
        int column = count; // where the blended row starts in the scratch, after the second row of values
        for (int x = 0; x < side; x++) scratch[column + x] = texels[r0 + x] * gy + texels[r1 + x] * fy;
        scratch[column + side] = scratch[column]; // the row wraps: texel side is texel 0
        long at = u + HALF;
        for (int i = 0; i < count; i++, at += step) {
            int x = (int) ((at >> level) - HALF) & mask;
            int x0 = column + (x >>> 16);
            int fx = (x >>> 8) & 0xFF;
            out[i] = (scratch[x0] * (256 - fx) + scratch[x0 + 1] * fx) >>> 16;
        }
    }
}
