package dev.vidgate.video.footage;

/**
 * What an uploaded clip may be.
 *
 * @param maxBytes   the encoded size
 * @param maxSeconds the length as played
 * @param maxSide    the longer side in pixels
 */
public record FootageLimits(long maxBytes, double maxSeconds, int maxSide) {
    /** 25 MiB (the API's per-file limit), 60 seconds, 1920 pixels: every size the Sora models make. */
    public static final FootageLimits DEFAULTS = new FootageLimits(25L * 1024 * 1024, 60, 1920);

    public FootageLimits {
        if (maxBytes < 1 || maxSeconds <= 0 || maxSide < 2) throw new IllegalArgumentException("footage limits must be positive");
    }
}
