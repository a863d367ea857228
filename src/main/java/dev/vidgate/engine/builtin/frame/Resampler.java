package dev.vidgate.engine.builtin.frame;

/**
 * Bilinear resampling of one output row from a source picture, in 16.16 fixed point with 8-bit blend
 * weights (1/256 pixel steps), two colour channels at a time in one {@code int}. Moving a picture by a
 * fraction of a pixel therefore moves it smoothly instead of in whole-pixel jumps, and an exact
 * whole-pixel position copies pixels unchanged.
 *
 * <p>Coordinates outside the source are clamped to its edge.
 */
public final class Resampler {
    public static final int ONE = 1 << 16;

    private Resampler() {}

    /** Converts a pixel coordinate to 16.16 fixed point, rounding to the nearest 1/65536. */
    public static int fixed(double v) {
        return (int) Math.round(v * ONE);
    }

    /**
     * Writes {@code count} opaque pixels to {@code out[outOffset...]}, sampling source row {@code sy} (16.16)
     * at {@code sx = xStart + i * xStep} (16.16) for the i-th pixel. {@code blend} and {@code other} are
     * scratch of at least the source width plus two.
     *
     * <p>Two passes: the two source rows are first blended vertically over the span the output needs, then
     * each output pixel blends two neighbours of that row. The vertical pass copies both rows into scratch
     * first: a loop whose arrays all use the same index is one the JIT vectorises (with two offsets into
     * one array it cannot rule out overlap, and runs four times slower).
     */
    public static void copyRow(int[] src, int srcWidth, int srcHeight, int sy, int xStart, int xStep,
                               int[] out, int outOffset, int count, int[] blend, int[] other) {
        int y0 = sy >> 16;
        int fy = (sy >>> 8) & 0xFF;
        if (y0 < 0) {
            y0 = 0;
            fy = 0;
        } else if (y0 >= srcHeight - 1) {
            y0 = srcHeight - 1;
            fy = 0;
        }
        int row0 = y0 * srcWidth;
        long last = xStart + (long) xStep * (count - 1);
        if (xStep == ONE && (xStart & 0xFFFF) == 0 && fy == 0 && xStart >= 0 && (last >> 16) < srcWidth) {
            System.arraycopy(src, row0 + (xStart >> 16), out, outOffset, count);
            return;
        }
        int first = (int) Math.max(0, Math.min(srcWidth - 1, Math.min(xStart, last) >> 16));
        int end = (int) Math.max(0, Math.min(srcWidth - 1, (Math.max(xStart, last) >> 16) + 1));
        int[] row;
        int base;
        if (fy == 0) {
            row = src;
            base = row0;
        } else {
            int n = end - first + 1;
            System.arraycopy(src, row0 + first, blend, 0, n);
            System.arraycopy(src, row0 + srcWidth + first, other, 0, n);
            blendRows(blend, other, n, fy);
            row = blend;
            base = -first;
        }
        // pixels whose two neighbours lie inside the source take the fast loop; the few at the edges clamp
        if (xStep <= 0) {
            lerpAlongClamped(row, base, first, end, xStart, xStep, out, outOffset, count);
            return;
        }
        long limit = ((long) srcWidth - 1) << 16;
        int from = xStart >= 0 ? 0 : (int) Math.min(count, (-(long) xStart + xStep - 1) / xStep);
        int to = (int) Math.max(from, Math.min(count, (limit - xStart + xStep - 1) / xStep));
        if (from > 0) lerpAlongClamped(row, base, first, end, xStart, xStep, out, outOffset, from);
        if (to > from) lerpAlong(row, base, xStart + from * xStep, xStep, out, outOffset + from, to - from);
        if (to < count) lerpAlongClamped(row, base, first, end, xStart + (long) to * xStep, xStep, out, outOffset + to, count - to);
    }

    /** {@code a[i] = mix(a[i], b[i], fy / 256)} for {@code n} opaque pixels. */
    private static void blendRows(int[] a, int[] b, int n, int fy) {
        int gy = 256 - fy;
        for (int i = 0; i < n; i++) {
            int p = a[i];
            int q = b[i];
            a[i] = ((((p & 0xFF00FF) * gy + (q & 0xFF00FF) * fy + 0x800080) >>> 8) & 0xFF00FF)
                    | ((((p & 0xFF00) * gy + (q & 0xFF00) * fy + 0x8000) >>> 8) & 0xFF00);
        }
    }

    private static void lerpAlong(int[] row, int base, int xStart, int xStep, int[] out, int outOffset, int count) {
        int x = xStart;
        for (int i = 0; i < count; i++, x += xStep) {
            int ix = base + (x >> 16);
            int fx = (x >>> 8) & 0xFF;
            int gx = 256 - fx;
            int a = row[ix];
            int b = row[ix + 1];
            out[outOffset + i] = ((((a & 0xFF00FF) * gx + (b & 0xFF00FF) * fx + 0x800080) >>> 8) & 0xFF00FF)
                    | ((((a & 0xFF00) * gx + (b & 0xFF00) * fx + 0x8000) >>> 8) & 0xFF00);
        }
    }

    private static void lerpAlongClamped(int[] row, int base, int first, int end, long xStart, int xStep,
                                         int[] out, int outOffset, int count) {
        long x = xStart;
        long lo = (long) first << 16;
        long hi = (long) end << 16;
        for (int i = 0; i < count; i++, x += xStep) {
            long cx = Math.max(lo, Math.min(hi, x));
            int ix = (int) (cx >> 16);
            int fx = (int) (cx >>> 8) & 0xFF;
            int gx = 256 - fx;
            int a = row[base + ix];
            int b = row[base + Math.min(end, ix + 1)];
            out[outOffset + i] = ((((a & 0xFF00FF) * gx + (b & 0xFF00FF) * fx + 0x800080) >>> 8) & 0xFF00FF)
                    | ((((a & 0xFF00) * gx + (b & 0xFF00) * fx + 0x8000) >>> 8) & 0xFF00);
        }
    }

    /**
     * Like {@link #copyRow} but the source is a texture of premultiplied {@code 0xAARRGGBB} pixels that
     * wraps around horizontally (so it can scroll forever) and is laid over {@code out} ("over"
     * compositing). Rows above or below the texture leave {@code out} unchanged. {@code blend} and
     * {@code other} are scratch, at least {@link #spanNeeded} long.
     */
    public static void overRowWrapped(int[] src, int srcWidth, int srcHeight, int sy, long xStart, int xStep,
                                      int[] out, int outOffset, int count, int[] blend, int[] other) {
        int y0 = sy >> 16;
        int fy = (sy >>> 8) & 0xFF;
        if (y0 < 0 || y0 >= srcHeight) return;
        if (y0 == srcHeight - 1) fy = 0;
        long period = (long) srcWidth << 16;
        long x = Math.floorMod(xStart, period);
        int first = (int) (x >> 16);
        int span = spanNeeded(count, xStep);
        int row0 = y0 * srcWidth;
        int done = 0;
        int at = first;
        while (done < span) {
            int n = Math.min(span - done, srcWidth - at);
            System.arraycopy(src, row0 + at, blend, done, n);
            if (fy != 0) System.arraycopy(src, row0 + srcWidth + at, other, done, n);
            done += n;
            at = 0;
        }
        if (fy != 0) blendArgbRows(blend, other, span, fy);
        int local = (int) (x - ((long) first << 16));
        for (int i = 0; i < count; i++, local += xStep) {
            int ix = local >> 16;
            int a = blend[ix];
            int b = blend[ix + 1];
            if ((a | b) == 0) continue;
            int fx = (local >>> 8) & 0xFF;
            int gx = 256 - fx;
            if ((a & b) >>> 24 == 0xFF) { // both opaque: no need to read what lies below
                out[outOffset + i] = ((((a & 0xFF00FF) * gx + (b & 0xFF00FF) * fx + 0x800080) >>> 8) & 0xFF00FF)
                        | ((((a & 0xFF00) * gx + (b & 0xFF00) * fx + 0x8000) >>> 8) & 0xFF00);
                continue;
            }
            int ag = ((((a >>> 8) & 0xFF00FF) * gx + ((b >>> 8) & 0xFF00FF) * fx + 0x800080) >>> 8) & 0xFF00FF;
            int rb = (((a & 0xFF00FF) * gx + (b & 0xFF00FF) * fx + 0x800080) >>> 8) & 0xFF00FF;
            int alpha = ag >>> 16;
            if (alpha == 0) continue;
            int keep = 255 - alpha; // never overflows a channel, even with rounding in the blend
            int dst = out[outOffset + i];
            int dstRb = (((dst & 0xFF00FF) * keep) >>> 8) & 0xFF00FF;
            int dstG = (((dst & 0xFF00) * keep) >>> 8) & 0xFF00;
            out[outOffset + i] = (rb + dstRb) | (((ag & 0xFF) << 8) + dstG);
        }
    }

    /** Texels of a source row that {@code count} output pixels {@code xStep} apart may touch. */
    public static int spanNeeded(int count, int xStep) {
        return (int) (((long) xStep * (count - 1)) >> 16) + 3;
    }

    /** {@code a[i] = mix(a[i], b[i], fy / 256)} for {@code n} premultiplied ARGB texels, all four channels. */
    private static void blendArgbRows(int[] a, int[] b, int n, int fy) {
        int gy = 256 - fy;
        for (int i = 0; i < n; i++) {
            int p = a[i];
            int q = b[i];
            int ag = ((p >> 8) & 0xFF00FF) * gy + ((q >> 8) & 0xFF00FF) * fy + 0x800080;
            int rb = ((p & 0xFF00FF) * gy + (q & 0xFF00FF) * fy + 0x800080) >>> 8;
            a[i] = (ag & 0xFF00FF00) | (rb & 0xFF00FF);
        }
    }

    /**
     * Scales rows {@code 0..halfRows-1} of {@code half} (a {@link FrameBuffer#half()}) up into rows
     * {@code 0..toRow-1} of {@code frame}, bilinearly: soft layers drawn at half resolution cost a quarter.
     */
    public static void upscaleHalf(FrameBuffer half, int halfRows, FrameBuffer frame, int toRow) {
        int w = frame.width();
        int h = frame.height();
        int rows = Math.max(1, Math.min(halfRows, half.height()));
        if (w == 2 * half.width() && h == 2 * half.height()) {
            doubleRows(half, rows, frame, Math.min(h, toRow));
            return;
        }
        int[] blend = frame.scratch(FrameBuffer.BLEND, half.width() + 2);
        int[] other = frame.scratch(FrameBuffer.BLEND_OTHER, half.width() + 2);
        int xStart = fixed(0.5 * half.width() / w - 0.5);
        int xStep = fixed(half.width() / (double) w);
        for (int y = 0; y < Math.min(h, toRow); y++) {
            double sy = (y + 0.5) * half.height() / (double) h - 0.5;
            copyRow(half.pixels(), half.width(), rows, fixed(Math.max(0, sy)), xStart, xStep, frame.pixels(), y * w, w, blend, other);
        }
    }

    /**
     * The exact 2x case of {@link #upscaleHalf}, with the same result: every output pixel lies a quarter
     * of a source pixel from its nearest source pixel, so it is (3 * near + far) / 4 down the column and
     * then along the row. The work is done on whole rows whose arrays share one index (the left and right
     * neighbours are shifted copies), which the JIT vectorises; only the final interleaving is scalar.
     */
    private static void doubleRows(FrameBuffer half, int rows, FrameBuffer frame, int toRow) {
        int hw = half.width();
        int w = frame.width();
        int[] src = half.pixels();
        int[] out = frame.pixels();
        int[] near = frame.scratch(FrameBuffer.BLEND, hw);
        int[] far = frame.scratch(FrameBuffer.BLEND_OTHER, hw);
        int[] left = frame.scratch(FrameBuffer.LEFT, hw);
        int[] right = frame.scratch(FrameBuffer.RIGHT, hw);
        for (int y = 0; y < toRow; y++) {
            System.arraycopy(src, nearRow(y, rows) * hw, near, 0, hw);
            System.arraycopy(src, farRow(y, rows) * hw, far, 0, hw);
            quarterMix(near, far, hw);
            neighbours(near, left, right, hw);
            quarterMix(left, near, right, hw);
            interleave(left, right, out, y * w, hw);
        }
    }

    /** The source row nearest to output row {@code y} of a doubled picture of {@code rows} source rows. */
    private static int nearRow(int y, int rows) {
        return Math.min(rows - 1, y >> 1);
    }

    /** The other source row output row {@code y} lies between (clamped at the edges). */
    private static int farRow(int y, int rows) {
        int near = nearRow(y, rows);
        return Math.max(0, Math.min(rows - 1, (y & 1) == 0 ? near - 1 : near + 1));
    }

    /** {@code left} and {@code right} become {@code row} shifted by one either way (edges repeated). */
    private static void neighbours(int[] row, int[] left, int[] right, int n) {
        left[0] = row[0];
        System.arraycopy(row, 0, left, 1, n - 1);
        System.arraycopy(row, 1, right, 0, n - 1);
        right[n - 1] = row[n - 1];
    }

    /** {@code out[at + 2x] = left[x]} and {@code out[at + 2x + 1] = right[x]} for {@code n} pairs. */
    private static void interleave(int[] left, int[] right, int[] out, int at, int n) {
        for (int x = 0; x < n; x++) {
            out[at + 2 * x] = left[x];
            out[at + 2 * x + 1] = right[x];
        }
    }

    /**
     * Row {@code y} of a plane twice the size of {@code half}, scaled up from {@code halfPlane} (one value
     * per pixel of {@code half}, 0..255) with the weights of {@link #doubleRows}, into {@code out[0..width-1]}.
     * Sums are kept in sixteenths until the end, so the result is rounded once.
     */
    static void doubleLumaRow(int[] halfPlane, FrameBuffer half, int y, int[] out, int width) {
        int hw = half.width();
        int[] mid = half.scratch(1, hw);
        int[] left = half.scratch(2, hw);
        int[] right = half.scratch(3, hw);
        int near = nearRow(y, half.height()) * hw;
        int far = farRow(y, half.height()) * hw;
        for (int x = 0; x < hw; x++) mid[x] = 3 * halfPlane[near + x] + halfPlane[far + x];
        neighbours(mid, left, right, hw);
        for (int x = 0; x < hw; x++) {
            int m = 3 * mid[x] + 8;
            left[x] = (m + left[x]) >> 4;
            right[x] = (m + right[x]) >> 4;
        }
        interleave(left, right, out, 0, width / 2);
    }

    /** {@code left[i]} and {@code right[i]} become {@code (3 * mid[i] + left[i]) / 4} and {@code (3 * mid[i] + right[i]) / 4}. */
    private static void quarterMix(int[] left, int[] mid, int[] right, int n) {
        for (int i = 0; i < n; i++) {
            // weights 3/4 and 1/4 as shifts on 8.8 fixed point: x * 192 = (x << 7) + (x << 6)
            int mRb = m3(mid[i] & 0xFF00FF) + 0x800080;
            int mG = m3(mid[i] & 0xFF00) + 0x8000;
            int l = left[i];
            int r = right[i];
            left[i] = (((mRb + ((l & 0xFF00FF) << 6)) >>> 8) & 0xFF00FF) | (((mG + ((l & 0xFF00) << 6)) >>> 8) & 0xFF00);
            right[i] = (((mRb + ((r & 0xFF00FF) << 6)) >>> 8) & 0xFF00FF) | (((mG + ((r & 0xFF00) << 6)) >>> 8) & 0xFF00);
        }
    }

    /** {@code near[i] = (3 * near[i] + far[i]) / 4} for {@code n} opaque pixels, rounded as {@link #blendRows} rounds. */
    private static void quarterMix(int[] near, int[] far, int n) {
        for (int i = 0; i < n; i++) {
            int p = near[i];
            int q = far[i];
            near[i] = (((m3(p & 0xFF00FF) + ((q & 0xFF00FF) << 6) + 0x800080) >>> 8) & 0xFF00FF)
                    | (((m3(p & 0xFF00) + ((q & 0xFF00) << 6) + 0x8000) >>> 8) & 0xFF00);
        }
    }

    /** {@code x * 192} */
    private static int m3(int x) {
        return (x << 7) + (x << 6);
    }

}
