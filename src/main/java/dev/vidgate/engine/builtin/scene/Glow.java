package dev.vidgate.engine.builtin.scene;

/**
 * Soft round light (sun glow, bokeh, lamps, embers) screen-blended onto a frame with sub-pixel
 * position: a bright core with a long soft tail. Screen blending brightens and never clips.
 */
final class Glow {
    private static final int FALLOFF_SIZE = 1024;
    private static final int[] FALLOFF = falloff();

    private Glow() {}

    /**
     * The size of one "point" of detail for a frame: 1 at 720 lines, in proportion above, and never so
     * small that stars, sparks and flakes vanish in a small frame.
     */
    static double unit(int width, int height) {
        return Math.max(0.6, Math.min(width, height) / 720.0);
    }

    /** Alpha 0..256 by squared normalised distance from the centre. */
    private static int[] falloff() {
        int[] lut = new int[FALLOFF_SIZE];
        for (int i = 0; i < FALLOFF_SIZE; i++) {
            double q = i / (double) (FALLOFF_SIZE - 1);
            double a = StrictMath.exp(-3.2 * q) * (1 - q) * (1 - q);
            lut[i] = (int) Math.round(256 * a);
        }
        return lut;
    }

    /**
     * Screen-blends a glow of radius {@code r} pixels centred at {@code (cx, cy)}.
     *
     * @param peak strength at the centre, 0..256
     */
    static void screen(int[] argb, int width, int height, double cx, double cy, double r, int color, int peak) {
        if (r <= 0.3 || peak <= 0) return;
        int x0 = Math.max(0, (int) Math.floor(cx - r));
        int x1 = Math.min(width - 1, (int) Math.ceil(cx + r));
        int y0 = Math.max(0, (int) Math.floor(cy - r));
        int y1 = Math.min(height - 1, (int) Math.ceil(cy + r));
        if (x0 > x1 || y0 > y1) return;
        int cr = (color >> 16) & 0xFF;
        int cg = (color >> 8) & 0xFF;
        int cb = color & 0xFF;
        double scale = (FALLOFF_SIZE - 1) / (r * r);
        for (int y = y0; y <= y1; y++) {
            double dy = y + 0.5 - cy;
            double dy2 = dy * dy;
            double half = r * r - dy2;
            if (half <= 0) continue;
            double span = Math.sqrt(half); // only the pixels inside the circle
            int xa = Math.max(x0, (int) Math.floor(cx - span));
            int xb = Math.min(x1, (int) Math.ceil(cx + span));
            int row = y * width;
            double dx = xa + 0.5 - cx;
            for (int x = xa; x <= xb; x++, dx += 1) {
                int qi = (int) ((dx * dx + dy2) * scale);
                if (qi >= FALLOFF_SIZE) continue;
                int a = (FALLOFF[qi] * peak) >> 8;
                if (a == 0) continue;
                int p = argb[row + x];
                int sr = (cr * a) >> 8;
                int sg = (cg * a) >> 8;
                int sb = (cb * a) >> 8;
                int pr = (p >> 16) & 0xFF;
                int pg = (p >> 8) & 0xFF;
                int pb = p & 0xFF;
                pr = pr + sr - div255(pr * sr);
                pg = pg + sg - div255(pg * sg);
                pb = pb + sb - div255(pb * sb);
                argb[row + x] = (pr << 16) | (pg << 8) | pb;
            }
        }
    }

    /** {@code v / 255} rounded, for {@code 0 <= v <= 255 * 255}, without a division. */
    private static int div255(int v) {
        v += 128;
        return (v + (v >> 8)) >> 8;
    }
}
