package dev.vidgate.common;

/**
 * A request that cannot be served as asked: a permanent condition the client must change. Carries
 * exactly what the OpenAI error envelope shows; rendered to HTTP in one place ({@code api.ErrorRendering}).
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final String param;
    private final String code;
    private final Long retryAfterSeconds;

    public ApiException(int status, String type, String message, String param, String code, Long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 400 {@code invalid_request_error}. */
    public static ApiException invalid(String message, String param, String code) {
        return new ApiException(400, "invalid_request_error", message, param, code, null);
    }

    /** 404 {@code invalid_request_error}, code {@code not_found}... or a given code. */
    public static ApiException notFound(String message, String param) {
        return new ApiException(404, "invalid_request_error", message, param, "not_found", null);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "invalid_request_error", message, null, "invalid_api_key", null);
    }

    public static ApiException tooLarge(String message, String param) {
        return new ApiException(413, "invalid_request_error", message, param, "request_too_large", null);
    }

    /** Echoes user input in a message only in a bounded, printable form. */
    public static String echo(String input, int max) {
        if (input == null) return "";
        String printable = input.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= max ? printable : printable.substring(0, max) + "...";
    }

    public int status() { return status; }

    public String type() { return type; }

    public String param() { return param; }

    public String code() { return code; }

    /** Seconds for a {@code retry-after} header, or null. */
    public Long retryAfterSeconds() { return retryAfterSeconds; }
}
