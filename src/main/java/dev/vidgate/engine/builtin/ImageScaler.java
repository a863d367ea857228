package dev.vidgate.engine.builtin;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Good-quality resizing of opaque RGB images: when shrinking a lot, stepwise halving (each pixel the
 * mean of a 2x2 block, done directly on packed pixels where the image allows), then Java2D's bilinear
 * scaling for the last step.
 */
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
            current = halve(current, w, h);
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

    /** {@code source} shrunk to {@code width x height}, half its size (rounded down): each pixel the mean of a 2x2 block. */
    private static BufferedImage halve(BufferedImage source, int width, int height) {
        int[] src = packedPixels(source);
        if (src == null) return draw(source, width, height);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int stride = source.getWidth();
        for (int y = 0; y < height; y++) {
            int top = 2 * y * stride;
            int bottom = top + stride;
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int a = src[top + 2 * x];
                int b = src[top + 2 * x + 1];
                int c = src[bottom + 2 * x];
                int d = src[bottom + 2 * x + 1];
                // red and blue side by side in one int, green in another: four 8-bit values sum to at most 10 bits
                int rb = (a & 0xFF00FF) + (b & 0xFF00FF) + (c & 0xFF00FF) + (d & 0xFF00FF) + 0x20002;
                int g = (a & 0xFF00) + (b & 0xFF00) + (c & 0xFF00) + (d & 0xFF00) + 0x200;
                dst[row + x] = ((rb >>> 2) & 0xFF00FF) | ((g >>> 2) & 0xFF00);
            }
        }
        return out;
    }

    /** The pixels of an opaque packed-RGB image laid out row after row with no padding, or null if it is not one. */
    private static int[] packedPixels(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) return null;
        if (!(image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel model)) return null;
        if (model.getScanlineStride() != image.getWidth() || image.getRaster().getSampleModelTranslateX() != 0
                || image.getRaster().getSampleModelTranslateY() != 0 || image.getRaster().getDataBuffer().getOffset() != 0) {
            return null;
        }
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
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
