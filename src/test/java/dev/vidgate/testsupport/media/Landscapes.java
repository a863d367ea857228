package dev.vidgate.testsupport.media;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Test-data builder for living-picture references: a landscape of known regions, each with texture so
 * any motion inside it shows in frame differences. A sky (blue gradient with soft pale clouds) at the top,
 * green foliage on the left side, a grey brick wall in the middle, a blue water band with ripples at the
 * bottom. The rectangles are inner parts of each region (away from the borders) to measure in, and the
 * border rows and columns to measure seams on.
 *
 * <pre>{@code
 * Landscapes.Landscape scene = Landscapes.lakeside(384, 216);
 * }</pre>
 */
public final class Landscapes {
    private Landscapes() {}

    /** A built landscape and where its regions are. */
    public record Landscape(BufferedImage picture, Rectangle sky, Rectangle foliage, Rectangle wall, Rectangle water,
                            int wallWaterBorder, int foliageWallBorder) {}

    public static Landscape lakeside(int width, int height) {
        Random random = new Random(28);
        int horizon = (int) (height * 0.35);
        int shore = (int) (height * 0.65);
        int treeEdge = (int) (width * 0.3);
        double[] leafNoise = noise(width, height, 3, random);
        double[] waterNoise = noise(width, height, 2, random);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int rgb;
                if (x < treeEdge && y > height * 0.12 && y < shore) {
                    double v = 0.3 + 0.4 * leafNoise[i];
                    rgb = rgb(0.25 * v, v, 0.2 * v);
                } else if (y < horizon) {
                    double sky = 0.55 + 0.35 * y / horizon;
                    double cloud = Math.max(0, 1 - Math.hypot((x - width * 0.65) / (width * 0.12), (y - horizon * 0.4) / (horizon * 0.22)));
                    rgb = rgb(lerp(0.35 * sky, 0.93, cloud), lerp(0.6 * sky, 0.94, cloud), lerp(sky, 0.96, cloud));
                } else if (y < shore) {
                    boolean mortar = y % 12 == 0 || (x + (y / 12 % 2) * 12) % 24 == 0;
                    double v = mortar ? 0.38 : 0.5 + 0.04 * leafNoise[i];
                    rgb = rgb(v, v, v);
                } else {
                    double v = 0.45 + 0.3 * waterNoise[i] + 0.1 * Math.sin(y * 0.9);
                    rgb = rgb(0.15 * v, 0.45 * v, v);
                }
                image.setRGB(x, y, rgb);
            }
        }
        return new Landscape(image,
                new Rectangle((int) (width * 0.4), (int) (height * 0.03), (int) (width * 0.55), (int) (height * 0.2)),
                new Rectangle((int) (width * 0.04), (int) (height * 0.25), (int) (width * 0.18), (int) (height * 0.3)),
                new Rectangle((int) (width * 0.45), (int) (height * 0.42), (int) (width * 0.5), (int) (height * 0.16)),
                new Rectangle((int) (width * 0.05), (int) (height * 0.75), (int) (width * 0.9), (int) (height * 0.2)),
                shore, treeEdge);
    }

    /** Smooth value noise 0..1 with features about {@code scale} pixels across. */
    private static double[] noise(int w, int h, int scale, Random random) {
        int gw = w / scale + 2;
        int gh = h / scale + 2;
        double[] grid = new double[gw * gh];
        for (int i = 0; i < grid.length; i++) grid[i] = random.nextDouble();
        double[] out = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double gx = x / (double) scale;
                double gy = y / (double) scale;
                int x0 = (int) gx;
                int y0 = (int) gy;
                double fx = gx - x0;
                double fy = gy - y0;
                double top = lerp(grid[y0 * gw + x0], grid[y0 * gw + x0 + 1], fx);
                double bottom = lerp(grid[(y0 + 1) * gw + x0], grid[(y0 + 1) * gw + x0 + 1], fx);
                out[y * w + x] = lerp(top, bottom, fy);
            }
        }
        return out;
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    private static int rgb(double r, double g, double b) {
        return channel(r) << 16 | channel(g) << 8 | channel(b);
    }

    private static int channel(double v) {
        return (int) Math.round(255 * Math.max(0, Math.min(1, v)));
    }
}
