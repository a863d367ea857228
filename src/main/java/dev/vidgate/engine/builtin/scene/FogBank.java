package dev.vidgate.engine.builtin.scene;

import dev.vidgate.engine.builtin.frame.FinishPass;

/**
 * Drifting fog: two layers of soft noise sliding past each other at different speeds over a haze that
 * thickens towards the lower middle of the frame. Each frame gets a coarse density grid (one value per
 * {@value #CELL} pixels) that {@link FinishPass} interpolates smoothly per pixel.
 */
final class FogBank {
    private static final int CELL = 8;
    private static final int TEXTURE = 128;

    private final float[] noise;
    private final int width;
    private final int height;
    private final int gridW;
    private final int gridH;
    private final double amount;
    private final int colour;
    private final double drift;
    /** For each pixel column: its grid cell and the weight (0..256) of the next cell. */
    private final int[] cellOf;
    private final int[] weightOf;

    /**
     * @param amount how thick, 0..1
     * @param colour the fog's colour, {@code 0xRRGGBB}
     */
    FogBank(int width, int height, double amount, int colour, double pace, long seed) {
        this.width = width;
        this.height = height;
        this.amount = amount;
        this.colour = colour;
        this.drift = 0.035 * pace;
        this.gridW = width / CELL + 2;
        this.gridH = height / CELL + 2;
        this.noise = Noise.fractal(TEXTURE, TEXTURE, 4, 3, 4, 0.55, seed);
        this.cellOf = new int[width];
        this.weightOf = new int[width];
        for (int x = 0; x < width; x++) {
            cellOf[x] = x / CELL;
            weightOf[x] = (x % CELL) * 256 / CELL;
        }
    }

    /** The fog of the frame at {@code t} seconds, at {@code strength} 0..1. */
    FinishPass.FogRows at(double t, double strength) {
        int[] grid = new int[gridW * gridH];
        double aspect = width / (double) height;
        for (int gy = 0; gy < gridH; gy++) {
            double v = gy * CELL / (double) height;
            double profile = 0.35 + 0.65 * Math.exp(-Math.pow((v - 0.62) / 0.35, 2));
            for (int gx = 0; gx < gridW; gx++) {
                double u = gx * CELL / (double) width * aspect * 0.5;
                double a = sample(u + drift * t, v * 0.5 + 0.013 * t);
                double b = sample(u * 1.7 - drift * 0.6 * t + 0.31, v * 0.85 + 0.5);
                double wisps = CameraPath.smoothstep(Math.min(1, Math.max(0, (a * 0.65 + b * 0.35 - 0.25) / 0.6)));
                double d = amount * strength * profile * (0.45 + 0.55 * wisps);
                grid[gy * gridW + gx] = (int) Math.round(Math.min(0.92, d) * 256);
            }
        }
        return new FinishPass.FogRows() {
            @Override
            public int colour() { return colour; }

            @Override
            public void density(int y, int[] out) {
                int gy = y / CELL;
                int fy = (y % CELL) * 256 / CELL;
                int r0 = gy * gridW;
                int r1 = Math.min(gridH - 1, gy + 1) * gridW;
                int[] column = new int[gridW];
                for (int gx = 0; gx < gridW; gx++) column[gx] = grid[r0 + gx] * (256 - fy) + grid[r1 + gx] * fy;
                for (int x = 0; x < width; x++) {
                    int gx = cellOf[x];
                    int fx = weightOf[x];
                    out[x] = (column[gx] * (256 - fx) + column[gx + 1] * fx) >> 16;
                }
            }
        };
    }

    private double sample(double u, double v) {
        return Noise.sample(noise, TEXTURE, u, v);
    }
}
