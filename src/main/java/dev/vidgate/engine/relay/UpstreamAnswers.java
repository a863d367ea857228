package dev.vidgate.engine.relay;

import dev.vidgate.engine.relay.UpstreamException.Kind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads upstream answers of every flavour: the Video object (OpenAI's shape and the variations of
 * SGLang, vLLM-Omni and TensorRT-LLM), lists, and the many error shapes ({@code {"error":{...}}},
 * {@code {"error":"..."}}, FastAPI's {@code {"detail":...}}, {@code {"object":"error","message":...}}).
 * Anything unreadable becomes an {@link UpstreamException} with a message fit for clients.
 */
public final class UpstreamAnswers {
    /** Our handle is {@code <channel>/<id>} in a column of 500 characters. */
    static final int MAX_ID_LENGTH = 400;
    private static final Set<String> MODERATION_CODES = Set.of("input_moderation", "output_moderation",
            "content_filter", "content_policy_violation");
    /** OpenAI's codes of a 429 that is an account out of money or quota, not a pace to slow down to. */
    private static final java.util.Set<String> QUOTA_CODES = java.util.Set.of("insufficient_quota", "billing_hard_limit_reached");
    private final ObjectMapper json;
    private final String[] secrets;

    /** @param secrets strings never to repeat in a message (the channel's key) */
    public UpstreamAnswers(ObjectMapper json, String... secrets) {
        this.json = json;
        this.secrets = secrets;
    }

    /** The job an answer describes; throws for errors and for answers that describe no job. */
    UpstreamVideo video(Answer answer) throws UpstreamException {
        JsonNode node = object(answer);
        String id = firstText(node, "id", "video_id", "task_id");
        if (id == null || id.isBlank()) {
            if (node.has("error") || node.has("detail") || node.has("message")) throw errorAnswer(answer, node);
            throw new UpstreamException(Kind.BROKEN, "The provider answered without a video id.", answer.status(), null, null);
        }
        if (id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            throw new UpstreamException(Kind.BROKEN, "The provider answered with an unusable video id.", answer.status(), null, null);
        }
        return videoOf(node, id.trim());
    }

    /** The jobs of a list answer ({@code {"data":[...]}}); entries without an id are skipped. */
    List<UpstreamVideo> list(Answer answer) throws UpstreamException {
        JsonNode data = object(answer).get("data");
        if (data == null || !data.isArray()) {
            throw new UpstreamException(Kind.BROKEN, "The provider's list has no data array.", answer.status(), null, null);
        }
        List<UpstreamVideo> videos = new ArrayList<>();
        for (JsonNode item : data) {
            String id = item.isObject() ? firstText(item, "id", "video_id") : null;
            if (id != null && !id.isBlank()) videos.add(videoOf(item, id.trim()));
        }
        return videos;
    }

    /** Throws unless the answer is a success (any body). */
    public void acknowledged(Answer answer) throws UpstreamException {
        if (!answer.ok()) throw failure(answer);
    }

    /** The exception a non-2xx answer means. */
    public UpstreamException failure(Answer answer) {
        int status = answer.status();
        String said = readableError(answer);
        String code = errorCode(answer);
        return switch (status) {
            case 400, 413, 415, 422 -> new UpstreamException(Kind.REJECTED,
                    said != null ? said : "The provider refused the request (HTTP " + status + ").", status, code, null);
            case 401, 403 -> new UpstreamException(Kind.DENIED,
                    "The provider refused this channel's credentials (HTTP " + status + ").", status, code, null);
            case 404, 405, 410 -> new UpstreamException(Kind.NOT_FOUND,
                    said != null ? said : "The provider does not know this resource (HTTP " + status + ").", status, code, null);
            case 408 -> new UpstreamException(Kind.TIMEOUT, "The provider timed out (HTTP 408).", status, code, null);
            case 429 -> code != null && QUOTA_CODES.contains(code)
                    ? new UpstreamException(Kind.EXHAUSTED, "The provider account's quota is used up (HTTP 429).", status, code, null)
                    : new UpstreamException(Kind.RATE_LIMITED, "The provider is rate limiting requests (HTTP 429).",
                    status, code, answer.retryAfter());
            default -> {
                if (status >= 500) {
                    yield new UpstreamException(Kind.SERVER, "The provider failed (HTTP " + status + ")"
                            + (said != null ? ": " + said : "."), status, code, null);
                }
                if (status >= 300 && status < 400) {
                    yield new UpstreamException(Kind.NOT_FOUND, "The provider redirected the request (HTTP " + status + ").",
                            status, null, null);
                }
                yield new UpstreamException(Kind.REJECTED,
                        said != null ? said : "The provider refused the request (HTTP " + status + ").", status, code, null);
            }
        };
    }

    /** The JSON object of a 2xx answer; a failure for any other status, {@code BROKEN} for anything but a JSON object. */
    public JsonNode object(Answer answer) throws UpstreamException {
        if (!answer.ok()) throw failure(answer);
        return jsonObject(json, answer);
    }

    /** A successful answer's body as a JSON object; {@code BROKEN}, saying what came instead, when it is not one. */
    public static JsonNode jsonObject(ObjectMapper json, Answer answer) throws UpstreamException {
        return jsonObject(json, answer, "a video");
    }

    /**
     * As above, the message naming what was {@code expected} ("a task"), or nothing when {@code null}. Every adapter
     * reads its answers through this or {@link #objectOrNull}, so they all describe an unreadable answer alike.
     */
    public static JsonNode jsonObject(ObjectMapper json, Answer answer, String expected) throws UpstreamException {
        JsonNode node = objectOrNull(json, answer);
        if (node != null) return node;
        String what = ErrorText.looksLikeMarkup(answer.bodyText()) ? "an HTML page" : "something that is not a JSON object";
        throw new UpstreamException(Kind.BROKEN, "The provider answered HTTP " + answer.status() + " with " + what
                + (expected == null ? "." : " instead of " + expected + "."), answer.status(), null, null);
    }

    /** The body as a JSON object, or {@code null} when it is empty, not JSON, or JSON of another kind. */
    public static JsonNode objectOrNull(ObjectMapper json, Answer answer) {
        try {
            JsonNode node = answer.body().length == 0 ? null : json.readTree(answer.body());
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** A 2xx answer that carries an error: refused when it blames the request, else a provider failure. */
    private UpstreamException errorAnswer(Answer answer, JsonNode node) {
        String message = errorMessage(node);
        String type = firstText(node.path("error"), "type");
        int embedded = node.path("code").isNumber() ? node.path("code").asInt() : node.path("error").path("code").asInt(0);
        boolean callersFault = "invalid_request_error".equals(type) || (embedded >= 400 && embedded < 500 && embedded != 429);
        String text = message != null ? message : "The provider answered with an error instead of a video.";
        return new UpstreamException(callersFault ? Kind.REJECTED : Kind.ERROR_ANSWER, text, answer.status(), errorCodeOf(node), null);
    }

    private UpstreamVideo videoOf(JsonNode node, String id) {
        String status = firstText(node, "status", "state");
        UpstreamPhase phase = UpstreamPhase.of(status);
        JsonNode error = node.get("error");
        boolean hasError = error != null && !error.isNull() && !(error.isString() && error.asString().isBlank());
        if (phase == UpstreamPhase.UNKNOWN && status == null && hasError) phase = UpstreamPhase.FAILED;
        String reason = phase == UpstreamPhase.FAILED ? ErrorText.code(firstText(node, "failure_reason")) : null;
        String errorMessage = hasError ? errorMessage(node) : null;
        String errorCode = hasError ? errorCodeOf(node) : null;
        if (errorCode == null && reason != null) {
            errorCode = moderationOr(reason);
            if (errorMessage == null) errorMessage = "The provider's job failed (" + reason + ").";
        }
        return new UpstreamVideo(id, status, phase, progressOf(node.get("progress")), secondsOf(node), longOf(node.get("created_at")),
                errorCode, ErrorText.clean(errorMessage, secrets, id), firstText(node, "prompt"));
    }

    private String readableError(Answer answer) {
        String text = answer.bodyText();
        if (text.isBlank()) return null;
        if (ErrorText.looksLikeMarkup(text)) return "The provider answered HTTP " + answer.status() + " with an HTML page.";
        try {
            JsonNode node = json.readTree(answer.body());
            if (node != null && node.isObject()) return ErrorText.clean(errorMessage(node), secrets);
        } catch (JacksonException e) {
            // plain text
        }
        return ErrorText.clean(text, secrets);
    }

    private String errorCode(Answer answer) {
        try {
            JsonNode node = json.readTree(answer.body());
            return node != null && node.isObject() ? errorCodeOf(node) : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String errorCodeOf(JsonNode node) {
        JsonNode error = node.get("error");
        if (error != null && error.isObject()) {
            String code = firstText(error, "code");
            if (code != null) return moderationOr(ErrorText.code(code));
        }
        return null;
    }

    /**
     * Azure's moderation verdicts ({@code input_moderation}, {@code output_moderation}: a Sora job's
     * {@code failure_reason} or error code) and content-filter codes read as {@link UpstreamException#MODERATION}.
     */
    private static String moderationOr(String code) {
        return code != null && MODERATION_CODES.contains(code) ? UpstreamException.MODERATION : code;
    }

    /** The message of any error shape this class knows, raw (not yet cleaned). */
    public static String errorMessage(JsonNode node) {
        JsonNode error = node.get("error");
        if (error != null && error.isObject()) {
            String message = firstText(error, "message", "msg", "detail");
            if (message != null) return message;
        }
        if (error != null && error.isString() && !error.asString().isBlank()) return error.asString();
        JsonNode detail = node.get("detail");
        if (detail != null && detail.isString()) return detail.asString();
        if (detail != null && detail.isArray() && !detail.isEmpty()) {
            String msg = firstText(detail.get(0), "msg", "message");
            if (msg != null) return msg;
        }
        return firstText(node, "message", "msg", "error_message");
    }

    public static String firstText(JsonNode node, String... names) {
        if (node == null) return null;
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && (value.isString() || value.isNumber())) return value.asString();
        }
        return null;
    }

    /** 0..100 from a number or a string such as {@code "45"} or {@code "45%"}; {@code null} when absent or nonsense. */
    public static Integer progressOf(JsonNode node) {
        if (node == null || node.isNull()) return null;
        double value;
        if (node.isNumber()) {
            value = node.asDouble();
        } else if (node.isString()) {
            try {
                value = Double.parseDouble(node.asString().trim().replace("%", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) return null;
        return (int) Math.max(0, Math.min(100, Math.floor(value)));
    }

    private static Double secondsOf(JsonNode node) {
        for (String name : new String[] {"seconds", "duration"}) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) continue;
            try {
                double d = value.isNumber() ? value.asDouble() : Double.parseDouble(value.asString().trim().toLowerCase(Locale.ROOT).replace("s", ""));
                if (d > 0 && d < 24 * 3600) return d;
            } catch (NumberFormatException ignored) {
                // try the next name
            }
        }
        return null;
    }

    private static Long longOf(JsonNode node) {
        return node != null && node.isNumber() ? node.asLong() : null;
    }
}
