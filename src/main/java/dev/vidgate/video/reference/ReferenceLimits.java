package dev.vidgate.video.reference;

/**
 * Bounds applied to a reference image before it is decoded.
 *
 * @param maxBytes  largest accepted encoded size in bytes (a larger upload answers 413)
 * @param maxPixels largest accepted header-declared {@code width * height}
 * @param maxSide   largest accepted header-declared width or height
 */
public record ReferenceLimits(long maxBytes, long maxPixels, int maxSide) {
    public static final long DEFAULT_MAX_BYTES = 25L * 1024 * 1024;
    public static final long DEFAULT_MAX_PIXELS = 4096L * 4096;
    public static final int DEFAULT_MAX_SIDE = 8192;

    /** 25 MiB, 4096*4096 pixels, 8192 pixels a side. */
    public static final ReferenceLimits DEFAULTS = new ReferenceLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, DEFAULT_MAX_SIDE);

    public ReferenceLimits {
        if (maxBytes <= 0 || maxPixels <= 0 || maxSide <= 0) {
            throw new IllegalArgumentException("reference limits must be positive");
        }
    }
}
