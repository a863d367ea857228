package dev.vidgate.testsupport;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

import static java.nio.charset.StandardCharsets.US_ASCII;

/** Test images made in code: recognisable content (gradient, shapes) of an exact size, and hostile files. */
public final class Images {
    private Images() {}

    public static BufferedImage picture(int width, int height) {
        var img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 60, 160), width, height, new Color(240, 180, 60)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(220, 40, 40));
        g.fillOval(width / 4, height / 4, width / 3, height / 3);
        g.setColor(Color.WHITE);
        g.fillRect(width / 2, height / 2, width / 5, height / 6);
        g.dispose();
        return img;
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpeg");
    }

    /** A tiny PNG whose header declares {@code width x height}: a decompression bomb if anyone decodes it. */
    public static byte[] pngDeclaring(int width, int height) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[]{0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * A 48-byte WebP whose VP8X header declares {@code width x height} over a 10-byte garbage VP8L bitstream:
     * a decoder that trusts the header and decodes the bitstream stalls on it.
     */
    public static byte[] webpDeclaring(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(US_ASCII)).putInt(40).put("WEBP".getBytes(US_ASCII));
        b.put("VP8X".getBytes(US_ASCII)).putInt(10).putInt(0);
        b.put((byte) (width - 1)).put((byte) ((width - 1) >> 8)).put((byte) ((width - 1) >> 16));
        b.put((byte) (height - 1)).put((byte) ((height - 1) >> 8)).put((byte) ((height - 1) >> 16));
        b.put("VP8L".getBytes(US_ASCII)).putInt(10);
        b.put(new byte[]{0x2F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x1F, (byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, 0x00});
        return b.array();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        var crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] encode(BufferedImage img, String format) {
        try {
            var out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) throw new IllegalStateException("no writer for " + format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
