package dev.vidgate.policy;

import java.awt.image.BufferedImage;

/**
 * Whether a decoded input image shows a human face: the face detector's port, which the policy calls only for a request
 * whose level covers {@link Category#FACES} ({@code strict}). It takes the picture the reference checks already decoded
 * (upright, {@code TYPE_INT_RGB}), so no image is decoded twice. Wired in {@code app/}; {@link #NONE} when the detector
 * is switched off.
 */
@FunctionalInterface
public interface FaceCheck {

    boolean showsFace(BufferedImage picture);

    FaceCheck NONE = picture -> false;
}
