package dev.vidgate.engine.builtin.living;

/** Box blurs on a small grid of floats (rows then columns, edges clamped); repeated, they approach a Gaussian. */
final class GridBlur {
    private GridBlur() {}

    static void box(float[] v, int w, int h, int radius) {
        float[] line = new float[Math.max(w, h)];
        for (int y = 0; y < h; y++) pass(v, y * w, 1, w, radius, line);
        for (int x = 0; x < w; x++) pass(v, x, w, h, radius, line);
    }

    private static void pass(float[] v, int start, int stride, int n, int radius, float[] line) {
        for (int i = 0; i < n; i++) line[i] = v[start + i * stride];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) sum += line[clamp(k, n)];
        int span = 2 * radius + 1;
        for (int i = 0; i < n; i++) {
            v[start + i * stride] = (float) (sum / span);
            sum += line[clamp(i + radius + 1, n)] - line[clamp(i - radius, n)];
        }
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : Math.min(n - 1, i);
    }
}
