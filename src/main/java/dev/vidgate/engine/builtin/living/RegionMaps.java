package dev.vidgate.engine.builtin.living;

/**
 * The coarse masks of {@link RegionAnalysis} brought to the picture's own size once per job, as one byte
 * per pixel (0..255), so a frame looks a weight up instead of interpolating it.
 */
final class RegionMaps {
    private RegionMaps() {}

    /** Bilinear upsampling of a grid of 0..1 values (cell centres) to {@code w x h} bytes. */
    static byte[] upsample(float[] grid, RegionAnalysis a, int w, int h) {
        byte[] out = new byte[w * h];
        int gw = a.gridWidth;
        int gh = a.gridHeight;
        int[] x0 = new int[w];
        float[] fx = new float[w];
        for (int x = 0; x < w; x++) {
            double gx = Math.max(0, Math.min(gw - 1, (x + 0.5) / a.cellWidth - 0.5));
            x0[x] = Math.min(gw - 2 < 0 ? 0 : gw - 2, (int) gx);
            fx[x] = (float) (gx - x0[x]);
        }
        for (int y = 0; y < h; y++) {
            double gy = Math.max(0, Math.min(gh - 1, (y + 0.5) / a.cellHeight - 0.5));
            int y0 = Math.min(gh - 2 < 0 ? 0 : gh - 2, (int) gy);
            int y1 = Math.min(gh - 1, y0 + 1);
            float fy = (float) (gy - y0);
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int x1 = Math.min(gw - 1, x0[x] + 1);
                float top = grid[y0 * gw + x0[x]] + (grid[y0 * gw + x1] - grid[y0 * gw + x0[x]]) * fx[x];
                float bottom = grid[y1 * gw + x0[x]] + (grid[y1 * gw + x1] - grid[y1 * gw + x0[x]]) * fx[x];
                float v = top + (bottom - top) * fy;
                out[row + x] = (byte) Math.round(Math.max(0, Math.min(1, v)) * 255);
            }
        }
        return out;
    }

    /** Whether any pixel has weight. */
    static boolean any(byte[] map) {
        for (byte b : map) if (b != 0) return true;
        return false;
    }
}
