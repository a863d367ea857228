package dev.vidgate.engine.builtin.subject;

import java.awt.image.BufferedImage;

/**
 * Finds a sprite in a decoded frame by template matching: the zero-mean normalised cross-correlation of luma over the
 * sprite's opaque pixels (so a colour grade or the night's darkening does not hide it), searched coarsely, then refined.
 */
final class SpriteFinder {
    /** Where the sprite's top-left corner matched best, and how well (-1..1). */
    record Match(int x, int y, double score) {}

    private final int w;
    private final int h;
    private final int[] xs;
    private final int[] ys;
    private final double[] template;

    SpriteFinder(Sprite sprite) {
        this.w = sprite.width();
        this.h = sprite.height();
        int[] px = sprite.pixels();
        int n = 0;
        for (int p : px) if ((p >>> 24) >= 250) n++;
        xs = new int[n];
        ys = new int[n];
        template = new double[n];
        int i = 0;
        double mean = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = px[y * w + x];
                if ((p >>> 24) < 250) continue;
                xs[i] = x;
                ys[i] = y;
                template[i] = luma(p);
                mean += template[i++];
            }
        }
        mean /= n;
        double norm = 0;
        for (int k = 0; k < n; k++) {
            template[k] -= mean;
            norm += template[k] * template[k];
        }
        norm = Math.sqrt(norm);
        for (int k = 0; k < n; k++) template[k] /= norm;
    }

    Match find(BufferedImage frame) {
        int fw = frame.getWidth();
        int fh = frame.getHeight();
        int[] lumaPlane = new int[fw * fh];
        int[] rgb = frame.getRGB(0, 0, fw, fh, null, 0, fw);
        for (int i = 0; i < rgb.length; i++) lumaPlane[i] = (int) luma(rgb[i]);
        Match best = new Match(0, 0, -2);
        for (int y = 0; y <= fh - h; y += 3) {
            for (int x = 0; x <= fw - w; x += 3) {
                double s = score(lumaPlane, fw, fh, x, y);
                if (s > best.score()) best = new Match(x, y, s);
            }
        }
        Match coarse = best;
        for (int y = coarse.y() - 3; y <= coarse.y() + 3; y++) {
            for (int x = coarse.x() - 3; x <= coarse.x() + 3; x++) {
                double s = score(lumaPlane, fw, fh, x, y);
                if (s > best.score()) best = new Match(x, y, s);
            }
        }
        return best;
    }

    private double score(int[] plane, int fw, int fh, int ox, int oy) {
        int n = template.length;
        double sum = 0;
        double sumSq = 0;
        double dot = 0;
        int inside = 0;
        for (int k = 0; k < n; k++) {
            int x = ox + xs[k];
            int y = oy + ys[k];
            if (x < 0 || y < 0 || x >= fw || y >= fh) continue;
            double v = plane[y * fw + x];
            sum += v;
            sumSq += v * v;
            dot += template[k] * v;
            inside++;
        }
        if (inside < n) return -1; // only whole windows: the template is zero-mean over all of it
        double variance = sumSq - sum * sum / inside;
        if (variance <= 1e-6) return 0;
        // the template is zero-mean, so the frame's mean drops out of the dot product
        return dot / Math.sqrt(variance);
    }

    private static double luma(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }
}
