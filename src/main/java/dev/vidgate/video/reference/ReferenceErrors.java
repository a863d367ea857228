package dev.vidgate.video.reference;

import dev.vidgate.common.ApiException;

/** The client-facing errors of this package, in one place so their wording stays consistent. */
final class ReferenceErrors {
    static final String PARAM = "input_reference";

    private ReferenceErrors() {}

    /** The seed message for anything that is not a sound JPEG, PNG or WebP (bombs included). */
    static ApiException invalidFormat() {
        return ApiException.invalid("Invalid file format", PARAM, "invalid_file_format");
    }

    /** The seed message for a reference whose pixels differ from the requested size. */
    static ApiException sizeMismatch() {
        return ApiException.invalid(ReferenceImages.SIZE_MISMATCH, PARAM, "invalid_value");
    }

    static ApiException malformedUrl() {
        return ApiException.invalid(
                "input_reference.image_url must be a data URL (data:image/png;base64,...) or an https URL", PARAM, "invalid_value");
    }

    /** 413 naming the limit, e.g. {@code input_reference is larger than the 25 MiB limit}. */
    static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "invalid_request_error",
                "input_reference is larger than the " + humanBytes(maxBytes) + " limit", PARAM, "file_too_large", null);
    }

    static ApiException remote(String message) {
        return ApiException.invalid(message, PARAM, "invalid_value");
    }

    static String humanBytes(long n) {
        if (n >= 1024L * 1024 && n % (1024L * 1024) == 0) return (n / (1024L * 1024)) + " MiB";
        if (n >= 1024 && n % 1024 == 0) return (n / 1024) + " KiB";
        return n + (n == 1 ? " byte" : " bytes");
    }
}
