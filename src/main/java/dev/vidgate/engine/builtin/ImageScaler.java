package dev.vidgate.engine.builtin;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Good-quality resizing of opaque RGB images with Java2D (stepwise halving when shrinking a lot). */
final class ImageScaler {
    private ImageScaler() {}

    /** {@code source} resized to exactly {@code width x height}. */
    static BufferedImage resize(BufferedImage source, int width, int height) {
        BufferedImage current = source;
        int w = source.getWidth();
        int h = source.getHeight();
        // bilinear sampling only averages 2x2 pixels; halve step by step so every source pixel counts
        while (w / 2 >= width && h / 2 >= height) {
            w /= 2;
            h /= 2;
            current = draw(current, w, h);
        }
        if (w == width && h == height && current != source) return current;
        return draw(current, width, height);
    }

    /** {@code source} scaled to cover {@code width x height} keeping its aspect ratio, centre-cropped. */
    static BufferedImage cover(BufferedImage source, int width, int height) {
        double scale = Math.max(width / (double) source.getWidth(), height / (double) source.getHeight());
        int w = Math.max(width, (int) Math.ceil(source.getWidth() * scale));
        int h = Math.max(height, (int) Math.ceil(source.getHeight() * scale));
        BufferedImage scaled = resize(source, w, h);
        if (w == width && h == height) return scaled;
        BufferedImage cropped = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = cropped.createGraphics();
        try {
            g.drawImage(scaled, -(w - width) / 2, -(h - height) / 2, null);
        } finally {
            g.dispose();
        }
        return cropped;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
