package dev.vidgate.engine.relay.minimax;

import dev.vidgate.engine.relay.Answer;
import dev.vidgate.engine.relay.ErrorText;
import dev.vidgate.engine.relay.UpstreamAnswers;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import dev.vidgate.engine.relay.UpstreamPhase;
import dev.vidgate.engine.relay.UpstreamVideo;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static dev.vidgate.engine.relay.UpstreamAnswers.firstText;

/**
 * Reads MiniMax's answers. Errors come as {@code base_resp:{status_code, status_msg}}, usually in an HTTP 200 answer:
 * 0 is success, 1002 a rate limit (backpressure), 1004 and 2049 the key, 1008 the balance (the channel leaves the
 * rotation), 1026 sensitive content (moderation), 2013 a bad parameter. v1 tasks are
 * {@code Preparing/Queueing/Processing/Success/Fail} with a {@code file_id}; v2 tasks {@code queued/running/succeeded/
 * failed/cancelled} with {@code content.url} and {@code usage}: a success without its file or URL is a failure.
 */
final class MiniMaxAnswers {
    static final String V2 = "v2:";
    private static final int MAX_ID_LENGTH = 200;

    private final ObjectMapper json;
    private final UpstreamAnswers generic;
    private final String key;

    MiniMaxAnswers(ObjectMapper json, String key) {
        this.json = json;
        this.generic = new UpstreamAnswers(json, key);
        this.key = key;
    }

    /** The id a create answered, {@code v2:}-prefixed for the v2 API. */
    String created(Answer answer, boolean v2) throws UpstreamException {
        String id = firstText(checked(answer), "task_id");
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(c -> c <= ' ' || c == '/')) {
            throw new UpstreamException(Kind.BROKEN, "The provider answered without a usable task id.", answer.status(), null, null);
        }
        return v2 ? V2 + id : id;
    }

    /** A v1 task; its locator is the {@code file_id}. */
    UpstreamVideo v1Task(Answer answer, String id) throws UpstreamException {
        JsonNode node = json(answer);
        int code = node.path("base_resp").path("status_code").asInt(0);
        if (code == 1026) return failed(id, firstText(node, "status"), UpstreamException.MODERATION, message(node.path("base_resp"), id));
        checked(answer);
        String status = firstText(node, "status");
        return switch (status == null ? "" : status) {
            case "Preparing", "Queueing" -> working(id, status, UpstreamPhase.QUEUED);
            case "Processing" -> working(id, status, UpstreamPhase.RUNNING);
            case "Success" -> {
                String file = firstText(node, "file_id");
                yield file == null || file.isBlank() ? noResult(id, status)
                        : new UpstreamVideo(id, status, UpstreamPhase.SUCCEEDED, null, null, null, null, null, null, file, null);
            }
            case "Fail" -> failed(id, status, "upstream_failed", message(node.path("base_resp"), id));
            default -> working(id, status, UpstreamPhase.UNKNOWN);
        };
    }

    /** A v2 task ({@code {task:{...}}}); its locator is {@code content.url}, its length {@code usage.output_seconds}. */
    UpstreamVideo v2Task(Answer answer, String id) throws UpstreamException {
        JsonNode task = checked(answer).path("task");
        if (!task.isObject()) throw new UpstreamException(Kind.BROKEN, "The provider answered without the task.", answer.status(), null, null);
        String status = firstText(task, "status");
        UpstreamPhase phase = UpstreamPhase.of(status);
        if (phase == UpstreamPhase.SUCCEEDED) {
            String url = firstText(task.path("content"), "url");
            if (url == null || url.isBlank()) return noResult(id, status);
            JsonNode usage = task.path("usage");
            JsonNode output = usage.has("output_seconds") ? usage.path("output_seconds") : usage.path("total_seconds");
            Double seconds = output.isNumber() && output.asDouble() > 0 ? output.asDouble() : null;
            return new UpstreamVideo(id, status, phase, null, seconds, null, null, null, null, url.trim(), null);
        }
        if (phase == UpstreamPhase.FAILED) {
            String code = firstText(task.path("error"), "code");
            String lower = code == null ? "" : code.toLowerCase(java.util.Locale.ROOT);
            boolean moderated = lower.equals("1026") || lower.contains("sensitive") || lower.contains("moderation");
            return failed(id, status, moderated ? UpstreamException.MODERATION : ErrorText.code(code),
                    ErrorText.clean(firstText(task.path("error"), "message"), key, id));
        }
        return working(id, status, phase);
    }

    /** The {@code download_url} of a {@code files/retrieve} answer. */
    String downloadUrl(Answer answer) throws UpstreamException {
        String url = firstText(checked(answer).path("file"), "download_url");
        if (url == null || url.isBlank()) throw new UpstreamException(Kind.NOT_FOUND, "The provider has no file for the video.");
        return url.trim();
    }

    /** The answer as JSON, after any error it carries (an HTTP error or a non-zero {@code base_resp}) was thrown. */
    private JsonNode checked(Answer answer) throws UpstreamException {
        JsonNode node = json(answer);
        JsonNode base = node.path("base_resp");
        int code = base.path("status_code").asInt(0);
        if (code != 0) throw failure(code, message(base, null), answer);
        if (!answer.ok()) throw generic.failure(answer);
        return node;
    }

    private JsonNode json(Answer answer) throws UpstreamException {
        try {
            JsonNode node = answer.body().length == 0 ? null : json.readTree(answer.body());
            if (node != null && node.isObject()) return node;
        } catch (JacksonException e) {
            // described below
        }
        if (!answer.ok()) throw generic.failure(answer);
        throw new UpstreamException(Kind.BROKEN, "The provider answered HTTP " + answer.status() + " with "
                + (ErrorText.looksLikeMarkup(answer.bodyText()) ? "an HTML page." : "something that is not JSON."), answer.status(), null, null);
    }

    private static UpstreamException failure(int code, String said, Answer answer) {
        int status = answer.status();
        String text = said != null ? said : "status code " + code;
        return switch (code) {
            case 1002, 1039 -> new UpstreamException(Kind.RATE_LIMITED, "The provider is limiting requests: " + text, status, "1002",
                    answer.retryAfter());
            case 1004, 2049 -> new UpstreamException(Kind.DENIED, "The provider refused this channel's credentials (" + code + ").", status,
                    null, null);
            case 1008 -> new UpstreamException(Kind.EXHAUSTED, "The provider account's balance is used up: " + text, status, null, null);
            case 1026, 1027 -> new UpstreamException(Kind.REJECTED, "The provider's content check refused the request: " + text, status,
                    UpstreamException.MODERATION, null);
            case 2013 -> new UpstreamException(Kind.REJECTED, text, status, null, null);
            default -> new UpstreamException(Kind.ERROR_ANSWER, "The provider failed: " + text, status, null, null);
        };
    }

    private String message(JsonNode base, String id) {
        return ErrorText.clean(firstText(base, "status_msg"), key, id);
    }

    private static UpstreamVideo working(String id, String status, UpstreamPhase phase) {
        return new UpstreamVideo(id, status, phase, null, null, null, null, null, null);
    }

    private static UpstreamVideo noResult(String id, String status) {
        return failed(id, status, "upstream_no_result", "The provider reported the video done but delivered no file.");
    }

    private static UpstreamVideo failed(String id, String status, String code, String message) {
        return new UpstreamVideo(id, status, UpstreamPhase.FAILED, null, null, null, code, message, null);
    }
}
