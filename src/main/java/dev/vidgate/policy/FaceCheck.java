package dev.vidgate.policy;

/**
 * Whether an input image shows a human face: the face detector's port, which the policy calls for every image of a
 * {@code strict} request. Wired in {@code app/}; {@link #NONE} until a detector is plugged in.
 */
@FunctionalInterface
public interface FaceCheck {

    boolean showsFace(byte[] image);

    FaceCheck NONE = image -> false;
}
