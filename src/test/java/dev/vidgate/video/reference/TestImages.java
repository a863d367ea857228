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

    /**
     * A lossless WebP (VP8L) of any size up to 16384x16384, every pixel opaque black. Each of the five prefix
     * codes is a "simple" code with a single symbol, which has length zero, so the pixel data takes no bits at
     * all: a handful of bytes declare the whole image (also a perfect decompression bomb).
     */
    static byte[] losslessWebp(int width, int height) {
        var bits = new BitWriter();
        bits.write(0x2F, 8);             // VP8L signature
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(0, 1);                // alpha_is_used
        bits.write(0, 3);                // version
        bits.write(0, 1);                // no transform
        bits.write(0, 1);                // no color cache
        bits.write(0, 1);                // no meta prefix codes
        simpleCode(bits, 0);             // green: literal 0
        simpleCode(bits, 0);             // red
        simpleCode(bits, 0);             // blue
        simpleCode(bits, 255);           // alpha
        simpleCode(bits, 0);             // distance
        // As short as it can be: TwelveMonkeys' bit reader reads 64 bits ahead, which ReferenceImages allows for.
        byte[] vp8l = bits.toByteArray();
        int padded = vp8l.length + (vp8l.length & 1);
        ByteBuffer riff = ByteBuffer.allocate(12 + 8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + 8 + padded).put("WEBP".getBytes(StandardCharsets.US_ASCII));
        riff.put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(vp8l.length).put(vp8l);
        return riff.array();
    }

    private static void simpleCode(BitWriter bits, int symbol) {
        bits.write(1, 1);                // simple code
        bits.write(0, 1);                // one symbol
        if (symbol < 2) {
            bits.write(0, 1);            // 1-bit symbol
            bits.write(symbol, 1);
        } else {
            bits.write(1, 1);            // 8-bit symbol
            bits.write(symbol, 8);
        }
    }

    /** Least-significant-bit-first bit packing, as VP8L uses. */
    private static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        void write(int value, int count) {
            for (int i = 0; i < count; i++) {
                current |= ((value >>> i) & 1) << used;
                if (++used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
        }

        byte[] toByteArray() {
            if (used > 0) {
                out.write(current);
                current = 0;
                used = 0;
            }
            return out.toByteArray();
        }
    }
}
