package dev.vidgate.video.reference;

import dev.vidgate.catalog.VideoSize;
import dev.vidgate.common.ApiException;
import dev.vidgate.media.BoundedImageWork;
import dev.vidgate.media.EncodedImage;
import dev.vidgate.media.UnreadableImageException;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Validates a reference image for {@code input_reference}, with the same decoder the renderer uses
 * ({@link EncodedImage}), so that whatever is accepted here a worker can decode.
 *
 * <p>Order of checks, cheapest and safest first:
 * <ol>
 *   <li>encoded size against {@link ReferenceLimits#maxBytes()} (413);</li>
 *   <li>{@link EncodedImage#open}: format from the magic bytes only (labels and names are never trusted),
 *       cheap structural checks (PNG chunks up to {@code IEND}, WebP chunks complete and their headers in
 *       agreement), the header-declared width and height against {@link ReferenceLimits#maxPixels()} and
 *       {@link ReferenceLimits#maxSide()} (a decompression bomb is just an invalid file to the client);</li>
 *   <li>the picture's size upright, as its EXIF orientation says, against the requested size;</li>
 *   <li>a full decode, so corrupt or truncated data is rejected here and not in a worker later.</li>
 * </ol>
 * Any decoder failure becomes {@code Invalid file format}; nothing here answers 5xx. An instance runs the
 * checks off the request thread with a time limit ({@link BoundedImageWork}); over it, the answer is
 * {@code Invalid file format} too. A {@link ReferenceScreen} given with the call (the content policy's face check for
 * the request's tenant and model) then looks at the decoded picture, on the pool with its own time limit; over it, the answer is a 503 to retry, never a verdict on the picture.
 */
public final class ReferenceImages {
    /** The seed's message for a reference whose pixels differ from the video's size. */
    public static final String SIZE_MISMATCH = "Inpaint image must match the requested width and height";

    private final ReferenceLimits limits;
    private final BoundedImageWork work;

    /** Checks within {@code limits}, each on {@code work}'s pool and within its time limit. */
    public ReferenceImages(ReferenceLimits limits, BoundedImageWork work) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** {@link #validate(byte[], int, int, ReferenceLimits)} on the pool, within the time limit. */
    public ReferenceImage check(byte[] bytes, int width, int height) {
        return check(bytes, width, height, ReferenceScreen.NONE);
    }

    /**
     * {@link #validate(byte[], int, int, ReferenceLimits)} on the pool, within the time limit, then {@code screen} on the
     * decoded picture (the same decode), on the pool within its own time limit.
     */
    public ReferenceImage check(byte[] bytes, int width, int height, ReferenceScreen screen) {
        Objects.requireNonNull(screen, "screen");
        checkLength(bytes, limits); // before taking a place on the pool
        Decoded decoded;
        try {
            decoded = work.call(() -> decode(bytes, width, height, limits));
        } catch (UnreadableImageException e) {
            throw ReferenceErrors.invalidFormat();
        }
        if (screen != ReferenceScreen.NONE) work.screen("image", () -> screen.check(decoded.picture()));
        return decoded.image();
    }

    private record Decoded(ReferenceImage image, BufferedImage picture) {}

    /**
     * The picture's size upright (as its EXIF orientation shows it), from its header alone, on the pool: what size a
     * request without one takes from its reference. {@code Invalid file format} when the bytes are not an image.
     */
    public VideoSize pixels(byte[] bytes) {
        checkLength(bytes, limits);
        try {
            return work.call(() -> {
                EncodedImage image = EncodedImage.open(bytes, limits.maxPixels(), limits.maxSide());
                return new VideoSize(image.width(), image.height());
            });
        } catch (UnreadableImageException e) {
            throw ReferenceErrors.invalidFormat();
        }
    }

    /**
     * Checks {@code bytes} as a reference image for a video of {@code width} x {@code height} pixels, on the calling thread.
     *
     * @throws dev.vidgate.common.ApiException 413 {@code file_too_large}; 400 {@code invalid_file_format} with the
     *     seed message {@code Invalid file format}; 400 {@code invalid_value} with the seed message
     *     {@code Inpaint image must match the requested width and height}
     */
    public static ReferenceImage validate(byte[] bytes, int width, int height, ReferenceLimits limits) {
        return decode(bytes, width, height, limits).image();
    }

    private static Decoded decode(byte[] bytes, int width, int height, ReferenceLimits limits) {
        Objects.requireNonNull(limits, "limits");
        checkLength(bytes, limits);
        try {
            EncodedImage image = EncodedImage.open(bytes, limits.maxPixels(), limits.maxSide());
            if (image.width() != width || image.height() != height) throw ReferenceErrors.sizeMismatch();
            BufferedImage picture = image.decode();
            return new Decoded(new ReferenceImage(image.format(), image.width(), image.height(), bytes), picture);
        } catch (UnreadableImageException e) {
            throw ReferenceErrors.invalidFormat();
        }
    }

    /**
     * Runs {@code check} on an image sent as {@code param} (such as {@code last_frame}) instead of {@code input_reference}:
     * the same checks and messages, naming {@code param}.
     */
    public static <T> T named(String param, Supplier<T> check) {
        try {
            return check.get();
        } catch (ApiException e) {
            if (!ReferenceErrors.PARAM.equals(e.param())) throw e;
            throw new ApiException(e.status(), e.type(), e.getMessage().replace(ReferenceErrors.PARAM, param), param, e.code(),
                    e.retryAfterSeconds());
        }
    }

    private static void checkLength(byte[] bytes, ReferenceLimits limits) {
        if (bytes == null || bytes.length == 0) throw ReferenceErrors.invalidFormat();
        if (bytes.length > limits.maxBytes()) throw ReferenceErrors.tooLarge(limits.maxBytes());
    }
}
