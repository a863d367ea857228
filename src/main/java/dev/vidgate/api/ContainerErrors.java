package dev.vidgate.api;

import dev.vidgate.common.ApiException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers to requests no route serves: unknown paths and methods, and the HTTP statuses the
 * servlet container sets itself (malformed requests, {@code TRACE}, {@code HTTP/1.2}, unsupported
 * transfer codings), as OpenAI error envelopes. Shared by {@link ErrorRendering}, the error page and
 * the container's error valve, so each case reads the same wherever it is caught.
 *
 * <p>A status the container chose for a client's mistake is answered as a 4xx even where HTTP names a
 * 5xx: the official SDKs retry every 5xx, and the same request would only fail again. A {@code 501}
 * for an unknown method ({@code CONNECT}) becomes 405, one for a transfer coding other than
 * {@code chunked} becomes 400, and {@code 505} (an HTTP version other than 1.0 and 1.1) becomes 400.
 */
public final class ContainerErrors {
    /** What {@code Allow} lists on a 405 the container answers. */
    public static final String ALLOWED_METHODS = "GET, HEAD, POST, DELETE, OPTIONS";

    private static final int MAX_ECHO = 200;

    private ContainerErrors() {}

    /** 404 for a path no route serves, in OpenAI's words. */
    public static ApiException noRoute(String method, String path) {
        return new ApiException(404, "invalid_request_error", "Invalid URL (" + ApiException.echo(method, 20) + " "
                + ApiException.echo(path, MAX_ECHO) + ")", null, "not_found", null);
    }

    public static ApiException methodNotAllowed(String method, String path) {
        return new ApiException(405, "invalid_request_error", "Method " + ApiException.echo(method, 20) + " is not allowed on "
                + ApiException.echo(path, MAX_ECHO), null, "method_not_allowed", null);
    }

    /**
     * The answer to an error status the container set.
     *
     * @param method           the request's method, or null when it could not be read
     * @param path             the request's path, or null when it could not be read
     * @param transferEncoding whether the request named a {@code Transfer-Encoding}
     */
    public static ApiException forStatus(int status, String method, String path, boolean transferEncoding) {
        String where = path == null ? "this server" : ApiException.echo(path, MAX_ECHO);
        return switch (status) {
            case 400 -> invalid(400, "The request is not valid HTTP (the request line, a header, the URL or the body framing is "
                    + "malformed, or the headers are too large).", "invalid_request");
            case 404 -> path == null ? invalid(404, "Invalid URL.", "not_found") : noRoute(method, path);
            case 405 -> method == null ? invalid(405, "This method is not allowed.", "method_not_allowed") : methodNotAllowed(method, where);
            case 408 -> invalid(408, "The request took too long to arrive.", "request_timeout");
            case 413 -> invalid(413, "The request body is too large.", "request_too_large");
            case 417 -> invalid(417, "Only 'Expect: 100-continue' is supported.", "expectation_failed");
            case 501 -> transferEncoding
                    ? invalid(400, "This server does not support the request's Transfer-Encoding; send the body with "
                    + "Content-Length or Transfer-Encoding: chunked.", "unsupported_transfer_encoding")
                    : method == null ? invalid(405, "This method is not allowed.", "method_not_allowed") : methodNotAllowed(method, where);
            case 505 -> invalid(400, "This server speaks HTTP/1.1 (and HTTP/1.0); the request's HTTP version is not supported.",
                    "unsupported_http_version");
            default -> status >= 500
                    ? new ApiException(status, "server_error", "The server had an error while processing your request.", null, null, null)
                    : invalid(status, "The request was rejected (HTTP " + status + ").", null);
        };
    }

    /** The envelope's bytes, as {@link ErrorRendering} writes them. */
    public static byte[] body(ApiException e) {
        return JsonMapper.shared().writeValueAsBytes(new ErrorBody(new ErrorBody.Detail(e.getMessage(), e.type(), e.param(), e.code())));
    }

    private static ApiException invalid(int status, String message, String code) {
        return new ApiException(status, "invalid_request_error", message, null, code, null);
    }
}
