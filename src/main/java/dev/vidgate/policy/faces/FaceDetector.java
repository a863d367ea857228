package dev.vidgate.policy.faces;

import java.awt.image.BufferedImage;

/**
 * Finds human faces in a decoded picture (an upright {@code TYPE_INT_RGB} image, as {@code media/EncodedImage} decodes
 * it). Implementations are thread-safe and never keep the picture.
 */
public interface FaceDetector {
    /** The faces found in {@code picture}, in its pixel coordinates; none for a picture without a face. */
    Faces detect(BufferedImage picture);

    /** Whether {@code picture} shows at least one human face. */
    default boolean hasFace(BufferedImage picture) {
        return !detect(picture).isEmpty();
    }
}
