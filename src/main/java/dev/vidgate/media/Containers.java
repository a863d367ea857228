package dev.vidgate.media;

import java.nio.charset.StandardCharsets;

/**
 * Cheap structural checks on the container of an encoded image, made before any decoder runs: they catch
 * truncation a decoder might not notice, and WebP headers that contradict each other, which libwebp refuses
 * and TwelveMonkeys' decoder does not look at (issue 18: a {@code VP8X} canvas over a {@code VP8L} chunk of
 * garbage was decoded, slowly, as a picture of the canvas size).
 */
final class Containers {
    private static final int VP8L_SIGNATURE = 0x2F;

    private Containers() {}

    static boolean sound(ImageFormat format, byte[] b) {
        return switch (format) {
            case PNG -> pngReachesIend(b);
            case WEBP -> webpSound(b);
            case JPEG -> true; // the decoder's "premature end" warning covers truncation
        };
    }

    /**
     * What a JPEG's frame header (SOFn) declares: {@code {components, width, height}}, or null if it cannot be
     * found before the image data.
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

    /**
     * The RIFF length fits the file, every chunk inside it is complete, and the image chunk's own header
     * agrees with the {@code VP8X} canvas as libwebp demands: a {@code VP8L} chunk starts with its signature,
     * version 0 and the canvas size; a {@code VP8 } chunk is a key frame of the canvas size. An animation
     * (frames inside {@code ANMF} chunks) is left to the decoder.
     */
    private static boolean webpSound(byte[] b) {
        long riffEnd = 8 + u32(b, 4);
        if (riffEnd < 12 + 8 || riffEnd > b.length) return false;
        long canvasWidth = -1;
        long canvasHeight = -1;
        long pos = 12;
        boolean imageChecked = false;
        while (pos + 8 <= riffEnd) {
            String type = new String(b, (int) pos, 4, StandardCharsets.ISO_8859_1);
            long size = u32(b, (int) pos + 4);
            long data = pos + 8;
            if (data + size > riffEnd) return false;
            if (pos == 12 && type.equals("VP8X")) {
                if (size < 10) return false;
                canvasWidth = 1 + u24(b, (int) data + 4);
                canvasHeight = 1 + u24(b, (int) data + 7);
            } else if (!imageChecked && (type.equals("VP8L") || type.equals("VP8 "))) {
                long[] declared = type.equals("VP8L") ? losslessSize(b, (int) data, size) : lossySize(b, (int) data, size);
                if (declared == null) return false;
                if (canvasWidth >= 0 && (declared[0] != canvasWidth || declared[1] != canvasHeight)) return false;
                imageChecked = true;
            }
            pos = data + size + (size & 1);
            if (pos > riffEnd + (size & 1)) return false; // the pad byte of the last chunk may be missing
        }
        return pos >= riffEnd;
    }

    /** Width and height from a VP8L header (signature, 14 + 14 bits, alpha bit, 3-bit version 0), or null. */
    private static long[] losslessSize(byte[] b, int at, long size) {
        if (size < 5 || (b[at] & 0xFF) != VP8L_SIGNATURE) return null;
        long bits = u32(b, at + 1);
        if ((bits >>> 29) != 0) return null; // version
        return new long[] {1 + (bits & 0x3FFF), 1 + ((bits >>> 14) & 0x3FFF)};
    }

    /** Width and height from a VP8 key frame header (frame tag, start code 9D 01 2A, 14-bit sizes), or null. */
    private static long[] lossySize(byte[] b, int at, long size) {
        if (size < 10 || (b[at] & 1) != 0) return null; // not a key frame
        if ((b[at + 3] & 0xFF) != 0x9D || (b[at + 4] & 0xFF) != 0x01 || (b[at + 5] & 0xFF) != 0x2A) return null;
        long width = ((b[at + 6] & 0xFF) | (b[at + 7] & 0xFF) << 8) & 0x3FFF;
        long height = ((b[at + 8] & 0xFF) | (b[at + 9] & 0xFF) << 8) & 0x3FFF;
        return new long[] {width, height};
    }

    /** Walks the PNG chunk list: IHDR first, every chunk complete, an IEND at the end. */
    private static boolean pngReachesIend(byte[] b) {
        int pos = 8;
        boolean first = true;
        while (pos + 12 <= b.length) {
            long length = (b[pos] & 0xFFL) << 24 | (b[pos + 1] & 0xFFL) << 16 | (b[pos + 2] & 0xFFL) << 8 | (b[pos + 3] & 0xFFL);
            String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (first && !type.equals("IHDR")) return false;
            first = false;
            long next = pos + 12L + length;
            if (length > Integer.MAX_VALUE || next > b.length) return false;
            if (type.equals("IEND")) return true;
            pos = (int) next;
        }
        return false;
    }

    private static long u24(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
