package dev.vidgate.engine.builtin;

import java.awt.Color;
import java.util.Random;

/**
 * Soft glowing discs that drift along Lissajous paths and breathe in size, screen-blended onto the
 * frame with sub-pixel positions. Blending is done per pixel inside each disc's bounding box.
 */
final class GlowOrbs {
    private static final int FALLOFF_SIZE = 1024;
    private static final int[] FALLOFF = falloff();

    private final int width;
    private final int height;
    private final Orb[] orbs;

    private record Orb(float hue, float saturation, float brightness, double radius,
                       double ampX, double ampY, double freqX, double freqY, double phaseX, double phaseY,
                       double pulseFreq, double pulsePhase, int peak) {}

    GlowOrbs(int width, int height, float baseHue, Random random) {
        this.width = width;
        this.height = height;
        int count = 5 + random.nextInt(4);
        double unit = Math.min(width, height);
        this.orbs = new Orb[count];
        for (int i = 0; i < count; i++) {
            float hue = baseHue + (random.nextBoolean() ? 0.5f : 0f) + (random.nextFloat() - 0.5f) * 0.18f;
            orbs[i] = new Orb(hue,
                    0.45f + random.nextFloat() * 0.45f,
                    0.65f + random.nextFloat() * 0.35f,
                    unit * (0.10 + random.nextDouble() * 0.20),
                    0.18 + random.nextDouble() * 0.26,
                    0.15 + random.nextDouble() * 0.25,
                    0.12 + random.nextDouble() * 0.45,
                    0.10 + random.nextDouble() * 0.40,
                    random.nextDouble() * 2 * Math.PI,
                    random.nextDouble() * 2 * Math.PI,
                    0.3 + random.nextDouble() * 0.9,
                    random.nextDouble() * 2 * Math.PI,
                    120 + random.nextInt(110));
        }
    }

    /** Alpha 0..256 by squared normalised distance from the centre: bright core, long soft tail. */
    private static int[] falloff() {
        int[] lut = new int[FALLOFF_SIZE];
        for (int i = 0; i < FALLOFF_SIZE; i++) {
            double q = i / (double) (FALLOFF_SIZE - 1);
            double a = StrictMath.exp(-3.2 * q) * (1 - q) * (1 - q);
            lut[i] = (int) Math.round(256 * a);
        }
        return lut;
    }

    void paint(double t, int[] argb) {
        for (Orb orb : orbs) {
            double cx = width * (0.5 + orb.ampX * StrictMath.sin(orb.freqX * t + orb.phaseX));
            double cy = height * (0.5 + orb.ampY * StrictMath.sin(orb.freqY * t + orb.phaseY));
            double r = orb.radius * (1 + 0.12 * StrictMath.sin(orb.pulseFreq * t + orb.pulsePhase));
            float hue = orb.hue + 0.02f * (float) StrictMath.sin(0.17 * t + orb.phaseX);
            int color = Color.HSBtoRGB(hue, orb.saturation, orb.brightness);
            blend(argb, cx, cy, r, color, orb.peak);
        }
    }

    private void blend(int[] argb, double cx, double cy, double r, int color, int peak) {
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
            int row = y * width;
            for (int x = x0; x <= x1; x++) {
                double dx = x + 0.5 - cx;
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
                // screen blend: brightens, never clips
                pr = pr + sr - (pr * sr + 127) / 255;
                pg = pg + sg - (pg * sg + 127) / 255;
                pb = pb + sb - (pb * sb + 127) / 255;
                argb[row + x] = (pr << 16) | (pg << 8) | pb;
            }
        }
    }
}
