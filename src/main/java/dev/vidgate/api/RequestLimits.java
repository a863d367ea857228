package dev.vidgate.api;

/** Body size limits of the API; the multipart ones are also set on the servlet container by {@code app}. */
public final class RequestLimits {
    /** One uploaded file (the reference image). */
    public static final long MAX_FILE_BYTES = 25L * 1024 * 1024;
    /** A whole multipart body. */
    public static final long MAX_MULTIPART_BYTES = 30L * 1024 * 1024;
    /** A whole JSON body (room for a base64 data URL of the largest image). */
    public static final long MAX_JSON_BYTES = 36L * 1024 * 1024;

    private RequestLimits() {}

    static String describe(long bytes) {
        return (bytes / (1024 * 1024)) + " MiB";
    }
}
