package dev.vidgate.engine.builtin;

import dev.vidgate.engine.builtin.encode.FfmpegSupport;
import dev.vidgate.video.reference.ExifOrientation;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

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
 * {@code 0x00RRGGBB} pixels of the output size, upright as its EXIF orientation says. Transparency is
 * laid over black, grey and 16-bit images keep their levels, and CMYK or YCCK JPEGs (which Java's own
 * reader gets wrong) are decoded by FFmpeg. Bad bytes become {@link BadInputException}.
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
        BufferedImage image = ExifOrientation.upright(toRgb(read(bytes)), ExifOrientation.of(bytes));
        if (image.getWidth() != width || image.getHeight() != height) {
            image = ImageScaler.cover(toRgb(image), width, height);
        }
        return toRgb(image).getRGB(0, 0, width, height, null, 0, width);
    }

    static BufferedImage read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) throw new BadInputException("the reference image is empty");
        int[] jpeg = jpegFrameHeader(bytes);
        if (jpeg != null && jpeg[0] == 4) {
            if ((long) jpeg[1] * jpeg[2] > MAX_PIXELS) throw new BadInputException("the reference image is too large to decode");
            return readFourChannelJpeg(bytes);
        }
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

    /**
     * What a JPEG's frame header (SOFn) declares: {@code {components, width, height}}, or null if the bytes
     * are not a JPEG or it cannot be found before the image data.
     */
    static int[] jpegFrameHeader(byte[] b) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) return null;
        int pos = 2;
        while (pos + 4 <= b.length && (b[pos] & 0xFF) == 0xFF) {
            int marker = b[pos + 1] & 0xFF;
            int length = ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            boolean frameHeader = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frameHeader) {
                if (pos + 9 >= b.length) return null;
                int height = ((b[pos + 5] & 0xFF) << 8) | (b[pos + 6] & 0xFF);
                int width = ((b[pos + 7] & 0xFF) << 8) | (b[pos + 8] & 0xFF);
                return new int[] {b[pos + 9] & 0xFF, width, height};
            }
            if (marker == 0xDA || length < 2) return null;
            pos += 2 + length;
        }
        return null;
    }

    /** A CMYK or YCCK (Adobe) JPEG, decoded by FFmpeg, which knows Adobe's inverted ink values. */
    private static BufferedImage readFourChannelJpeg(byte[] bytes) {
        FfmpegSupport.init();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(bytes), 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.setFormat("jpeg_pipe");
            grabber.start();
            Frame frame = grabber.grabImage();
            if (frame == null) throw new BadInputException("the reference image could not be decoded");
            return toRgb(converter.convert(frame));
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
