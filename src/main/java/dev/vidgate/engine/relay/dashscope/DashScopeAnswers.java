package dev.vidgate.engine.relay.dashscope;

import dev.vidgate.engine.relay.Answer;
import dev.vidgate.engine.relay.ErrorText;
import dev.vidgate.engine.relay.UpstreamAnswers;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import dev.vidgate.engine.relay.UpstreamPhase;
import dev.vidgate.engine.relay.UpstreamVideo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static dev.vidgate.engine.relay.UpstreamAnswers.firstText;

/**
 * Reads DashScope's answers: {@code {request_id, output:{task_id, task_status, video_url, code, message}, usage:
 * {video_duration}}} for tasks, {@code {request_id, code, message}} with an HTTP error status for refusals. Content
 * inspection codes ({@code DataInspectionFailed}) are moderation; {@code Throttling*} is backpressure, except
 * {@code Throttling.AllocationQuota} (the free quota used up) which, like {@code Arrearage}, means the account ran out.
 * An {@code UNKNOWN} task is one DashScope no longer keeps (task ids live 24 hours): it fails at once.
 */
final class DashScopeAnswers {
    private static final int MAX_ID_LENGTH = 200;

    private final ObjectMapper json;
    private final UpstreamAnswers generic;
    private final String key;

    DashScopeAnswers(ObjectMapper json, String key) {
        this.json = json;
        this.generic = new UpstreamAnswers(json, key);
        this.key = key;
    }

    /** The task a create answered. */
    UpstreamVideo created(Answer answer) throws UpstreamException {
        JsonNode node = object(answer);
        String id = firstText(node.path("output"), "task_id");
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(c -> c <= ' ')) {
            throw new UpstreamException(Kind.BROKEN, "The provider answered without a usable task id.", answer.status(), null, null);
        }
        return video(id, node);
    }

    /** The task {@code id} as a query answered it. */
    UpstreamVideo task(Answer answer, String id) throws UpstreamException {
        JsonNode node = object(answer);
        String said = firstText(node.path("output"), "task_id");
        if (said != null && !said.equals(id)) {
            throw new UpstreamException(Kind.BROKEN, "The provider answered about a different task.", answer.status(), null, null);
        }
        return video(id, node);
    }

    private UpstreamVideo video(String id, JsonNode node) {
        JsonNode output = node.path("output");
        String status = firstText(output, "task_status");
        JsonNode duration = node.path("usage").path("video_duration");
        Double seconds = duration.isNumber() && duration.asDouble() > 0 ? duration.asDouble() : null;
        return switch (status == null ? "" : status) {
            case "PENDING" -> new UpstreamVideo(id, status, UpstreamPhase.QUEUED, null, null, null, null, null, null);
            case "RUNNING" -> new UpstreamVideo(id, status, UpstreamPhase.RUNNING, null, null, null, null, null, null);
            case "SUCCEEDED" -> {
                String url = firstText(output, "video_url");
                if (url == null || url.isBlank()) {
                    yield failed(id, status, "upstream_no_result", "The provider reported the video done but gave no address for it.");
                }
                yield new UpstreamVideo(id, status, UpstreamPhase.SUCCEEDED, null, seconds, null, null, null, null, url.trim(), null);
            }
            case "FAILED" -> {
                String code = firstText(output, "code");
                yield failed(id, status, moderation(code) ? UpstreamException.MODERATION : ErrorText.code(code),
                        ErrorText.clean(firstText(output, "message"), key, id));
            }
            case "CANCELED" -> new UpstreamVideo(id, status, UpstreamPhase.CANCELLED, null, null, null, null, null, null);
            case "UNKNOWN" -> failed(id, status, "upstream_expired",
                    "The provider no longer knows the task (DashScope keeps a task for 24 hours).");
            default -> new UpstreamVideo(id, status, UpstreamPhase.UNKNOWN, null, null, null, null, null, null);
        };
    }

    private static UpstreamVideo failed(String id, String status, String code, String message) {
        return new UpstreamVideo(id, status, UpstreamPhase.FAILED, null, null, null, code, message, null);
    }

    /** The exception a refused request means. */
    UpstreamException failure(Answer answer) {
        JsonNode node = parsed(answer);
        String code = firstText(node, "code");
        String message = ErrorText.clean(firstText(node, "message"), key);
        int status = answer.status();
        String said = message != null ? message : "HTTP " + status;
        if (moderation(code)) {
            return new UpstreamException(Kind.REJECTED, "The provider's content inspection refused the request: " + said, status,
                    UpstreamException.MODERATION, null);
        }
        if (code != null && (code.startsWith("Arrearage") || code.startsWith("Throttling.AllocationQuota") || code.contains("FreeTierOnly"))) {
            return new UpstreamException(Kind.EXHAUSTED, "The provider account is out of credit or quota: " + said, status, ErrorText.code(code), null);
        }
        if (status == 429 || (code != null && code.startsWith("Throttling"))) {
            return new UpstreamException(Kind.RATE_LIMITED, "The provider is limiting requests: " + said, status, ErrorText.code(code),
                    answer.retryAfter());
        }
        if (status == 401 || "InvalidApiKey".equals(code)) {
            return new UpstreamException(Kind.DENIED, "The provider refused this channel's credentials (HTTP " + status + ").", status,
                    ErrorText.code(code), null);
        }
        return generic.failure(answer);
    }

    private static boolean moderation(String code) {
        return code != null && (code.startsWith("DataInspection") || code.startsWith("IPInfringement") || code.contains("InappropriateContent"));
    }

    private JsonNode object(Answer answer) throws UpstreamException {
        if (!answer.ok()) throw failure(answer);
        JsonNode node = parsed(answer);
        if (!node.isObject() || node.isEmpty()) {
            String what = ErrorText.looksLikeMarkup(answer.bodyText()) ? "an HTML page" : "something that is not a task";
            throw new UpstreamException(Kind.BROKEN, "The provider answered HTTP " + answer.status() + " with " + what + ".",
                    answer.status(), null, null);
        }
        if (firstText(node, "code") != null && !node.path("output").has("task_status")) throw failure(answer);
        return node;
    }

    /** The body as a JSON object; an empty one when it is none, so that reading a field finds nothing. */
    private JsonNode parsed(Answer answer) {
        JsonNode node = UpstreamAnswers.objectOrNull(json, answer);
        return node != null ? node : json.createObjectNode();
    }
}
