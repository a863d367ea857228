package dev.vidgate.engine.relay.ark;

import dev.vidgate.engine.relay.Answer;
import dev.vidgate.engine.relay.ErrorText;
import dev.vidgate.engine.relay.UpstreamAnswers;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import dev.vidgate.engine.relay.UpstreamPhase;
import dev.vidgate.engine.relay.UpstreamVideo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Ark's answers: the task object ({@code id}, {@code status} queued / running / succeeded / failed / cancelled /
 * expired, {@code content.video_url}, {@code usage}, {@code duration}, {@code created_at}, and on failure an
 * {@code error} object) and its errors ({@code {"error":{"code","message"}}}). A sensitive-content code, whether it
 * refuses a create or fails a task, is {@link UpstreamException#MODERATION}; {@code QuotaExceeded},
 * {@code SetLimitExceeded} and {@code AccountOverdueError} are an account that ran out ({@code EXHAUSTED}); any other
 * 429 (throttling such as {@code RateLimitExceeded.*} or {@code ServerOverloaded}) is backpressure.
 */
final class ArkAnswers {
    /** Hard caps and an unpaid account: nothing will run on the channel for a while. */
    private static final Set<String> EXHAUSTED_CODES = Set.of("QuotaExceeded", "SetLimitExceeded", "AccountOverdueError");
    /** Ark ends its messages with its own request id, which is not for our clients. */
    private static final Pattern REQUEST_ID = Pattern.compile("(?i)\\s*\\brequest ?id[:=]?\\s*[A-Za-z0-9_-]+\\.?");
    private static final int MAX_ID_LENGTH = 400;

    private final ObjectMapper json;
    private final UpstreamAnswers generic;
    private final String[] secrets;

    ArkAnswers(ObjectMapper json, String... secrets) {
        this.json = json;
        this.secrets = secrets;
        this.generic = new UpstreamAnswers(json, secrets);
    }

    /** The task a create made: Ark answers only its {@code id}. */
    UpstreamVideo created(Answer answer) throws UpstreamException {
        JsonNode node = object(answer);
        return new UpstreamVideo(idOf(node, answer), "queued", UpstreamPhase.QUEUED, null, null, null, null, null, null, null, null);
    }

    /** The task a poll describes. */
    UpstreamVideo task(Answer answer) throws UpstreamException {
        JsonNode node = object(answer);
        String id = idOf(node, answer);
        String status = UpstreamAnswers.firstText(node, "status");
        String raw = status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
        String url = UpstreamAnswers.firstText(node.path("content"), "video_url");
        UpstreamPhase phase = UpstreamPhase.of(raw);
        boolean hasVideo = url != null && !url.isBlank();
        String code = null;
        String message = null;
        if (phase == UpstreamPhase.SUCCEEDED && !hasVideo) {
            phase = UpstreamPhase.FAILED;
            code = "upstream_no_result";
            message = "The provider reported success without a video.";
        } else if (raw.equals("expired")) {
            code = "upstream_expired";
            message = "The provider's task expired before it was done.";
        } else if (phase == UpstreamPhase.FAILED) {
            JsonNode error = node.path("error");
            String upstreamCode = UpstreamAnswers.firstText(error, "code");
            code = moderation(upstreamCode) ? UpstreamException.MODERATION
                    : ErrorText.code(upstreamCode) == null ? "upstream_failed" : ErrorText.code(upstreamCode);
            message = clean(UpstreamAnswers.firstText(error, "message"), id);
        }
        String locator = phase == UpstreamPhase.SUCCEEDED ? url.trim() : null; // queued, running, cancelled carry none
        return new UpstreamVideo(id, status, phase, null, positive(node.get("duration")), longOf(node.get("created_at")), code,
                message, null, locator, tokens(node.path("usage")));
    }

    /** Throws the failure a non-2xx answer means. */
    void acknowledged(Answer answer) throws UpstreamException {
        if (!answer.ok()) throw failure(answer);
    }

    /** The exception an Ark error answer means. */
    UpstreamException failure(Answer answer) {
        JsonNode error = errorOf(answer);
        UpstreamException special = special(answer.status(), error);
        if (special != null) return special;
        String message = clean(UpstreamAnswers.firstText(error, "message"));
        if ((answer.status() == 400 || answer.status() == 404) && message != null) {
            // Ark's own reason (InvalidParameter, a model it does not serve): the request itself is refused
            return new UpstreamException(Kind.REJECTED, message, answer.status(), codeOf(error), null);
        }
        UpstreamException read = generic.failure(answer);
        String cleaned = REQUEST_ID.matcher(read.getMessage()).replaceAll("").strip();
        return new UpstreamException(read.kind(), cleaned, read.httpStatus(), read.upstreamCode(), read.retryAfter());
    }

    /** Moderation and a used-up account, whatever the HTTP status; {@code null} for other errors. */
    private UpstreamException special(int status, JsonNode error) {
        String code = UpstreamAnswers.firstText(error, "code");
        if (moderation(code)) {
            String message = clean(UpstreamAnswers.firstText(error, "message"));
            return new UpstreamException(Kind.REJECTED, "The provider's content moderation refused the request"
                    + (message != null ? ": " + message : "."), status, UpstreamException.MODERATION, null);
        }
        if (code != null && EXHAUSTED_CODES.contains(code.split("\\.")[0])) {
            return new UpstreamException(Kind.EXHAUSTED, "The provider account has reached its limit (" + code
                    + ", HTTP " + status + ").", status, codeOf(error), null);
        }
        return null;
    }

    /** A 2xx answer that carries an error object instead of a task. */
    private UpstreamException carried(Answer answer, JsonNode error) {
        UpstreamException special = special(answer.status(), error);
        if (special != null) return special;
        String message = clean(UpstreamAnswers.firstText(error, "message"));
        return new UpstreamException(Kind.ERROR_ANSWER, message != null ? message : "The provider answered with an error instead of a task.",
                answer.status(), codeOf(error), null);
    }

    private static String codeOf(JsonNode error) {
        return ErrorText.code(UpstreamAnswers.firstText(error, "code"));
    }

    /** The exception a failed download of a result URL means (the file host answers in XML, not in Ark's shape). */
    static UpstreamException resultFailure(Answer answer) {
        int status = answer.status();
        if (status == 403 || status == 404 || status == 410) {
            return new UpstreamException(Kind.NOT_FOUND, "The provider's result link has expired or is gone (HTTP " + status
                    + "); it is valid for 24 hours after the video is made.", status, null, null);
        }
        if (status == 429) return new UpstreamException(Kind.RATE_LIMITED, "The provider's file host is rate limiting downloads.",
                status, null, answer.retryAfter());
        if (status >= 500) return new UpstreamException(Kind.SERVER, "The provider's file host failed (HTTP " + status + ").",
                status, null, null);
        return new UpstreamException(Kind.BROKEN, "The provider's file host refused the download (HTTP " + status + ").", status, null, null);
    }

    static boolean moderation(String code) {
        return code != null && code.toLowerCase(Locale.ROOT).contains("sensitivecontent");
    }

    private JsonNode object(Answer answer) throws UpstreamException {
        if (!answer.ok()) throw failure(answer);
        return UpstreamAnswers.jsonObject(json, answer, "a task");
    }

    private String idOf(JsonNode node, Answer answer) throws UpstreamException {
        String id = UpstreamAnswers.firstText(node, "id");
        if (id == null || id.isBlank()) {
            if (node.path("error").isObject()) throw carried(answer, node.path("error"));
            throw new UpstreamException(Kind.BROKEN, "The provider answered without a task id.", answer.status(), null, null);
        }
        if (id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl) || id.contains("/")) {
            throw new UpstreamException(Kind.BROKEN, "The provider answered with an unusable task id.", answer.status(), null, null);
        }
        return id.trim();
    }

    private JsonNode errorOf(Answer answer) {
        JsonNode node = UpstreamAnswers.objectOrNull(json, answer);
        return node == null ? null : node.path("error");
    }

    private String clean(String message, String... more) {
        if (message == null) return null;
        return ErrorText.clean(REQUEST_ID.matcher(message).replaceAll(""), secrets, more);
    }

    private static Long tokens(JsonNode usage) {
        for (String name : new String[] {"total_tokens", "completion_tokens"}) {
            JsonNode value = usage.get(name);
            if (value != null && value.isNumber() && value.asLong() >= 0) return value.asLong();
        }
        return null;
    }

    private static Double positive(JsonNode value) {
        return value != null && value.isNumber() && value.asDouble() > 0 ? value.asDouble() : null;
    }

    private static Long longOf(JsonNode value) {
        return value != null && value.isNumber() ? value.asLong() : null;
    }
}
