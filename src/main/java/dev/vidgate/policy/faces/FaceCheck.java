package dev.vidgate.policy.faces;

import dev.vidgate.common.ApiException;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * The seed's rule "no human faces in input images": refuses a picture in which the {@link FaceDetector} finds a face,
 * with OpenAI's moderation answer (400 {@code moderation_blocked}, naming the image parameter). Switched off, it passes
 * every picture without running the detector.
 */
public final class FaceCheck {
    /** The answer's message: OpenAI's first sentence, then the category (never what the detector saw). */
    public static final String MESSAGE = "Your request was blocked by our moderation system. "
            + "The input image appears to contain a human face, which input images may not show.";

    private final FaceDetector detector;
    private final boolean enabled;

    public FaceCheck(FaceDetector detector, boolean enabled) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.enabled = enabled;
    }

    /** A check that passes everything: for a deployment that switched it off. */
    public static FaceCheck off() {
        return new FaceCheck(picture -> Faces.NONE, false);
    }

    public boolean enabled() {
        return enabled;
    }

    /** Whether the picture shows a face, whether or not the rule is enabled (for policies that decide per model or tenant). */
    public boolean hasFace(BufferedImage picture) {
        return detector.hasFace(picture);
    }

    /**
     * Refuses {@code picture} when the check is enabled and it shows a face.
     *
     * @param param the request field that carried it ({@code input_reference}, ...), named in the answer
     * @throws ApiException 400 {@code moderation_blocked}
     */
    public void requireNoFace(BufferedImage picture, String param) {
        if (enabled && detector.hasFace(picture)) throw blocked(param);
    }

    /** The answer for a picture with a face, sent as {@code param}. */
    public static ApiException blocked(String param) {
        return ApiException.invalid(MESSAGE, param, "moderation_blocked");
    }
}
