package dev.vidgate.engine.builtin.scene;

import java.awt.Color;
import java.util.Random;

/**
 * Soft glowing discs that drift along Lissajous paths and breathe in size, screen-blended onto the
 * frame with sub-pixel positions (see {@link Glow}).
 */
final class GlowOrbs {
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

    /** Paints the orbs at {@code strength} 0..1 of their brightness, seen through {@code camera}. */
    void paint(double t, int[] argb, double strength, CameraView camera) {
        for (Orb orb : orbs) {
            double wx = orb.ampX * StrictMath.sin(orb.freqX * t + orb.phaseX);
            double wy = orb.ampY * StrictMath.sin(orb.freqY * t + orb.phaseY);
            double cx = width * (0.5 + camera.screenX(wx, wy));
            double cy = height * (0.5 + camera.screenY(wy));
            double r = orb.radius * camera.zoom() * (1 + 0.12 * StrictMath.sin(orb.pulseFreq * t + orb.pulsePhase));
            float hue = orb.hue + 0.02f * (float) StrictMath.sin(0.17 * t + orb.phaseX);
            int color = Color.HSBtoRGB(hue, orb.saturation, orb.brightness);
            Glow.screen(argb, width, height, cx, cy, r, color, (int) (orb.peak * strength));
        }
    }
}
