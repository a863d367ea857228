package dev.vidgate.testsupport.media;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: measures camera motion between two decoded frames, the way a viewer would see it.
 * The frame is cut into a grid of blocks; each block is found again in the other frame by exhaustive
 * search of the sum of absolute luma differences, refined to sub-pixel precision with a parabola
 * through the best match and its neighbours. A least-squares fit of the block displacements to
 * {@code d = t + k (p - centre)} separates a translation {@code t} (pan, tilt) from an expansion
 * {@code k} (zoom: positive when things grow, as in a push-in).
 *
 * <p>Also tracks a bright marker (its luma-weighted centroid) for jitter checks.
 */
public final class Motion {
    /** How the picture moved from one frame to another, in pixels (and per pixel of distance for zoom). */
    public record Estimate(double dx, double dy, double zoom, int blocks) {
        @Override
        public String toString() {
            return String.format("dx=%.2f dy=%.2f zoom=%.4f (%d blocks)", dx, dy, zoom, blocks);
        }
    }

    private Motion() {}

    /** Motion from {@code a} to {@code b}: where the content of {@code a} went in {@code b}. */
    public static Estimate between(BufferedImage a, BufferedImage b) {
        int w = a.getWidth();
        int h = a.getHeight();
        double[][] la = luma(a);
        double[][] lb = luma(b);
        int block = Math.max(8, Math.min(w, h) / 10);
        int search = Math.max(4, Math.min(w, h) / 12);
        List<double[]> found = new ArrayList<>(); // x, y, dx, dy
        for (int by = search + block / 2; by + block + search < h; by += block) {
            for (int bx = search + block / 2; bx + block + search < w; bx += block) {
                if (contrast(la, bx, by, block) < 6) continue; // flat blocks match anywhere
                double[] d = match(la, lb, bx, by, block, search);
                if (d != null) found.add(new double[] {bx + block / 2.0 - w / 2.0, by + block / 2.0 - h / 2.0, d[0], d[1]});
            }
        }
        return fit(found);
    }

    /** Least squares for dx = tx + k x, dy = ty + k y over all blocks. */
    private static Estimate fit(List<double[]> found) {
        int n = found.size();
        if (n < 3) return new Estimate(0, 0, 0, n);
        double sx = 0, sy = 0, sdx = 0, sdy = 0, sxx = 0, sxdx = 0, sydy = 0;
        for (double[] f : found) {
            sx += f[0];
            sy += f[1];
            sdx += f[2];
            sdy += f[3];
            sxx += f[0] * f[0] + f[1] * f[1];
            sxdx += f[0] * f[2];
            sydy += f[1] * f[3];
        }
        // minimise sum (dx - tx - k x)^2 + (dy - ty - k y)^2
        double mx = sx / n, my = sy / n, mdx = sdx / n, mdy = sdy / n;
        double varXY = sxx / n - mx * mx - my * my;
        double cov = (sxdx + sydy) / n - mx * mdx - my * mdy;
        double k = varXY > 1e-9 ? cov / varXY : 0;
        return new Estimate(mdx - k * mx, mdy - k * my, k, n);
    }

    private static double[] match(double[][] a, double[][] b, int bx, int by, int block, int search) {
        double[][] cost = new double[2 * search + 1][2 * search + 1];
        double best = Double.MAX_VALUE;
        int bestX = 0;
        int bestY = 0;
        for (int oy = -search; oy <= search; oy++) {
            for (int ox = -search; ox <= search; ox++) {
                double sad = 0;
                for (int y = 0; y < block; y++) {
                    double[] ra = a[by + y];
                    double[] rb = b[by + y + oy];
                    for (int x = 0; x < block; x++) sad += Math.abs(ra[bx + x] - rb[bx + x + ox]);
                }
                cost[oy + search][ox + search] = sad;
                if (sad < best) {
                    best = sad;
                    bestX = ox;
                    bestY = oy;
                }
            }
        }
        if (Math.abs(bestX) == search || Math.abs(bestY) == search) return null; // at the edge of the search: unreliable
        int cx = bestX + search;
        int cy = bestY + search;
        return new double[] {bestX + vertex(cost[cy][cx - 1], cost[cy][cx], cost[cy][cx + 1]),
                bestY + vertex(cost[cy - 1][cx], cost[cy][cx], cost[cy + 1][cx])};
    }

    /** The offset (-0.5..0.5) of the minimum of a parabola through three equally spaced values. */
    private static double vertex(double left, double centre, double right) {
        double denominator = left - 2 * centre + right;
        if (denominator <= 0) return 0;
        return Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / denominator));
    }

    private static double contrast(double[][] l, int bx, int by, int block) {
        double min = 255, max = 0;
        for (int y = 0; y < block; y++) {
            for (int x = 0; x < block; x++) {
                min = Math.min(min, l[by + y][bx + x]);
                max = Math.max(max, l[by + y][bx + x]);
            }
        }
        return max - min;
    }

    static double[][] luma(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[][] l = new double[h][w];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                l[y][x] = 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
            }
        }
        return l;
    }

    /**
     * The luma-weighted centroid {@code {x, y}} of the pixels brighter than {@code threshold} inside the
     * window {@code (x0, y0, w, h)}: a sub-pixel position for a bright marker on a dark ground.
     */
    public static double[] centroid(BufferedImage image, int x0, int y0, int w, int h, double threshold) {
        double[][] l = luma(image);
        double sum = 0, sx = 0, sy = 0;
        for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y0 + h); y++) {
            for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x0 + w); x++) {
                double v = l[y][x] - threshold;
                if (v <= 0) continue;
                sum += v;
                sx += v * (x + 0.5);
                sy += v * (y + 0.5);
            }
        }
        if (sum == 0) throw new IllegalStateException("no marker brighter than " + threshold + " in the window");
        return new double[] {sx / sum, sy / sum};
    }
}
