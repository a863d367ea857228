package dev.vidgate.video.footage;

import dev.vidgate.common.ApiException;

/** The client-facing errors of uploaded footage, all naming the {@code video} parameter. */
final class FootageErrors {
    static final String PARAM = "video";

    private FootageErrors() {}

    static ApiException invalidFormat(String why) {
        return ApiException.invalid("Invalid file format: video must be an MP4 or QuickTime (MOV) file; " + why + ".", PARAM,
                "invalid_file_format");
    }

    static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "invalid_request_error", "video is larger than the " + (maxBytes / (1024 * 1024))
                + " MiB limit", PARAM, "file_too_large", null);
    }

    static ApiException tooLong(double seconds, double max) {
        return ApiException.invalid(String.format(java.util.Locale.ROOT, "The video is %.1f seconds long; at most %.0f seconds are accepted.",
                seconds, max), PARAM, "invalid_value");
    }

    static ApiException tooBig(int width, int height, int maxSide) {
        return ApiException.invalid("The video is " + width + "x" + height + "; its sides may be at most " + maxSide + " pixels.",
                PARAM, "invalid_value");
    }
}
