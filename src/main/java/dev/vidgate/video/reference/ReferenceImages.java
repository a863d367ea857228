package dev.vidgate.video.reference;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import dev.vidgate.common.ApiException;
import dev.vidgate.media.ExifOrientation;
import dev.vidgate.media.ImageFormat;
import dev.vidgate.video.VideoSize;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Validates a reference image for {@code input_reference}.
 *
 * <p>Order of checks, cheapest and safest first:
 * <ol>
 *   <li>encoded size against {@link ReferenceLimits#maxBytes()} (413);</li>
 *   <li>format from the magic bytes only (labels and names are never trusted);</li>
 *   <li>cheap structural check (PNG chunks up to {@code IEND}, WebP RIFF length) to catch truncation;</li>
 *   <li>the header-declared width and height, read without touching pixel data, against
 *       {@link ReferenceLimits#maxPixels()} and {@link ReferenceLimits#maxSide()} (a decompression bomb is
 *       just an invalid file to the client) and then, turned upright as its EXIF orientation says (see
 *       {@link ExifOrientation}), against the requested size;</li>
 *   <li>a full decode, so corrupt or truncated data is rejected here and not in a worker later. Decoder
 *       warnings (the JDK JPEG reader only warns on "Premature end of JPEG file") count as failures.</li>
 * </ol>
 * Any decoder failure becomes {@code Invalid file format}; nothing here answers 5xx.
 */
public final class ReferenceImages {
    private static final WebPImageReaderSpi WEBP_SPI = new WebPImageReaderSpi();

    private ReferenceImages() {}

    /**
     * Checks {@code bytes} as a reference image for a video of size {@code expected}.
     *
     * @throws ApiException 413 {@code file_too_large}; 400 {@code invalid_file_format} with the seed message
     *     {@code Invalid file format}; 400 {@code invalid_value} with the seed message
     *     {@code Inpaint image must match the requested width and height}
     */
    public static ReferenceImage validate(byte[] bytes, VideoSize expected, ReferenceLimits limits) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(limits, "limits");
        if (bytes == null || bytes.length == 0) throw ReferenceErrors.invalidFormat();
        if (bytes.length > limits.maxBytes()) throw ReferenceErrors.tooLarge(limits.maxBytes());

        ImageFormat format = ImageFormat.detect(bytes).orElseThrow(ReferenceErrors::invalidFormat);
        if (!structurallyComplete(format, bytes)) throw ReferenceErrors.invalidFormat();

        ImageReader reader = newReader(format);
        AtomicBoolean warned = new AtomicBoolean();
        // TwelveMonkeys' WebP bit reader refills 64 bits at a time and hits end of stream on a tiny image whose
        // bitstream ends the file; a few zero bytes past the (already length-checked) RIFF data are never decoded.
        byte[] input = format == ImageFormat.WEBP ? Arrays.copyOf(bytes, bytes.length + 8) : bytes;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(input))) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener(warningFlag(warned));

            // Header only: no pixel buffer exists yet.
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0
                    || width > limits.maxSide() || height > limits.maxSide()
                    || (long) width * height > limits.maxPixels()) {
                throw ReferenceErrors.invalidFormat();
            }
            // the picture is what a photo viewer shows: EXIF may say the stored pixels stand on their side
            boolean turned = ExifOrientation.swapsSides(ExifOrientation.of(bytes));
            int uprightWidth = turned ? height : width;
            int uprightHeight = turned ? width : height;
            if (uprightWidth != expected.width() || uprightHeight != expected.height()) throw ReferenceErrors.sizeMismatch();

            int decodedWidth;
            int decodedHeight;
            if (format == ImageFormat.JPEG && reader.canReadRaster()) {
                // readRaster also accepts CMYK/YCCK JPEGs, which read() refuses although they are valid files.
                Raster raster = reader.readRaster(0, null);
                decodedWidth = raster.getWidth();
                decodedHeight = raster.getHeight();
            } else {
                var image = reader.read(0);
                decodedWidth = image.getWidth();
                decodedHeight = image.getHeight();
            }
            if (warned.get() || decodedWidth != width || decodedHeight != height) throw ReferenceErrors.invalidFormat();
            return new ReferenceImage(format, uprightWidth, uprightHeight, bytes);
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ReferenceErrors.invalidFormat();
        } finally {
            reader.dispose();
        }
    }

    private static IIOReadWarningListener warningFlag(AtomicBoolean warned) {
        return (source, warning) -> warned.set(true);
    }

    private static ImageReader newReader(ImageFormat format) {
        try {
            return switch (format) {
                case WEBP -> WEBP_SPI.createReaderInstance();
                case JPEG -> firstReader("jpeg");
                case PNG -> firstReader("png");
            };
        } catch (IOException e) {
            throw ReferenceErrors.invalidFormat();
        }
    }

    private static ImageReader firstReader(String formatName) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(formatName);
        if (!readers.hasNext()) throw new IllegalStateException("no ImageIO reader for " + formatName);
        return readers.next();
    }

    /** Cheap truncation checks that do not depend on a decoder noticing. */
    static boolean structurallyComplete(ImageFormat format, byte[] b) {
        return switch (format) {
            case PNG -> pngReachesIend(b);
            case WEBP -> webpChunksComplete(b);
            case JPEG -> true; // the decoder's "premature end" warning covers truncation
        };
    }

    /** The RIFF length fits the file and every chunk inside it is complete. */
    private static boolean webpChunksComplete(byte[] b) {
        long riffEnd = 8 + littleEndian32(b, 4);
        if (riffEnd < 12 + 8 || riffEnd > b.length) return false;
        long pos = 12;
        while (pos + 8 <= riffEnd) {
            long size = littleEndian32(b, (int) pos + 4);
            pos += 8 + size + (size & 1);
            if (pos > riffEnd + (size & 1)) return false; // the pad byte of the last chunk may be missing
        }
        return pos >= riffEnd;
    }

    private static long littleEndian32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    /** Walks the PNG chunk list: IHDR first, every chunk complete, an IEND at the end. */
    private static boolean pngReachesIend(byte[] b) {
        int pos = 8;
        boolean first = true;
        while (pos + 12 <= b.length) {
            long length = (b[pos] & 0xFFL) << 24 | (b[pos + 1] & 0xFFL) << 16 | (b[pos + 2] & 0xFFL) << 8 | (b[pos + 3] & 0xFFL);
            String type = new String(b, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (first && !type.equals("IHDR")) return false;
            first = false;
            long next = pos + 12L + length;
            if (length > Integer.MAX_VALUE || next > b.length) return false;
            if (type.equals("IEND")) return true;
            pos = (int) next;
        }
        return false;
    }
}
