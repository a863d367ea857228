package dev.vidgate.api;

import dev.vidgate.common.ApiException;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/** How a request body is encoded, from its Content-Type; no Content-Type at all is read as JSON. */
enum BodyKind {
    JSON, MULTIPART;

    /** The body's kind, or 400 {@code unsupported_content_type} naming what was sent. */
    static BodyKind of(HttpServletRequest request) {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/form-data")) return MULTIPART;
        if (contentType.isEmpty() || contentType.startsWith("application/json") || contentType.contains("+json")) return JSON;
        throw ApiException.invalid("Unsupported Content-Type '" + request.getContentType()
                + "': send application/json or multipart/form-data.", null, "unsupported_content_type");
    }
}
