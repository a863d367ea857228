package dev.vidgate.engine.builtin.scene;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.Random;

/**
 * Shapes against the sky, drawn once per clip into textures that wrap around horizontally: hill and
 * mountain ridges, city skylines with lit windows, and tree lines. Texels are premultiplied ARGB.
 */
final class Silhouettes {
    private Silhouettes() {}

    /** A new premultiplied ARGB canvas and its pixel array. */
    record Canvas(BufferedImage image, int[] texels) {
        static Canvas of(int width, int height) {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
            return new Canvas(image, ((DataBufferInt) image.getRaster().getDataBuffer()).getData());
        }

        Graphics2D graphics() {
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            return g;
        }
    }

    /**
     * A ridge whose height (fraction of the texture height, measured from the bottom) varies between
     * {@code low} and {@code high}, with a soft anti-aliased edge; the colour darkens slightly downwards.
     */
    static int[] ridge(int width, int height, Random random, double low, double high, int colour, int harmonics) {
        double[] amp = new double[harmonics];
        double[] phase = new double[harmonics];
        for (int k = 0; k < harmonics; k++) {
            amp[k] = Math.pow(0.55, k) * (0.5 + random.nextDouble());
            phase[k] = random.nextDouble() * 2 * Math.PI;
        }
        double total = 0;
        for (double a : amp) total += a;
        int[] texels = new int[width * height];
        for (int x = 0; x < width; x++) {
            double s = 0;
            for (int k = 0; k < harmonics; k++) s += amp[k] * Math.sin(2 * Math.PI * (k + 1) * x / width + phase[k]);
            double h = low + (high - low) * (0.5 + 0.5 * s / total);
            double top = height * (1 - h);
            for (int y = Math.max(0, (int) Math.floor(top)); y < height; y++) {
                double cover = Math.min(1, y + 1 - top);
                double down = (y - top) / Math.max(1, height - top);
                int c = PictureCanvas.mix(colour, 0, 0.25 * down);
                texels[y * width + x] = TextureLayer.premultiply(c, cover);
            }
        }
        return texels;
    }

    /** Where a building's warning light sits, in texture pixels. */
    record Beacon(double x, double y) {}

    /**
     * A city skyline: buildings of varied width and height with a grid of windows, a share of them lit
     * in warm and cool colours; the tallest get a red warning light (reported in {@code beacons}).
     */
    static int[] skyline(int width, int height, Random random, double low, double high, int wall, int[] lights,
                         double litShare, List<Beacon> beacons) {
        int[] texels = new int[width * height];
        int unit = Math.max(2, height / 90);
        int x = 0;
        while (x < width) {
            int bw = unit * (6 + random.nextInt(16));
            int bh = (int) (height * (low + (high - low) * Math.pow(random.nextDouble(), 1.3)));
            int shade = PictureCanvas.mix(wall, 0, random.nextDouble() * 0.35);
            int top = height - bh;
            for (int y = top; y < height; y++) {
                for (int i = 0; i < bw; i++) texels[y * width + Math.floorMod(x + i, width)] = 0xFF000000 | shade;
            }
            windows(texels, width, height, x, top, bw, random, unit, lights, litShare);
            if (bh > height * (low + (high - low) * 0.7)) beacons.add(new Beacon(x + bw / 2.0, top - unit));
            x += bw + (random.nextInt(3) == 0 ? unit * random.nextInt(4) : 0);
        }
        return texels;
    }

    private static void windows(int[] texels, int width, int height, int x0, int top, int bw, Random random, int unit,
                                int[] lights, double litShare) {
        int size = Math.max(1, unit);
        int gap = Math.max(1, unit);
        double share = litShare * (0.4 + random.nextDouble() * 1.2);
        for (int y = top + 2 * gap; y + size < height - gap; y += size + gap) {
            for (int i = gap; i + size <= bw - gap; i += size + gap) {
                if (random.nextDouble() >= share) continue;
                int colour = lights[random.nextInt(lights.length)];
                int bright = PictureCanvas.mix(colour, 0, random.nextDouble() * 0.45);
                for (int dy = 0; dy < size; dy++) {
                    for (int dx = 0; dx < size; dx++) texels[(y + dy) * width + Math.floorMod(x0 + i + dx, width)] = 0xFF000000 | bright;
                }
            }
        }
    }

    /**
     * A tree line: {@code count} pines or round-crowned trees standing on a ground band at the bottom,
     * heights between {@code low} and {@code high} of the texture height.
     */
    static int[] trees(int width, int height, Random random, int count, double low, double high, int colour, boolean pines,
                       double ground) {
        Canvas canvas = Canvas.of(width, height);
        Graphics2D g = canvas.graphics();
        try {
            double groundTop = height * (1 - ground);
            g.setColor(new Color(PictureCanvas.mix(colour, 0, 0.15)));
            g.fillRect(0, (int) groundTop, width, height);
            for (int i = 0; i < count; i++) {
                double cx = random.nextDouble() * width;
                double th = height * (low + (high - low) * random.nextDouble());
                double base = groundTop + random.nextDouble() * height * ground * 0.6;
                Color c = new Color(PictureCanvas.mix(colour, 0, random.nextDouble() * 0.3));
                for (double shift : new double[] {-width, 0, width}) {
                    if (pines) pine(g, cx + shift, base, th, c, random.nextLong());
                    else roundTree(g, cx + shift, base, th, c, random.nextLong());
                }
            }
        } finally {
            g.dispose();
        }
        return canvas.texels();
    }

    /** Sets the tree's colour and draws its trunk: {@code thickness} and {@code height} as fractions of the tree. */
    private static void trunk(Graphics2D g, double cx, double base, double h, Color c, double thickness, double height) {
        g.setColor(c);
        double width = Math.max(1, h * thickness);
        g.fill(new java.awt.geom.Rectangle2D.Double(cx - width / 2, base - h * height, width, h * height));
    }

    private static void pine(Graphics2D g, double cx, double base, double h, Color c, long seed) {
        Random r = new Random(seed);
        trunk(g, cx, base, h, c, 0.03, 0.15);
        int tiers = 4 + r.nextInt(3);
        double halfWidth = h * (0.16 + 0.06 * r.nextDouble());
        for (int k = 0; k < tiers; k++) {
            double frac = k / (double) tiers;
            double tierBase = base - h * (0.1 + 0.8 * frac);
            double tierTop = tierBase - h * 0.32;
            double wdt = halfWidth * (1 - 0.75 * frac);
            Path2D.Double tri = new Path2D.Double();
            tri.moveTo(cx - wdt, tierBase);
            tri.lineTo(cx + wdt, tierBase);
            tri.lineTo(cx, Math.max(base - h, tierTop));
            tri.closePath();
            g.fill(tri);
        }
    }

    private static void roundTree(Graphics2D g, double cx, double base, double h, Color c, long seed) {
        Random r = new Random(seed);
        trunk(g, cx, base, h, c, 0.035, 0.5);
        int blobs = 5 + r.nextInt(5);
        double crown = h * 0.2;
        for (int k = 0; k < blobs; k++) {
            double bx = cx + (r.nextDouble() - 0.5) * crown * 1.4;
            double by = base - h * 0.62 + (r.nextDouble() - 0.5) * crown * 0.9;
            double br = crown * (0.45 + 0.35 * r.nextDouble());
            g.fill(new Ellipse2D.Double(bx - br, by - br, 2 * br, 2 * br));
        }
    }
}
