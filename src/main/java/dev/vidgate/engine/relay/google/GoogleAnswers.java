package dev.vidgate.engine.relay.google;

import dev.vidgate.engine.relay.Answer;
import dev.vidgate.engine.relay.UpstreamAnswers;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.Locale;

/**
 * Google's error answers, {@code {"error":{"code","message","status","details":[...]}}} (google.rpc.Status), read
 * the way the relay needs them. Two Google quirks: a wrong API key is HTTP 400 {@code INVALID_ARGUMENT} with the
 * reason {@code API_KEY_INVALID} (a credentials problem, not a bad request); and HTTP 429 {@code RESOURCE_EXHAUSTED}
 * is both a per-minute rate limit and a used-up daily quota. Decided: a 429 whose {@code QuotaFailure} names a
 * per-day quota ({@code quotaId} or {@code quotaMetric} with "PerDay"/"per_day") is {@code EXHAUSTED} (the channel
 * leaves the rotation); every other 429 is backpressure ({@code RATE_LIMITED}), waiting {@code RetryInfo.retryDelay}.
 */
public final class GoogleAnswers {
    private final ObjectMapper json;
    private final UpstreamAnswers answers;

    public GoogleAnswers(ObjectMapper json, UpstreamAnswers answers) {
        this.json = json;
        this.answers = answers;
    }

    /** The JSON object of a 2xx answer; a failure for any other status, {@code BROKEN} for anything but a JSON object. */
    public JsonNode object(Answer answer) throws UpstreamException {
        if (!answer.ok()) throw failure(answer);
        return answers.object(answer);
    }

    /** The exception a non-2xx answer means. */
    public UpstreamException failure(Answer answer) {
        JsonNode error = error(answer);
        String status = UpstreamAnswers.firstText(error, "status");
        if (answer.status() == 400 && hasReason(error, "API_KEY_INVALID")) {
            return new UpstreamException(Kind.DENIED, "The provider refused this channel's credentials (HTTP 400, invalid API key).",
                    400, "api_key_invalid", null);
        }
        if (answer.status() == 429) {
            if (perDayQuota(error)) {
                return new UpstreamException(Kind.EXHAUSTED, "The provider account's daily quota is used up (HTTP 429).", 429,
                        "resource_exhausted", null);
            }
            Duration wait = retryDelay(error);
            return new UpstreamException(Kind.RATE_LIMITED, "The provider is rate limiting requests (HTTP 429).", 429,
                    "resource_exhausted", wait != null ? wait : answer.retryAfter());
        }
        UpstreamException generic = answers.failure(answer);
        if (status == null) return generic;
        return new UpstreamException(generic.kind(), generic.getMessage(), generic.httpStatus(),
                status.toLowerCase(Locale.ROOT), generic.retryAfter());
    }

    private JsonNode error(Answer answer) {
        try {
            JsonNode node = answer.body().length == 0 ? null : json.readTree(answer.body());
            return node != null && node.path("error").isObject() ? node.get("error") : json.createObjectNode();
        } catch (JacksonException e) {
            return json.createObjectNode();
        }
    }

    private static boolean hasReason(JsonNode error, String reason) {
        for (JsonNode detail : error.path("details")) {
            if (reason.equals(detail.path("reason").asString(""))) return true;
        }
        return false;
    }

    private static boolean perDayQuota(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            for (JsonNode violation : detail.path("violations")) {
                String id = violation.path("quotaId").asString("") + " " + violation.path("quotaMetric").asString("");
                String lower = id.toLowerCase(Locale.ROOT);
                if (lower.contains("perday") || lower.contains("per_day")) return true;
            }
        }
        return false;
    }

    /** {@code RetryInfo.retryDelay} ({@code "43s"}, {@code "1.5s"}), at most ten minutes. */
    private static Duration retryDelay(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            String delay = detail.path("retryDelay").asString("");
            if (delay.endsWith("s")) {
                try {
                    double seconds = Double.parseDouble(delay.substring(0, delay.length() - 1));
                    if (seconds >= 0) return Duration.ofMillis((long) Math.min(600_000, seconds * 1000));
                } catch (NumberFormatException ignored) {
                    // not a duration: the default pause applies
                }
            }
        }
        return null;
    }
}
