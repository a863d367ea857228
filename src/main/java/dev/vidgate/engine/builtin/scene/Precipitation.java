package dev.vidgate.engine.builtin.scene;

import java.util.Random;

/**
 * Rain streaks or snowflakes falling over the frame in three depths (near ones bigger, brighter and
 * faster), drawn with sub-pixel anti-aliasing. Positions are a pure function of time, so any frame can
 * be drawn on its own.
 */
final class Precipitation {
    enum Kind { RAIN, SNOW }

    private static final int RAIN_COLOUR = 0xC8D2E1;
    private static final int SNOW_COLOUR = 0xF5F8FF;

    private final Kind kind;
    private final int width;
    private final int height;
    private final double[] x0;
    private final double[] phase;
    private final double[] depth;
    private final double[] sway;
    private final double slant;
    private final double unit;

    Precipitation(Kind kind, int width, int height, long seed) {
        this.kind = kind;
        this.width = width;
        this.height = height;
        this.unit = Glow.unit(width, height);
        Random random = new Random(seed);
        int count = (int) Math.max(60, (long) width * height / (kind == Kind.RAIN ? 800 : 1600));
        this.slant = kind == Kind.RAIN ? 0.08 + random.nextDouble() * 0.14 : 0;
        x0 = new double[count];
        phase = new double[count];
        depth = new double[count];
        sway = new double[count];
        for (int i = 0; i < count; i++) {
            x0[i] = random.nextDouble() * (width + slant * height) - slant * height;
            phase[i] = random.nextDouble();
            depth[i] = 0.25 + 0.75 * Math.pow(random.nextDouble(), 1.6);
            sway[i] = random.nextDouble() * 2 * Math.PI;
        }
    }

    /** Draws the precipitation at {@code t} seconds, at {@code strength} 0..1 of full opacity. */
    void draw(double t, int[] px, double strength) {
        if (strength <= 0) return;
        if (kind == Kind.RAIN) rain(t, px, strength);
        else snow(t, px, strength);
    }

    private void rain(double t, int[] px, double strength) {
        for (int i = 0; i < x0.length; i++) {
            double d = depth[i];
            double length = height * (0.035 + 0.06 * d);
            double speed = height * (1.1 + 1.7 * d);
            double span = height + length;
            double head = (phase[i] * span + speed * t) % span;
            double top = head - length;
            double alpha = strength * (0.15 + 0.35 * d);
            int y0 = Math.max(0, (int) Math.ceil(top));
            int y1 = Math.min(height - 1, (int) Math.floor(head));
            for (int y = y0; y <= y1; y++) {
                double along = (y - top) / length; // faint tail, bright head
                double xf = x0[i] + slant * y;
                blendSpan(px, y, xf, alpha * along, RAIN_COLOUR, d > 0.8 && unit > 1.2 ? 2 : 1);
            }
        }
    }

    private void snow(double t, int[] px, double strength) {
        for (int i = 0; i < x0.length; i++) {
            double d = depth[i];
            double r = Math.max(0.7, (0.7 + 2.6 * d) * unit);
            double speed = height * (0.035 + 0.09 * d);
            double span = height + 4 * r;
            double cy = (phase[i] * span + speed * t) % span - 2 * r;
            double cx = x0[i] + (4 + 12 * d) * unit * Math.sin(0.5 * t * (0.6 + d) + sway[i]);
            double alpha = strength * (0.45 + 0.5 * d);
            disc(px, cx, cy, r, alpha, SNOW_COLOUR);
        }
    }

    /** Blends a horizontal run of {@code thickness} pixels starting at sub-pixel {@code xf}. */
    private void blendSpan(int[] px, int y, double xf, double alpha, int colour, int thickness) {
        int ix = (int) Math.floor(xf);
        double frac = xf - ix;
        blend(px, ix, y, alpha * (1 - frac), colour);
        for (int k = 1; k < thickness; k++) blend(px, ix + k, y, alpha, colour);
        blend(px, ix + thickness, y, alpha * frac, colour);
    }

    private void disc(int[] px, double cx, double cy, double r, double alpha, int colour) {
        int xa = (int) Math.floor(cx - r);
        int xb = (int) Math.ceil(cx + r);
        int ya = (int) Math.floor(cy - r);
        int yb = (int) Math.ceil(cy + r);
        double r2 = r * r;
        for (int y = ya; y <= yb; y++) {
            double dy = y + 0.5 - cy;
            for (int x = xa; x <= xb; x++) {
                double dx = x + 0.5 - cx;
                double q = (dx * dx + dy * dy) / r2;
                if (q >= 1) continue;
                double falloff = (1 - q) * (1 - q);
                blend(px, x, y, alpha * falloff, colour);
            }
        }
    }

    private void blend(int[] px, int x, int y, double alpha, int colour) {
        if (x < 0 || x >= width || y < 0 || y >= height || alpha <= 0) return;
        int a = (int) Math.min(256, Math.round(alpha * 256));
        int i = y * width + x;
        int p = px[i];
        int r = ((p >> 16) & 0xFF) + (((((colour >> 16) & 0xFF) - ((p >> 16) & 0xFF)) * a) >> 8);
        int g = ((p >> 8) & 0xFF) + (((((colour >> 8) & 0xFF) - ((p >> 8) & 0xFF)) * a) >> 8);
        int b = (p & 0xFF) + ((((colour & 0xFF) - (p & 0xFF)) * a) >> 8);
        px[i] = (r << 16) | (g << 8) | b;
    }
}
