package dev.vidgate.engine.builtin;

import dev.vidgate.media.EncodedImage;
import dev.vidgate.media.RgbImages;
import dev.vidgate.media.UnreadableImageException;

import java.awt.image.BufferedImage;

/**
 * Decodes the reference image of an image-to-video request (JPEG, PNG or WebP) into exact
 * {@code 0x00RRGGBB} pixels of the output size, upright as its EXIF orientation says, with the decoder the
 * API checked it with ({@link EncodedImage}: transparency laid over black, grey and 16-bit images keep their
 * levels, CMYK and YCCK JPEGs decoded by FFmpeg). Bad bytes become {@link BadInputException}.
 */
final class ReferenceImage {
    /** Refuse to decode images whose header claims more pixels than this (decompression bombs). */
    private static final long MAX_PIXELS = 64L * 1024 * 1024;

    private ReferenceImage() {}

    /**
     * The reference as packed pixels of exactly {@code width x height}. An image of another size is
     * scaled to cover the frame and centre-cropped (the API promises matching sizes; this is leniency).
     */
    static int[] decode(byte[] bytes, int width, int height) {
        BufferedImage image = picture(bytes);
        if (image.getWidth() != width || image.getHeight() != height) {
            image = RgbImages.toRgb(ImageScaler.cover(image, width, height));
        }
        return image.getRGB(0, 0, width, height, null, 0, width);
    }

    /** The reference decoded, upright, at its own size (TYPE_INT_RGB). */
    static BufferedImage picture(byte[] bytes) {
        try {
            return EncodedImage.open(bytes, MAX_PIXELS, Integer.MAX_VALUE).decode();
        } catch (UnreadableImageException e) {
            throw new BadInputException("the reference image " + e.reason(), e);
        }
    }
}
