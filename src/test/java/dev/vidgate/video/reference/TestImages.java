package dev.vidgate.video.reference;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Builds test images in code. */
final class TestImages {
    private TestImages() {}

    static byte[] png(int width, int height) {
        return write(noisy(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    /** A noisy JPEG, so its entropy-coded data is large and a cut lands inside it. */
    static byte[] jpeg(int width, int height) {
        return write(noisy(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    static byte[] gif(int width, int height) {
        return write(noisy(width, height, BufferedImage.TYPE_INT_RGB), "gif");
    }

    private static BufferedImage noisy(int width, int height, int type) {
        var image = new BufferedImage(width, height, type);
        var random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, new Color(random.nextInt(256), (x * 7) & 0xFF, (y * 3) & 0xFF).getRGB());
            }
        }
        return image;
    }

    private static byte[] write(BufferedImage image, String format) {
        try {
            var out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) throw new IllegalStateException("no writer for " + format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PNG built by hand: a valid IHDR declaring {@code width x height} (8-bit RGB), one IDAT holding
     * {@code idatPayload} as is, and IEND. With a tiny payload this is the classic decompression-bomb shape.
     */
    static byte[] handMadePng(int width, int height, byte[] idatPayload) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).order(ByteOrder.BIG_ENDIAN);
        ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", idatPayload);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A zlib stream of {@code rawBytes} zero bytes: a few hundred bytes that inflate to a lot. */
    static byte[] zlibZeros(int rawBytes) {
        var deflater = new Deflater(9);
        deflater.setInput(new byte[rawBytes]);
        deflater.finish();
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
        deflater.end();
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** See {@link dev.vidgate.testsupport.media.WebpFiles#losslessWebp}. */
    static byte[] losslessWebp(int width, int height) {
        return dev.vidgate.testsupport.media.WebpFiles.losslessWebp(width, height);
    }
}
