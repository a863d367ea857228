package dev.vidgate.testsupport.media;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * Test-data builder for reference pictures the renderer must cope with: richly textured pictures
 * (for measuring motion), a picture with a bright marker (for tracking one feature), and the awkward
 * encodings real uploads come in (alpha, greyscale, 16 bits per sample, CMYK and YCCK JPEG as Adobe
 * writes them, photos stored sideways with an EXIF orientation).
 */
public final class ReferencePictures {
    private ReferencePictures() {}

    /** Soft blobs of many sizes and colours over a gradient: texture everywhere, so every block can be matched. */
    public static BufferedImage textured(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = TestImages.image(width, height, seed);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double unit = Math.min(width, height);
            for (int i = 0; i < 400; i++) {
                double r = unit * (0.01 + 0.04 * random.nextDouble());
                g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 170));
                g.fill(new Ellipse2D.Double(random.nextDouble() * width - r, random.nextDouble() * height - r, 2 * r, 2 * r));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A dark picture with one white disc of radius {@code r} (anti-aliased edge) centred at {@code (x, y)}. */
    public static BufferedImage marker(int width, int height, double x, double y, double r) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                double d = Math.hypot(px + 0.5 - x, py + 0.5 - y);
                int v = (int) Math.round(20 + 215 * Math.max(0, Math.min(1, r + 0.5 - d)));
                // faint texture so the picture is not flat elsewhere
                int t = (px / 8 + py / 8) % 2 == 0 ? 0 : 6;
                image.setRGB(px, py, ((v + t) << 16) | ((v + t) << 8) | (v + t));
            }
        }
        return image;
    }

    /** The picture as a PNG whose alpha fades from opaque (left) to transparent (right). */
    public static byte[] pngWithAlpha(BufferedImage picture) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        BufferedImage argb = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = 255 - 255 * x / Math.max(1, w - 1);
                argb.setRGB(x, y, (a << 24) | (picture.getRGB(x, y) & 0xFFFFFF));
            }
        }
        return TestImages.png(argb);
    }

    /** The picture's luma as an 8-bit greyscale PNG. */
    public static byte[] greyPng(BufferedImage picture) {
        BufferedImage grey = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(picture, 0, 0, null);
        return TestImages.png(grey);
    }

    /** The picture as a 16-bit-per-sample RGB PNG (each 8-bit value v stored as v * 257). */
    public static byte[] png16(BufferedImage picture) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                java.awt.Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = picture.getRGB(x, y);
                raster.setPixel(x, y, new int[] {((p >> 16) & 0xFF) * 257, ((p >> 8) & 0xFF) * 257, (p & 0xFF) * 257});
            }
        }
        return TestImages.png(new BufferedImage(model, raster, false, null));
    }

    /**
     * The picture as an Adobe CMYK JPEG (APP14 transform 0) or YCCK JPEG (transform 2), with the inverted
     * ink values Photoshop writes, so a correct decoder gets the picture's colours back.
     */
    public static byte[] adobeJpeg(BufferedImage picture, boolean ycck) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = picture.getRGB(x, y);
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                if (ycck) {
                    // YCC of the un-inverted inks (255 - stored), as libjpeg's YCCK expects
                    int cr = 255 - r;
                    int cg = 255 - g;
                    int cb = 255 - b;
                    raster.setPixel(x, y, new int[] {clamp(0.299 * cr + 0.587 * cg + 0.114 * cb),
                            clamp(128 - 0.168736 * cr - 0.331264 * cg + 0.5 * cb), clamp(128 + 0.5 * cr - 0.418688 * cg - 0.081312 * cb), 255});
                } else {
                    raster.setPixel(x, y, new int[] {r, g, b, 255}); // inverted C, M, Y (no black)
                }
            }
        }
        byte[] plain = writeJpeg(new IIOImage(raster, null, null));
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) (ycck ? 2 : 0)};
        return insertAfterStart(plain, adobe);
    }

    /**
     * A JPEG as a camera stores a turned photo: the pixels are the upright {@code picture} turned back
     * so that applying EXIF {@code orientation} 6 (90 degrees clockwise) or 8 shows it upright.
     */
    public static byte[] sidewaysJpeg(BufferedImage picture, int orientation) {
        if (orientation != 6 && orientation != 8) throw new IllegalArgumentException("orientation 6 or 8");
        int w = picture.getWidth();
        int h = picture.getHeight();
        BufferedImage stored = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB); // on its side
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < h; x++) {
                int rgb = orientation == 6 ? picture.getRGB(w - 1 - y, x) : picture.getRGB(y, h - 1 - x);
                stored.setRGB(x, y, rgb);
            }
        }
        return insertAfterStart(TestImages.jpeg(stored, 0.95f), exifApp1(orientation));
    }

    /** An APP1 segment with big-endian TIFF EXIF holding only the orientation tag. */
    static byte[] exifApp1(int orientation) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, // header, IFD0 at 8
                0, 1, // one entry
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // orientation, SHORT, count 1
                0, 0, 0, 0}; // no next IFD
        int length = 2 + 6 + tiff.length;
        byte[] app1 = new byte[2 + length];
        app1[0] = (byte) 0xFF;
        app1[1] = (byte) 0xE1;
        app1[2] = (byte) (length >> 8);
        app1[3] = (byte) length;
        System.arraycopy("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, app1, 4, 6);
        System.arraycopy(tiff, 0, app1, 10, tiff.length);
        return app1;
    }

    private static byte[] insertAfterStart(byte[] jpeg, byte[] segment) {
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    private static byte[] writeJpeg(IIOImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, image, writer.getDefaultWriteParam());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
