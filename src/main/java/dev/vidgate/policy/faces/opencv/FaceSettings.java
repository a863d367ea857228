package dev.vidgate.policy.faces.opencv;

/**
 * How {@link OpenCvFaceDetector} searches.
 *
 * @param minFaceSize  the smallest face looked for, in pixels of the picture as uploaded (its side)
 * @param workSide     the longer side the picture is scaled down to before the search
 * @param scaleFactor  how much larger each scale of the search window is than the one before (more is faster, coarser)
 */
public record FaceSettings(int minFaceSize, int workSide, double scaleFactor) {
    /** The settings measured on the labelled set (docs/content-policy.md, "Faces"). */
    public static final FaceSettings DEFAULTS = new FaceSettings(40, 400, 1.1);

    public FaceSettings {
        if (minFaceSize < 1) throw new IllegalArgumentException("minFaceSize must be at least 1 pixel");
        if (workSide < 64) throw new IllegalArgumentException("workSide must be at least 64 pixels");
        if (!(scaleFactor > 1.0 && scaleFactor <= 2.0)) throw new IllegalArgumentException("scaleFactor must be over 1 and at most 2");
    }

    public FaceSettings withMinFaceSize(int pixels) {
        return new FaceSettings(pixels, workSide, scaleFactor);
    }
}
