package dev.vidgate.video.footage;

/**
 * The one place an uploaded clip's frames are looked at for content (a face detector, say): called with every clip
 * that passed the format checks, before anything is stored; throws (an {@code ApiException} naming {@code video}) to
 * refuse it.
 */
@FunctionalInterface
public interface FrameCheck {
    void check(Footage footage);

    /** Accepts every clip. */
    FrameCheck NONE = footage -> {};
}
