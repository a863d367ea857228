package dev.vidgate.engine.builtin;

import java.util.Random;

/**
 * Image-to-video frames: frame 0 is the reference image pixel for pixel; later frames slowly push in
 * (zoom towards a point near the centre, eased in and out), resampled bilinearly with 1/1024-pixel
 * precision so the motion is smooth rather than stepping whole pixels.
 */
final class PushInSource implements FrameSource {
    private static final int BITS = 10;
    private static final int ONE = 1 << BITS;
    private static final int ROUND = 1 << (2 * BITS - 1);

    private final int[] reference;
    private final int width;
    private final int height;
    private final int frameCount;
    private final double zoom;
    private final double driftX;
    private final double driftY;
    private final int[] x0;
    private final int[] x1;
    private final int[] wx;
    private final int[] y0;
    private final int[] y1;
    private final int[] wy;

    /**
     * @param reference  packed {@code 0x00RRGGBB} pixels, {@code width x height}
     * @param frameCount frames in the clip; the push-in spans all of them
     * @param prompt     seeds the small drift of the zoom's focus point
     */
    PushInSource(int[] reference, int width, int height, int frameCount, String prompt) {
        if (reference.length != width * height) throw new IllegalArgumentException("reference is not " + width + "x" + height);
        this.reference = reference;
        this.width = width;
        this.height = height;
        this.frameCount = frameCount;
        double seconds = frameCount / (double) ClipFormat.FPS;
        this.zoom = Math.min(0.15, 0.02 * seconds);
        Random random = new Random(PromptSeed.of(prompt, "push-in"));
        this.driftX = (random.nextDouble() - 0.5) * 0.05 * width;
        this.driftY = (random.nextDouble() - 0.5) * 0.05 * height;
        this.x0 = new int[width];
        this.x1 = new int[width];
        this.wx = new int[width];
        this.y0 = new int[height];
        this.y1 = new int[height];
        this.wy = new int[height];
    }

    @Override public int width() { return width; }

    @Override public int height() { return height; }

    @Override
    public void render(int index, FrameBuffer target) {
        int[] out = target.pixels();
        if (index == 0 || frameCount <= 1) {
            System.arraycopy(reference, 0, out, 0, reference.length);
            return;
        }
        double u = index / (double) (frameCount - 1);
        double eased = u * u * (3 - 2 * u);
        double scale = 1 + zoom * eased;
        double halfW = width / (2 * scale);
        double halfH = height / (2 * scale);
        double focusX = clamp(width / 2.0 + driftX * eased, halfW, width - halfW);
        double focusY = clamp(height / 2.0 + driftY * eased, halfH, height - halfH);
        axis(width, focusX, scale, x0, x1, wx);
        axis(height, focusY, scale, y0, y1, wy);
        sample(out);
    }

    /** For each output coordinate along one axis: the two source neighbours and the weight of the second. */
    private static void axis(int length, double focus, double scale, int[] lo, int[] hi, int[] weight) {
        for (int i = 0; i < length; i++) {
            double s = focus + (i + 0.5 - length / 2.0) / scale - 0.5;
            s = clamp(s, 0, length - 1);
            int a = (int) Math.floor(s);
            int w = (int) Math.round((s - a) * ONE);
            if (w == ONE) {
                a++;
                w = 0;
            }
            lo[i] = Math.min(a, length - 1);
            hi[i] = Math.min(a + 1, length - 1);
            weight[i] = w;
        }
    }

    private void sample(int[] out) {
        int[] ref = reference;
        for (int y = 0; y < height; y++) {
            int r0 = y0[y] * width;
            int r1 = y1[y] * width;
            int fy = wy[y];
            int iy = ONE - fy;
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int fx = wx[x];
                int ix = ONE - fx;
                int a = ref[r0 + x0[x]];
                int b = ref[r0 + x1[x]];
                int c = ref[r1 + x0[x]];
                int d = ref[r1 + x1[x]];
                int w00 = ix * iy;
                int w01 = fx * iy;
                int w10 = ix * fy;
                int w11 = fx * fy;
                int r = (((a >> 16) & 0xFF) * w00 + ((b >> 16) & 0xFF) * w01 + ((c >> 16) & 0xFF) * w10 + ((d >> 16) & 0xFF) * w11 + ROUND) >> (2 * BITS);
                int g = (((a >> 8) & 0xFF) * w00 + ((b >> 8) & 0xFF) * w01 + ((c >> 8) & 0xFF) * w10 + ((d >> 8) & 0xFF) * w11 + ROUND) >> (2 * BITS);
                int bl = ((a & 0xFF) * w00 + (b & 0xFF) * w01 + (c & 0xFF) * w10 + (d & 0xFF) * w11 + ROUND) >> (2 * BITS);
                out[row + x] = (r << 16) | (g << 8) | bl;
            }
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : Math.min(v, hi);
    }
}
