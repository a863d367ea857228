package dev.vidgate.media;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one decoder of JPEG, PNG and WebP pictures, used by the API's reference check and by the renderer
 * alike, so that what one accepts the other can decode.
 *
 * <p>{@link #open} is cheap and touches no pixel data: the format from the magic bytes, the container's
 * structure (see {@link Containers}), the header's width and height against the limits, the EXIF orientation.
 * {@link #decode} then decodes the pixels: JPEG and PNG with the JDK's readers, WebP with TwelveMonkeys',
 * CMYK and YCCK JPEGs (which the JDK reads in wrong colours) with FFmpeg. Decoder warnings (the JDK JPEG
 * reader only warns on "Premature end of JPEG file") count as failures. Every read checks the thread's
 * interrupt flag, so a decode given a time limit ({@link BoundedImageWork}) stops when it is cancelled.
 */
public final class EncodedImage {
    private static final WebPImageReaderSpi WEBP_READERS = new WebPImageReaderSpi();

    private final byte[] bytes;
    private final ImageFormat format;
    private final int storedWidth;
    private final int storedHeight;
    private final int orientation;

    private EncodedImage(byte[] bytes, ImageFormat format, int storedWidth, int storedHeight, int orientation) {
        this.bytes = bytes;
        this.format = format;
        this.storedWidth = storedWidth;
        this.storedHeight = storedHeight;
        this.orientation = orientation;
    }

    /**
     * Reads what {@code bytes} declare, without decoding pixels.
     *
     * @param maxPixels largest accepted {@code width * height} as the header declares it
     * @param maxSide   largest accepted width or height
     * @throws UnreadableImageException when the bytes are empty, not one of the three formats, structurally
     *     broken, or declare a picture over the limits
     */
    public static EncodedImage open(byte[] bytes, long maxPixels, int maxSide) {
        if (bytes == null || bytes.length == 0) throw new UnreadableImageException("is empty");
        ImageFormat format = ImageFormat.detect(bytes)
                .orElseThrow(() -> new UnreadableImageException("is not a JPEG, PNG or WebP image"));
        if (!Containers.sound(format, bytes)) throw new UnreadableImageException("could not be decoded");
        int[] size = withReader(format, bytes, (reader, warned) -> new int[] {reader.getWidth(0), reader.getHeight(0)});
        if (size[0] <= 0 || size[1] <= 0 || size[0] > maxSide || size[1] > maxSide || (long) size[0] * size[1] > maxPixels) {
            throw new UnreadableImageException("is too large to decode");
        }
        return new EncodedImage(bytes, format, size[0], size[1], ExifOrientation.of(bytes));
    }

    public ImageFormat format() {
        return format;
    }

    /** The width of the picture upright, as a photo viewer shows it (EXIF may say the pixels lie on their side). */
    public int width() {
        return ExifOrientation.swapsSides(orientation) ? storedHeight : storedWidth;
    }

    /** The height of the picture upright. */
    public int height() {
        return ExifOrientation.swapsSides(orientation) ? storedWidth : storedHeight;
    }

    /**
     * Decodes every pixel: an opaque {@code TYPE_INT_RGB} picture of {@link #width()} x {@link #height()},
     * upright, transparency laid over black.
     *
     * @throws UnreadableImageException when the data is corrupt or truncated, or the thread was interrupted
     */
    public BufferedImage decode() {
        BufferedImage stored = isFourChannelJpeg() ? readFourChannelJpeg() : withReader(format, bytes, (reader, warned) -> {
            BufferedImage image = reader.read(0);
            return warned.get() ? null : image;
        });
        if (stored == null || stored.getWidth() != storedWidth || stored.getHeight() != storedHeight) {
            throw new UnreadableImageException("could not be decoded");
        }
        return ExifOrientation.upright(RgbImages.toRgb(stored), orientation);
    }

    private boolean isFourChannelJpeg() {
        if (format != ImageFormat.JPEG) return false;
        int[] frame = Containers.jpegFrameHeader(bytes);
        return frame != null && frame[0] == 4;
    }

    /**
     * A CMYK or YCCK (Adobe) JPEG: the JDK's reader checks the data is complete (its raster needs no colour
     * conversion), FFmpeg, which knows Adobe's inverted ink values, gives the colours.
     */
    private BufferedImage readFourChannelJpeg() {
        boolean complete = withReader(format, bytes, (reader, warned) -> reader.readRaster(0, null) != null && !warned.get());
        if (!complete) return null;
        FfmpegSupport.init();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(ImageInput.stream(bytes), 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.setFormat("jpeg_pipe");
            grabber.start();
            Frame frame = grabber.grabImage();
            return frame == null ? null : RgbImages.toRgb(converter.convert(frame));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableImageException("could not be decoded", e);
        }
    }

    @FunctionalInterface
    private interface ReaderWork<T> {
        T apply(ImageReader reader, AtomicBoolean warned) throws IOException;
    }

    /** Runs {@code work} with a fresh reader for {@code format} on the guarded input; any failure is "could not be decoded". */
    private static <T> T withReader(ImageFormat format, byte[] bytes, ReaderWork<T> work) {
        ImageReader reader = newReader(format);
        AtomicBoolean warned = new AtomicBoolean();
        try (ImageInput in = new ImageInput(bytes, format == ImageFormat.WEBP ? ImageInput.WEBP_PADDING : 0)) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warned.set(true));
            return work.apply(reader, warned);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableImageException("could not be decoded", e);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader newReader(ImageFormat format) {
        try {
            return switch (format) {
                case WEBP -> WEBP_READERS.createReaderInstance();
                case JPEG -> firstReader("jpeg");
                case PNG -> firstReader("png");
            };
        } catch (IOException e) {
            throw new IllegalStateException("no WebP reader", e);
        }
    }

    private static ImageReader firstReader(String formatName) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(formatName);
        if (!readers.hasNext()) throw new IllegalStateException("no ImageIO reader for " + formatName);
        return readers.next();
    }
}
