package dev.vidgate.video.reference;

import dev.vidgate.media.ImageFormat;
import java.util.Objects;

/**
 * A reference image that passed {@link ReferenceImages#validate}: its format (from magic bytes), its upright
 * pixel size (equal to the requested video size; see {@link dev.vidgate.media.EncodedImage#width()}) and the original bytes, unchanged.
 */
public record ReferenceImage(ImageFormat format, int width, int height, byte[] bytes) {
    public ReferenceImage {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public String toString() {
        return "ReferenceImage[" + format + " " + width + "x" + height + ", " + bytes.length + " bytes]";
    }
}
