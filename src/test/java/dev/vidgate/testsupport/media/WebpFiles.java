package dev.vidgate.testsupport.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Test-data builder: WebP files put together bit by bit, for what an encoder never writes: lossless
 * images whose pixels take no bits at all, and the 48-byte file of issue 18 (a canvas header followed by
 * garbage) that once cost seconds of CPU to refuse.
 */
public final class WebpFiles {
    private WebpFiles() {}

    /**
     * Issue 18's 48 bytes: {@code RIFF(...WEBPVP8X} declaring a {@code width x height} canvas, then a
     * {@code VP8L} chunk of 10 bytes that are not a lossless bitstream ({@code 2F 41 42 ...}: the right
     * signature byte, then letters).
     */
    public static byte[] canvasWithGarbage(int width, int height) {
        byte[] garbage = {0x2F, 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'};
        ByteBuffer riff = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        riff.put(ascii("RIFF")).putInt(40).put(ascii("WEBP"));
        riff.put(ascii("VP8X")).putInt(10).putInt(0); // no flags
        put24(riff, width - 1);
        put24(riff, height - 1);
        riff.put(ascii("VP8L")).putInt(garbage.length).put(garbage);
        return riff.array();
    }

    private static void put24(ByteBuffer b, int v) {
        b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A lossless WebP (VP8L) of any size up to 16384x16384, every pixel opaque black. Each of the five prefix
     * codes is a "simple" code with a single symbol, which has length zero, so the pixel data takes no bits at
     * all: a handful of bytes declare the whole image (also a perfect decompression bomb).
     */
    public static byte[] losslessWebp(int width, int height) {
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
        // As short as it can be: TwelveMonkeys' bit reader reads 64 bits ahead, which the decoder allows for.
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
