package dev.vidgate.engine.builtin;

/**
 * The request cannot be rendered because of its own content (for example an undecodable reference
 * image). Starting the same request again would fail the same way, so it is reported as a permanent
 * failure. The message is safe to show to the API client.
 */
final class BadInputException extends RuntimeException {
    BadInputException(String message) {
        super(message);
    }

    BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
