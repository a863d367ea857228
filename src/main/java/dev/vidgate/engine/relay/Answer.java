package dev.vidgate.engine.relay;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/** One complete HTTP answer from an upstream, its body read with a size limit. */
public record Answer(int status, HttpHeaders headers, byte[] body) {

    public boolean ok() { return status >= 200 && status < 300; }

    public String contentType() {
        return headers.firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
    }

    public String bodyText() { return new String(body, StandardCharsets.UTF_8); }

    /** {@code openai-poll-after-ms}, when the upstream suggests when to ask again. */
    public Duration pollAfter() {
        OptionalLong ms = headers.firstValueAsLong("openai-poll-after-ms");
        return ms.isPresent() && ms.getAsLong() > 0 ? Duration.ofMillis(ms.getAsLong()) : null;
    }

    /** {@code retry-after-ms} or {@code retry-after} (seconds), when present and sane. */
    public Duration retryAfter() {
        try {
            OptionalLong ms = headers.firstValueAsLong("retry-after-ms");
            if (ms.isPresent() && ms.getAsLong() >= 0) return Duration.ofMillis(Math.min(ms.getAsLong(), 600_000));
            String seconds = headers.firstValue("retry-after").orElse(null);
            if (seconds != null) return Duration.ofMillis((long) Math.min(600_000, Double.parseDouble(seconds.trim()) * 1000));
        } catch (NumberFormatException ignored) {
            // an HTTP date or garbage: the caller's default pause applies
        }
        return null;
    }
}
