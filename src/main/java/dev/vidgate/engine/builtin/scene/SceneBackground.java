package dev.vidgate.engine.builtin.scene;

import java.awt.Color;
import java.util.Random;

/**
 * The backdrop of a procedural scene: a slowly turning three-colour gradient with a gentle wave warp
 * and a vignette, computed per pixel (no Java2D paint contexts, so it is cheap and exact).
 */
final class SceneBackground {
    private static final int LUT_SIZE = 1024;

    private final int width;
    private final int height;
    private final float hue;
    private final float hueSpread;
    private final double angle0;
    private final double spin;
    private final double warpFrequency;
    private final int[] vignetteX;
    private final int[] vignetteY;

    SceneBackground(int width, int height, float hue, Random random) {
        this.width = width;
        this.height = height;
        this.hue = hue;
        this.hueSpread = 0.05f + random.nextFloat() * 0.12f;
        this.angle0 = random.nextDouble() * 2 * Math.PI;
        this.spin = (0.04 + random.nextDouble() * 0.08) * (random.nextBoolean() ? 1 : -1);
        this.warpFrequency = 1 + random.nextDouble() * 2;
        this.vignetteX = vignette(width, 0.30);
        this.vignetteY = vignette(height, 0.30);
    }

    /** Factors 0..256 that darken towards both ends of an axis of {@code length} pixels. */
    private static int[] vignette(int length, double strength) {
        int[] v = new int[length];
        for (int i = 0; i < length; i++) {
            double u = ((i + 0.5) / length - 0.5) * 2;
            v[i] = (int) Math.round(256 * (1 - strength * u * u));
        }
        return v;
    }

    /** Overwrites every pixel of {@code argb} with the backdrop at time {@code t} seconds, seen through {@code camera}. */
    void paint(double t, int[] argb, CameraView camera) {
        // frames are drawn by several threads at once: per-frame tables are local, never fields
        float h = hue + 0.03f * (float) StrictMath.sin(0.21 * t);
        int[] lut = lut(h);
        float[] rowWarp = new float[height];
        double theta = angle0 + spin * t;
        double diagonal = Math.hypot(width, height);
        float stepX = (float) (StrictMath.cos(theta) / diagonal);
        float stepY = (float) (StrictMath.sin(theta) / diagonal);
        for (int y = 0; y < height; y++) {
            double wy = camera.offsetY() + ((y + 0.5) / height - 0.5) / camera.zoom();
            rowWarp[y] = 0.035f * (float) StrictMath.sin(2 * Math.PI * warpFrequency * (wy + 0.5) + 0.7 * t);
        }
        for (int y = 0; y < height; y++) {
            double ny = (y + 0.5) / height - 0.5;
            double rowZoom = camera.rowZoom(ny);
            // the gradient is linear in world coordinates, so along a row it still steps evenly
            double wx0 = camera.offsetX() + camera.shear() * ny + ((0.5 / width) - 0.5) / rowZoom;
            double wy = camera.offsetY() + ny / camera.zoom();
            float g = (float) (0.5 + wx0 * width * stepX + wy * height * stepY) + rowWarp[y];
            float step = (float) (stepX / rowZoom);
            int vy = vignetteY[y];
            int row = y * width;
            for (int x = 0; x < width; x++, g += step) {
                int idx = (int) (g * (LUT_SIZE - 1));
                if (idx < 0) idx = 0;
                else if (idx >= LUT_SIZE) idx = LUT_SIZE - 1;
                int c = lut[idx];
                int v = (vignetteX[x] * vy) >> 8;
                int r = (((c >> 16) & 0xFF) * v) >> 8;
                int gg = (((c >> 8) & 0xFF) * v) >> 8;
                int b = ((c & 0xFF) * v) >> 8;
                argb[row + x] = (r << 16) | (gg << 8) | b;
            }
        }
    }

    private int[] lut(float h) {
        int[] lut = new int[LUT_SIZE];
        int c0 = Color.HSBtoRGB(h, 0.70f, 0.14f);
        int c1 = Color.HSBtoRGB(h + hueSpread, 0.60f, 0.42f);
        int c2 = Color.HSBtoRGB(h + 2 * hueSpread, 0.45f, 0.66f);
        for (int i = 0; i < LUT_SIZE; i++) {
            double u = i / (double) (LUT_SIZE - 1);
            lut[i] = u < 0.5 ? mix(c0, c1, smooth(u * 2)) : mix(c1, c2, smooth(u * 2 - 1));
        }
        return lut;
    }

    private static double smooth(double u) {
        return u * u * (3 - 2 * u);
    }

    static int mix(int a, int b, double u) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - u) + ((b >> 16) & 0xFF) * u);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - u) + ((b >> 8) & 0xFF) * u);
        int bl = (int) Math.round((a & 0xFF) * (1 - u) + (b & 0xFF) * u);
        return (r << 16) | (g << 8) | bl;
    }
}
