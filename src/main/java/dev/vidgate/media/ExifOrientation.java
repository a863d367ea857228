package dev.vidgate.media;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

/**
 * The EXIF orientation of a reference image (how a camera says its pixels must be turned to stand
 * upright), read from a JPEG's APP1 segment, a PNG's {@code eXIf} chunk or a WebP's {@code EXIF} chunk.
 *
 * <p>Vidgate treats a reference as the upright picture a photo viewer shows: a 720x1280 photo stored
 * sideways with orientation 6 is a 1280x720 picture, so it matches {@code size=1280x720} (and not
 * {@code 720x1280}), and the renderer turns it before frame 0. Damaged or missing EXIF means "as stored".
 */
final class ExifOrientation {
    /** As stored. */
    static final int NORMAL = 1;
    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_SHORT = 3;

    private ExifOrientation() {}

    /** The orientation (1..8) of an encoded image, {@link #NORMAL} when it has none or it cannot be read. */
    static int of(byte[] bytes) {
        try {
            return ImageFormat.detect(bytes).map(format -> switch (format) {
                case JPEG -> fromJpeg(bytes);
                case PNG -> fromPng(bytes);
                case WEBP -> fromWebp(bytes);
            }).orElse(NORMAL);
        } catch (RuntimeException e) {
            return NORMAL; // damaged metadata: the pixels are used as stored
        }
    }

    /** Whether the orientation turns the picture a quarter (its width and height swap). */
    static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** The picture turned and flipped to stand upright (a new TYPE_INT_RGB image, or {@code image} itself for 1). */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= NORMAL || orientation > 8) return image;
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = swapsSides(orientation);
        int dw = swap ? h : w;
        int dh = swap ? w : h;
        int[] src = image.getRGB(0, 0, w, h, null, 0, w);
        int[] out = new int[dw * dh];
        for (int dy = 0; dy < dh; dy++) {
            for (int dx = 0; dx < dw; dx++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - dx; sy = dy; }
                    case 3 -> { sx = w - 1 - dx; sy = h - 1 - dy; }
                    case 4 -> { sx = dx; sy = h - 1 - dy; }
                    case 5 -> { sx = dy; sy = dx; }
                    case 6 -> { sx = dy; sy = h - 1 - dx; }
                    case 7 -> { sx = w - 1 - dy; sy = h - 1 - dx; }
                    default -> { sx = w - 1 - dy; sy = dx; } // 8
                }
                out[dy * dw + dx] = src[sy * w + sx];
            }
        }
        BufferedImage turned = new BufferedImage(dw, dh, BufferedImage.TYPE_INT_RGB);
        turned.setRGB(0, 0, dw, dh, out, 0, dw);
        return turned;
    }

    /** Walks the JPEG markers before the image data for an APP1 segment that starts with "Exif\0\0". */
    private static int fromJpeg(byte[] b) {
        int pos = 2;
        while (pos + 4 <= b.length && (b[pos] & 0xFF) == 0xFF) {
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) break; // image data or end: no more metadata
            int length = u16(b, pos + 2, true);
            if (marker == 0xE1 && length >= 8 && startsWith(b, pos + 4, "Exif\0\0")) return fromTiff(b, pos + 10, pos + 2 + length);
            pos += 2 + length;
        }
        return NORMAL;
    }

    private static int fromPng(byte[] b) {
        int pos = 8;
        while (pos + 12 <= b.length) {
            long length = u32(b, pos, true);
            String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (length > b.length - pos - 12) break;
            if (type.equals("eXIf")) return fromTiff(b, pos + 8, pos + 8 + (int) length);
            if (type.equals("IDAT") || type.equals("IEND")) break;
            pos += 12 + (int) length;
        }
        return NORMAL;
    }

    private static int fromWebp(byte[] b) {
        int pos = 12;
        while (pos + 8 <= b.length) {
            String type = new String(b, pos, 4, StandardCharsets.ISO_8859_1);
            long size = u32(b, pos + 4, false);
            if (size > b.length - pos - 8) break;
            if (type.equals("EXIF")) {
                int start = pos + 8;
                if (startsWith(b, start, "Exif\0\0")) start += 6;
                return fromTiff(b, start, pos + 8 + (int) size);
            }
            pos += 8 + (int) size + (int) (size & 1);
        }
        return NORMAL;
    }

    /** Reads the orientation tag from the first directory (IFD0) of TIFF-structured EXIF data. */
    private static int fromTiff(byte[] b, int start, int end) {
        if (end > b.length || start + 8 > end) return NORMAL;
        boolean big;
        if (b[start] == 'M' && b[start + 1] == 'M') big = true;
        else if (b[start] == 'I' && b[start + 1] == 'I') big = false;
        else return NORMAL;
        if (u16(b, start + 2, big) != 42) return NORMAL;
        long ifd = start + u32(b, start + 4, big);
        if (ifd + 2 > end) return NORMAL;
        int entries = u16(b, (int) ifd, big);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + 12 * i;
            if (entry + 12 > end) break;
            if (u16(b, entry, big) != TAG_ORIENTATION) continue;
            if (u16(b, entry + 2, big) != TYPE_SHORT) return NORMAL;
            int value = u16(b, entry + 8, big);
            return value >= 1 && value <= 8 ? value : NORMAL;
        }
        return NORMAL;
    }

    private static boolean startsWith(byte[] b, int at, String text) {
        if (at + text.length() > b.length) return false;
        for (int i = 0; i < text.length(); i++) if (b[at + i] != (byte) text.charAt(i)) return false;
        return true;
    }

    private static int u16(byte[] b, int at, boolean big) {
        int a = b[at] & 0xFF;
        int c = b[at + 1] & 0xFF;
        return big ? (a << 8) | c : (c << 8) | a;
    }

    private static long u32(byte[] b, int at, boolean big) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int k = big ? i : 3 - i;
            v = (v << 8) | (b[at + k] & 0xFF);
        }
        return v;
    }
}
