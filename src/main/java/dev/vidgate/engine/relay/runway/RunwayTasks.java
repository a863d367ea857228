package dev.vidgate.engine.relay.runway;

import dev.vidgate.engine.relay.AdapterAnswers;
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

/**
 * Reads Runway's answers: a create's {@code {id}}, a task ({@code task_retrieve_response.py}: {@code PENDING},
 * {@code THROTTLED}, {@code RUNNING} with {@code progress} 0..1, {@code SUCCEEDED} with {@code output[]},
 * {@code FAILED} with {@code failure} and {@code failureCode}, {@code CANCELLED}) and errors ({@code {"error":"..."}}).
 */
final class RunwayTasks {
    private final ObjectMapper json;
    private final UpstreamAnswers answers;
    private final String key;

    RunwayTasks(ObjectMapper json, UpstreamAnswers answers, String key) {
        this.json = json;
        this.answers = answers;
        this.key = key;
    }

    /** A create's answer: the new task, pending. */
    UpstreamVideo created(Answer answer) throws UpstreamException {
        String id = UpstreamAnswers.firstText(object(answer), "id");
        if (id == null || id.isBlank() || id.length() > 200) {
            throw new UpstreamException(Kind.BROKEN, "Runway answered the create without a usable task id.", answer.status(), null, null);
        }
        return new UpstreamVideo(id, "PENDING", UpstreamPhase.QUEUED, 0, null, null, null, null, null, null, null);
    }

    /** A task's answer, which must be about {@code id}. */
    UpstreamVideo task(Answer answer, String id) throws UpstreamException {
        JsonNode task = object(answer);
        if (!id.equals(UpstreamAnswers.firstText(task, "id"))) {
            throw new UpstreamException(Kind.BROKEN, "Runway answered about a different task.", answer.status(), null, null);
        }
        String status = UpstreamAnswers.firstText(task, "status");
        Long created = AdapterAnswers.epochSeconds(UpstreamAnswers.firstText(task, "createdAt"));
        return switch (status == null ? "" : status) {
            // THROTTLED: Runway holds the task until the account's other tasks finish; it is still coming
            case "PENDING", "THROTTLED" -> video(id, status, UpstreamPhase.QUEUED, 0, created, null, null, null);
            case "RUNNING" -> video(id, status, UpstreamPhase.RUNNING, progress(task.get("progress")), created, null, null, null);
            case "SUCCEEDED" -> {
                JsonNode output = task.path("output");
                String url = output.isArray() && !output.isEmpty() && output.get(0).isString() ? output.get(0).asString() : null;
                if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
                    yield video(id, status, UpstreamPhase.FAILED, null, created, "upstream_no_output",
                            "Runway reported the task as succeeded but gave no video.", null);
                }
                yield video(id, status, UpstreamPhase.SUCCEEDED, 100, created, null, null, url);
            }
            case "FAILED" -> failed(id, task, created);
            case "CANCELLED" -> video(id, status, UpstreamPhase.CANCELLED, null, created, null, null, null);
            default -> video(id, status, UpstreamPhase.of(status), null, created, null, null, null);
        };
    }

    private UpstreamVideo failed(String id, JsonNode task, Long created) {
        String failureCode = UpstreamAnswers.firstText(task, "failureCode");
        String upper = failureCode == null ? "" : failureCode.toUpperCase(Locale.ROOT);
        // SAFETY.INPUT.* and SAFETY.OUTPUT.* are Runway's content moderation ("You should not retry these generations");
        // INPUT_PREPROCESSING.* is an input Runway cannot use; anything else (INTERNAL.*) may succeed another time
        String code = upper.startsWith("SAFETY.") ? UpstreamException.MODERATION
                : upper.startsWith("INPUT_PREPROCESSING.") ? "invalid_input" : "upstream_failed";
        String reason = ErrorText.clean(UpstreamAnswers.firstText(task, "failure"), key, id);
        if (code.equals(UpstreamException.MODERATION)) {
            reason = "Runway's content moderation refused it" + (reason != null ? " (" + reason + ")" : "") + ".";
        }
        return video(id, "FAILED", UpstreamPhase.FAILED, null, created, code, reason, null);
    }

    /** The exception a non-2xx answer means; Runway's {@code 400} for a balance too low is the account running dry. */
    UpstreamException failure(Answer answer) {
        UpstreamException e = answers.failure(answer);
        if (answer.status() == 400 && e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("enough credits")) {
            return new UpstreamException(Kind.EXHAUSTED, "The Runway account has too few credits for the task.", 400, null, null);
        }
        return e;
    }

    private JsonNode object(Answer answer) throws UpstreamException {
        return AdapterAnswers.object(json, answer, this::failure);
    }

    private static UpstreamVideo video(String id, String status, UpstreamPhase phase, Integer progress, Long created, String code,
                                       String message, String url) {
        return new UpstreamVideo(id, status, phase, progress, null, created, code, message, null, url, null);
    }

    /** Runway's progress is a fraction 0..1; ours is 0..100. */
    private static Integer progress(JsonNode node) {
        if (node == null || !node.isNumber()) return null;
        double value = node.asDouble();
        if (Double.isNaN(value)) return null;
        return (int) Math.max(0, Math.min(99, Math.floor(value * 100)));
    }
}
