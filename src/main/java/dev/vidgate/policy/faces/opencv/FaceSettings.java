package dev.vidgate.policy.faces.opencv;

/**
 * How {@link OpenCvFaceDetector} searches.
 *
 * @param minFaceSize  the smallest face looked for, in pixels of the picture as uploaded (its side)
 * @param workSide     the longer side the picture is scaled down to before the search
 */
public record FaceSettings(int minFaceSize, int workSide) {
    /** The settings measured on the labelled set (docs/content-policy.md, "Faces"). */
    public static final FaceSettings DEFAULTS = new FaceSettings(40, 640);

    public FaceSettings {
        if (minFaceSize < 1) throw new IllegalArgumentException("minFaceSize must be at least 1 pixel");
        if (workSide < 64) throw new IllegalArgumentException("workSide must be at least 64 pixels");
    }

    public FaceSettings withMinFaceSize(int pixels) {
        return new FaceSettings(pixels, workSide);
    }
}
