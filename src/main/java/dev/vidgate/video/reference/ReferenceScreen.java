package dev.vidgate.video.reference;

import java.awt.image.BufferedImage;

/**
 * A content rule on a reference image's pixels (the content policy's face check, bound to one request's tenant, model
 * and field), run once the picture decoded: it refuses the picture by throwing the client's answer
 * ({@link dev.vidgate.common.ApiException}), or returns.
 */
@FunctionalInterface
public interface ReferenceScreen {
    /** Accepts every picture. */
    ReferenceScreen NONE = picture -> {};

    /** Refuses {@code picture} (upright, {@code TYPE_INT_RGB}) by throwing; else returns. */
    void check(BufferedImage picture);
}
