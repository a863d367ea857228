package dev.vidgate.api;

import jakarta.servlet.http.HttpServletResponse;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code x-request-id} every response carries: given by {@link RequestIdFilter} to what passes the
 * filter chain, and by the container's error valve to what the container answers itself.
 */
public final class RequestIds {
    public static final String HEADER = "x-request-id";

    private RequestIds() {}

    /** Sets a new request id on {@code response} unless it has one already. */
    public static void ensure(HttpServletResponse response) {
        if (response.getHeader(HEADER) == null) response.setHeader(HEADER, next());
    }

    static String next() {
        var random = ThreadLocalRandom.current();
        return "req_" + Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }
}
