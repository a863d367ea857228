package dev.vidgate.engine.builtin.living;

import dev.vidgate.engine.builtin.scene.PictureCanvas;

/** Sampling and mixing of packed {@code 0x00RRGGBB} pixels with 8-bit fixed-point weights. */
final class Bilinear {
    private Bilinear() {}

    /**
     * The canvas at canvas position {@code (x, y)} in 16.16 fixed point (pixel centres at whole numbers),
     * clamped to its edges.
     */
    static int sample(PictureCanvas canvas, long x, long y) {
        int cw = canvas.width;
        int fx = (int) (Math.max(0, Math.min(((long) cw - 1 << 16) - 257, x)) >> 8);
        int fy = (int) (Math.max(0, Math.min(((long) canvas.height - 1 << 16) - 257, y)) >> 8);
        int i = (fy >> 8) * cw + (fx >> 8);
        int[] px = canvas.pixels;
        int top = mix(px[i], px[i + 1], fx & 255);
        int bottom = mix(px[i + cw], px[i + cw + 1], fx & 255);
        return mix(top, bottom, fy & 255);
    }

    /** {@code a} to {@code b} by {@code w}/256. */
    static int mix(int a, int b, int w) {
        int v = 256 - w;
        int rb = (((a & 0xFF00FF) * v + (b & 0xFF00FF) * w) >>> 8) & 0xFF00FF;
        int g = (((a & 0x00FF00) * v + (b & 0x00FF00) * w) >>> 8) & 0x00FF00;
        return rb | g;
    }

    /** Each channel times {@code gain}, clamped to 0..255. */
    static int scale(int c, double gain) {
        int k = (int) (gain * 256);
        int r = Math.min(255, (((c >> 16) & 255) * k) >> 8);
        int g = Math.min(255, (((c >> 8) & 255) * k) >> 8);
        int b = Math.min(255, ((c & 255) * k) >> 8);
        return r << 16 | g << 8 | b;
    }
}
