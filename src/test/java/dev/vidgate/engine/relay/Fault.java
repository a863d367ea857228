package dev.vidgate.engine.relay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Something a {@link FakeUpstream} does instead of (or while) answering normally. */
sealed interface Fault {

    /** A canned answer. */
    record Canned(int status, String contentType, byte[] body, Map<String, String> headers) implements Fault {}

    /** Holds the connection for {@code hold} without answering; with {@code actFirst} the request is carried out first. */
    record Hang(Duration hold, boolean actFirst) implements Fault {}

    /** Closes the connection without an answer; with {@code actFirst} the request is carried out first. */
    record Reset(boolean actFirst) implements Fault {}

    /** The normal answer, sent a few bytes at a time with {@code pause} between writes. */
    record Slow(Duration pause) implements Fault {}

    /** The normal answer's headers (full length), then only half of its body. */
    record Truncated() implements Fault {}

    /** Announces {@code declared} bytes (0: announces nothing, chunked) and streams zeros until the client gives up. */
    record Huge(long declared) implements Fault {}

    static Fault status(int status) {
        return json(status, "{\"error\":{\"message\":\"fake failure " + status + "\",\"type\":\"server_error\",\"code\":null}}");
    }

    static Fault json(int status, String body) {
        return new Canned(status, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Fault tooManyRequests(int retryAfterSeconds) {
        return new Canned(429, "application/json",
                "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_error\",\"code\":\"rate_limit_exceeded\"}}"
                        .getBytes(StandardCharsets.UTF_8), Map.of("retry-after", Integer.toString(retryAfterSeconds)));
    }

    static Fault html(int status) {
        return new Canned(status, "text/html", ("<!DOCTYPE html><html><head><title>" + status + " Bad Gateway</title></head>"
                + "<body><h1>Bad Gateway</h1><p>nginx at http://10.0.0.7:8080/internal</p></body></html>")
                .getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Fault invalidJson() {
        return new Canned(200, "application/json", "{\"id\":\"video_x\",\"status\":\"in_pro".getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Fault errorIn200() {
        return json(200, "{\"error\":{\"message\":\"upstream overloaded, please retry\",\"type\":\"server_error\"}}");
    }

    static Fault bytes(String contentType, byte[] body) {
        return new Canned(200, contentType, body, Map.of());
    }

    static Fault hang(Duration hold) {
        return new Hang(hold, false);
    }

    static Fault actThenHang(Duration hold) {
        return new Hang(hold, true);
    }

    static Fault reset() {
        return new Reset(false);
    }

    static Fault actThenReset() {
        return new Reset(true);
    }
}
