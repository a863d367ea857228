package dev.vidgate.engine.builtin;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Decodes the reference image of an image-to-video request (JPEG, PNG or WebP) into exact
 * {@code 0x00RRGGBB} pixels of the output size. Bad bytes become {@link BadInputException}.
 */
final class ReferenceImage {
    /** Refuse to decode images whose header claims more pixels than this (decompression bombs). */
    private static final long MAX_PIXELS = 64L * 1024 * 1024;

    static {
        // ImageIO registers plug-ins (TwelveMonkeys WebP) from the class loader that first touched it;
        // in a repackaged application that may not be the one holding the plug-in jars
        if (!ImageIO.getImageReadersByFormatName("webp").hasNext()) ImageIO.scanForPlugins();
    }

    private ReferenceImage() {}

    /**
     * The reference as packed pixels of exactly {@code width x height}. An image of another size is
     * scaled to cover the frame and centre-cropped (the API promises matching sizes; this is leniency).
     */
    static int[] decode(byte[] bytes, int width, int height) {
        BufferedImage image = read(bytes);
        if (image.getWidth() != width || image.getHeight() != height) {
            image = ImageScaler.cover(toRgb(image), width, height);
        }
        return toRgb(image).getRGB(0, 0, width, height, null, 0, width);
    }

    static BufferedImage read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) throw new BadInputException("the reference image is empty");
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new BadInputException("the reference image is not a JPEG, PNG or WebP image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw new BadInputException("the reference image is too large to decode");
                }
                BufferedImage image = reader.read(0);
                if (image == null) throw new BadInputException("the reference image could not be decoded");
                return image;
            } finally {
                reader.dispose();
            }
        } catch (BadInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("the reference image could not be decoded", e);
        }
    }

    /** An opaque TYPE_INT_RGB copy with the same pixel values (alpha is composited over black). */
    static BufferedImage toRgb(BufferedImage image) {
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
}
