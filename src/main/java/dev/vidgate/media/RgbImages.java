package dev.vidgate.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/** Decoded pictures as the renderer works with them: opaque {@code TYPE_INT_RGB}. */
public final class RgbImages {
    private RgbImages() {}

    /**
     * An opaque TYPE_INT_RGB copy with the same pixel values (alpha is composited over black; grey and 16-bit
     * grey keep their levels), or {@code image} itself when it already is one.
     */
    public static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) return image;
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        if (isGray(image)) {
            // copy grey levels directly: going through the linear grey colour space would change them
            Raster raster = image.getRaster();
            int shift = Math.max(0, raster.getSampleModel().getSampleSize(0) - 8);
            boolean alpha = image.getColorModel().hasAlpha();
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int v = raster.getSample(x, y, 0) >> shift;
                    if (alpha) v = v * (raster.getSample(x, y, 1) >> shift) / 255;
                    row[x] = (v << 16) | (v << 8) | v;
                }
                rgb.setRGB(0, y, w, 1, row, 0, w);
            }
            return rgb;
        }
        Graphics2D g = rgb.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, w, h);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static boolean isGray(BufferedImage image) {
        return image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && image.getRaster().getNumBands() <= 2;
    }

    /** Draws all of {@code source} over all of {@code target}, scaled with {@code interpolation} (a {@link RenderingHints} value). */
    public static void drawScaled(BufferedImage source, BufferedImage target, Object interpolation) {
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.drawImage(source, 0, 0, target.getWidth(), target.getHeight(), null);
        } finally {
            g.dispose();
        }
    }
}
