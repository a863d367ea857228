package dev.vidgate.policy.faces;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * The face check on input images as configured: the {@link FaceDetector} and whether the deployment switched it on.
 * {@code app/} adapts an enabled check to the content policy's face port, which decides per level, refuses with
 * OpenAI's moderation answer and audits; switched off, the policy has no face check at all.
 */
public final class FaceCheck {
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
}
