package dev.vidgate.engine.builtin.scene;

/**
 * A picture with a margin around it for the camera to look into: a one-pixel edge always (so bilinear
 * sampling at the border needs no clamping), and for pull-outs a wider soft margin. The margin mirrors
 * the picture at its edges and fades, with distance, into a blurred and darkened copy, so the picture
 * continues without a hard seam and the eye stays on the original.
 */
public final class PictureCanvas {
    private static final int SHRINK = 4;
    private static final double DARKEN = 0.45;

    public final int[] pixels;
    public final int width;
    public final int height;
    /** Where the picture's top-left pixel sits in the canvas. */
    public final int padX;
    public final int padY;

    private PictureCanvas(int[] pixels, int width, int height, int padX, int padY) {
        this.pixels = pixels;
        this.width = width;
        this.height = height;
        this.padX = padX;
        this.padY = padY;
    }

    /**
     * @param picture packed {@code 0x00RRGGBB}, {@code w x h}
     * @param reachX  how far the camera looks horizontally (0.5 = the picture's edge), see {@link CameraPath#reach()}
     * @param reachY  the same vertically
     */
    public static PictureCanvas around(int[] picture, int w, int h, double reachX, double reachY) {
        int padX = (int) Math.ceil(Math.max(0, reachX - 0.5) * w) + 2;
        int padY = (int) Math.ceil(Math.max(0, reachY - 0.5) * h) + 2;
        int cw = w + 2 * padX;
        int ch = h + 2 * padY;
        int[] canvas = new int[Math.multiplyExact(cw, ch)];
        for (int y = 0; y < ch; y++) {
            int sy = mirror(y - padY, h);
            int row = y * cw;
            for (int x = 0; x < cw; x++) canvas[row + x] = picture[sy * w + mirror(x - padX, w)];
        }
        if (padX > 2 || padY > 2) soften(canvas, cw, ch, padX, padY, w, h);
        return new PictureCanvas(canvas, cw, ch, padX, padY);
    }

    /** Reflects {@code i} into {@code 0..n-1} (..., 1, 0 | 0, 1, ..., n-1 | n-1, ...). */
    static int mirror(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }

    /** Blends the margin (beyond the one-pixel edge) towards a blurred, darker copy. */
    private static void soften(int[] canvas, int cw, int ch, int padX, int padY, int w, int h) {
        int sw = Math.max(1, cw / SHRINK);
        int sh = Math.max(1, ch / SHRINK);
        int[] small = new int[sw * sh];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) small[y * sw + x] = canvas[Math.min(ch - 1, y * SHRINK + SHRINK / 2) * cw + Math.min(cw - 1, x * SHRINK + SHRINK / 2)];
        }
        int radius = Math.max(2, Math.min(sw, sh) / 40);
        for (int pass = 0; pass < 3; pass++) {
            boxBlur(small, sw, sh, radius, true);
            boxBlur(small, sw, sh, radius, false);
        }
        double ramp = Math.max(4, 0.04 * Math.min(w, h));
        double far = Math.max(padX, padY);
        for (int y = 0; y < ch; y++) {
            int dy = y < padY ? padY - y : Math.max(0, y - (padY + h - 1));
            for (int x = 0; x < cw; x++) {
                int dx = x < padX ? padX - x : Math.max(0, x - (padX + w - 1));
                if (dx <= 1 && dy <= 1) continue;
                double d = Math.hypot(dx, dy);
                double t = CameraPath.smoothstep(Math.min(1, d / ramp));
                double dark = 1 - DARKEN * Math.min(1, d / far);
                int blurred = sampleSmall(small, sw, sh, x / (double) SHRINK, y / (double) SHRINK);
                int i = y * cw + x;
                canvas[i] = scale(mix(canvas[i], blurred, t), dark);
            }
        }
    }

    private static int sampleSmall(int[] small, int sw, int sh, double fx, double fy) {
        double x = Math.max(0, Math.min(sw - 1.001, fx - 0.5));
        double y = Math.max(0, Math.min(sh - 1.001, fy - 0.5));
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(sw - 1, x0 + 1);
        int y1 = Math.min(sh - 1, y0 + 1);
        double u = x - x0;
        double v = y - y0;
        int top = mix(small[y0 * sw + x0], small[y0 * sw + x1], u);
        int bottom = mix(small[y1 * sw + x0], small[y1 * sw + x1], u);
        return mix(top, bottom, v);
    }

    /** Colour {@code a} moved a fraction {@code t} of the way to {@code b} (packed RGB). */
    public static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - t) + ((b >> 16) & 0xFF) * t);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - t) + ((b >> 8) & 0xFF) * t);
        int bl = (int) Math.round((a & 0xFF) * (1 - t) + (b & 0xFF) * t);
        return (r << 16) | (g << 8) | bl;
    }

    private static int scale(int c, double f) {
        int r = (int) (((c >> 16) & 0xFF) * f);
        int g = (int) (((c >> 8) & 0xFF) * f);
        int b = (int) ((c & 0xFF) * f);
        return (r << 16) | (g << 8) | b;
    }

    /** One pass of a running-sum box blur along rows or columns, with edge clamping. */
    static void boxBlur(int[] px, int w, int h, int r, boolean horizontal) {
        int lines = horizontal ? h : w;
        int length = horizontal ? w : h;
        int stride = horizontal ? 1 : w;
        int[] line = new int[length];
        int window = 2 * r + 1;
        for (int l = 0; l < lines; l++) {
            int base = horizontal ? l * w : l;
            for (int i = 0; i < length; i++) line[i] = px[base + i * stride];
            int sr = 0;
            int sg = 0;
            int sb = 0;
            for (int k = -r; k <= r; k++) {
                int c = line[Math.max(0, Math.min(length - 1, k))];
                sr += (c >> 16) & 0xFF;
                sg += (c >> 8) & 0xFF;
                sb += c & 0xFF;
            }
            for (int i = 0; i < length; i++) {
                px[base + i * stride] = ((sr / window) << 16) | ((sg / window) << 8) | (sb / window);
                int out = line[Math.max(0, i - r)];
                int in = line[Math.min(length - 1, i + r + 1)];
                sr += ((in >> 16) & 0xFF) - ((out >> 16) & 0xFF);
                sg += ((in >> 8) & 0xFF) - ((out >> 8) & 0xFF);
                sb += (in & 0xFF) - (out & 0xFF);
            }
        }
    }
}
