package dev.vidgate.engine.builtin.scene;

import java.util.Random;

/**
 * Seeded, tileable fractal value noise: the raw material of clouds, fog, waves, flames and nebulae.
 * Values are 0..1; the texture wraps around in both directions, so it can scroll forever.
 */
public final class Noise {
    private Noise() {}

    /**
     * A {@code width x height} texture of {@code octaves} layers of smooth value noise, the first with
     * {@code cellsX x cellsY} lattice cells across the texture, each next one twice as fine and
     * {@code persistence} times as strong; normalised to 0..1.
     */
    static float[] fractal(int width, int height, int cellsX, int cellsY, int octaves, double persistence, long seed) {
        float[] out = new float[width * height];
        Random random = new Random(seed);
        double amplitude = 1;
        for (int o = 0; o < octaves; o++) {
            int cx = Math.max(1, cellsX << o);
            int cy = Math.max(1, cellsY << o);
            addOctave(out, width, height, cx, cy, (float) amplitude, random.nextLong());
            amplitude *= persistence;
        }
        normalise(out);
        return out;
    }

    private static void addOctave(float[] out, int width, int height, int cellsX, int cellsY, float amplitude, long seed) {
        Random random = new Random(seed);
        float[] lattice = new float[cellsX * cellsY];
        for (int i = 0; i < lattice.length; i++) lattice[i] = random.nextFloat();
        float[] fx = new float[width];
        int[] x0 = new int[width];
        for (int x = 0; x < width; x++) {
            double gx = x * cellsX / (double) width;
            x0[x] = (int) gx;
            fx[x] = smooth((float) (gx - x0[x]));
        }
        for (int y = 0; y < height; y++) {
            double gy = y * cellsY / (double) height;
            int y0 = (int) gy;
            float fy = smooth((float) (gy - y0));
            int r0 = (y0 % cellsY) * cellsX;
            int r1 = ((y0 + 1) % cellsY) * cellsX;
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int a = x0[x] % cellsX;
                int b = (x0[x] + 1) % cellsX;
                float top = lattice[r0 + a] + (lattice[r0 + b] - lattice[r0 + a]) * fx[x];
                float bottom = lattice[r1 + a] + (lattice[r1 + b] - lattice[r1 + a]) * fx[x];
                out[row + x] += amplitude * (top + (bottom - top) * fy);
            }
        }
    }

    private static float smooth(float t) {
        return t * t * (3 - 2 * t);
    }

    private static void normalise(float[] v) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float f : v) {
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        float range = max - min;
        if (range <= 0) return;
        for (int i = 0; i < v.length; i++) v[i] = (v[i] - min) / range;
    }

    /**
     * Bilinear sample of a square wrapping texture of {@code size x size} values at {@code (u, v)},
     * measured in texture widths (so 1.0 is the same place as 0.0).
     */
    static double sample(float[] texture, int size, double u, double v) {
        double x = (u - Math.floor(u)) * size;
        double y = (v - Math.floor(v)) * size;
        int x0 = (int) x % size;
        int y0 = (int) y % size;
        int x1 = (x0 + 1) % size;
        int y1 = (y0 + 1) % size;
        double fx = x - Math.floor(x);
        double fy = y - Math.floor(y);
        double top = texture[y0 * size + x0] + (texture[y0 * size + x1] - texture[y0 * size + x0]) * fx;
        double bottom = texture[y1 * size + x0] + (texture[y1 * size + x1] - texture[y1 * size + x0]) * fx;
        return top + (bottom - top) * fy;
    }

    /** A smooth 1-D value in 0..1 for time {@code t} (seconds), for flicker and gusts. */
    public static double wobble(double t, long seed) {
        double sum = 0;
        double weight = 0;
        double f = 1;
        double a = 1;
        for (int o = 0; o < 4; o++) {
            double x = t * f + (seed >>> (o * 8) & 0xFF) * 0.37;
            long i = (long) Math.floor(x);
            double u = x - i;
            u = u * u * (3 - 2 * u);
            double h0 = hash(i, seed + o);
            double h1 = hash(i + 1, seed + o);
            sum += a * (h0 + (h1 - h0) * u);
            weight += a;
            f *= 2.1;
            a *= 0.55;
        }
        return sum / weight;
    }

    /** A deterministic pseudo-random value in 0..1 for an integer. */
    static double hash(long i, long seed) {
        long x = i * 0x9E3779B97F4A7C15L + seed * 0xC2B2AE3D27D4EB4FL;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 29;
        return (x >>> 11) * 0x1.0p-53;
    }
}
