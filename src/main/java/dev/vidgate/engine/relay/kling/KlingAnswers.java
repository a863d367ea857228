package dev.vidgate.engine.relay.kling;

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

import java.util.regex.Pattern;

/**
 * Reads Kling's answers: the envelope {@code {code, message, request_id, data}} (code 0 is success, also inside an
 * HTTP 200), its task ({@code task_id}, {@code task_status} submitted / processing / succeed / failed,
 * {@code task_status_msg}, {@code task_result.videos[{id, url, duration}]}), and its service codes:
 * <ul>
 *   <li>1000-1004 (authentication), 1103 (no access to the API or model), 1304 (IP allow-list): {@code DENIED};</li>
 *   <li>1100 (account exception), 1101 (arrears), 1102 (resource pack depleted or expired): {@code EXHAUSTED};</li>
 *   <li>1200-1203 (invalid request), 1300 (platform policy): {@code REJECTED} with Kling's message;</li>
 *   <li>1301 (content security policy): {@code REJECTED} with the code {@code moderation_blocked};</li>
 *   <li>1302 (rate) and 1303 (concurrency over the resource pack's limit): {@code RATE_LIMITED}, backpressure;</li>
 *   <li>5000-5002: {@code SERVER}.</li>
 * </ul>
 * A failed task whose {@code task_status_msg} says its content was flagged fails with {@code moderation_blocked}.
 */
final class KlingAnswers {
    /** What Kling writes in {@code task_status_msg} when its risk control or content check stopped a task. */
    private static final Pattern FLAGGED = Pattern.compile("(?i)risk|sensitive|content secur|content polic|safety|violat"
            + "|inappropriate|moderat|flagged|prohibited|风控|敏感|违规|审核");

    private final ObjectMapper json;
    private final UpstreamAnswers generic;
    private final String[] secrets;

    KlingAnswers(ObjectMapper json, String... secrets) {
        this.json = json;
        this.secrets = secrets;
        this.generic = new UpstreamAnswers(json, secrets);
    }

    /** The task an answer describes, as {@code route}'s upstream id; throws for any error the answer carries. */
    UpstreamVideo task(Answer answer, KlingRoute route, boolean creating) throws UpstreamException {
        if (!answer.ok()) throw failure(answer, creating);
        JsonNode envelope = envelope(answer);
        if (envelope == null) {
            String what = ErrorText.looksLikeMarkup(answer.bodyText()) ? "an HTML page" : "something that is not Kling's JSON";
            throw new UpstreamException(Kind.BROKEN, "Kling answered HTTP " + answer.status() + " with " + what + ".",
                    answer.status(), null, null);
        }
        if (envelope.path("code").asInt(0) != 0) throw byCode(envelope, answer, creating);
        JsonNode data = envelope.path("data");
        String taskId = UpstreamAnswers.firstText(data, "task_id");
        if (taskId == null || taskId.isBlank() || taskId.length() > 300 || taskId.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new UpstreamException(Kind.BROKEN, "Kling answered without a usable task id.", answer.status(), null, null);
        }
        return video(route.upstreamId(taskId), taskId, data);
    }

    private UpstreamVideo video(String id, String taskId, JsonNode data) {
        String status = UpstreamAnswers.firstText(data, "task_status");
        UpstreamPhase phase = phase(status);
        Long createdAt = data.path("created_at").isNumber() ? data.path("created_at").asLong() / 1000 : null;
        JsonNode first = data.path("task_result").path("videos").path(0);
        Double seconds = seconds(UpstreamAnswers.firstText(first, "duration"));
        String url = UpstreamAnswers.firstText(first, "url");
        String errorCode = null;
        String errorMessage = null;
        if (phase == UpstreamPhase.FAILED) {
            String said = UpstreamAnswers.firstText(data, "task_status_msg");
            errorMessage = ErrorText.clean(said, secrets, taskId);
            if (said != null && FLAGGED.matcher(said).find()) errorCode = UpstreamException.MODERATION;
        } else if (phase == UpstreamPhase.SUCCEEDED && !isWebUrl(url)) {
            phase = UpstreamPhase.FAILED;
            errorCode = "upstream_no_video";
            errorMessage = "Kling reported the video done but gave no address to download it from.";
        }
        return new UpstreamVideo(id, status, phase, null, seconds, createdAt,
                errorCode, errorMessage, null, phase == UpstreamPhase.SUCCEEDED ? url : null, null);
    }

    /** The failure a non-2xx answer means, by Kling's service code where it gave one. */
    UpstreamException failure(Answer answer, boolean creating) {
        JsonNode envelope = envelope(answer);
        if (envelope != null && envelope.path("code").isNumber() && envelope.path("code").asInt() != 0) {
            return byCode(envelope, answer, creating);
        }
        return generic.failure(answer);
    }

    private UpstreamException byCode(JsonNode envelope, Answer answer, boolean creating) {
        int code = envelope.path("code").asInt();
        int status = answer.status();
        String said = ErrorText.clean(UpstreamAnswers.firstText(envelope, "message"), secrets);
        String detail = " (code " + code + (said != null ? ": " + said : "") + ")";
        if (code >= 1000 && code <= 1004 || code == 1103 || code == 1304) {
            return new UpstreamException(Kind.DENIED, "Kling refused this channel's credentials or access" + detail + ".",
                    status, null, null);
        }
        if (code >= 1100 && code <= 1102) {
            return new UpstreamException(Kind.EXHAUSTED, "The Kling account cannot take jobs now" + detail + ".", status, null, null);
        }
        if (code == 1302 || code == 1303) {
            return new UpstreamException(Kind.RATE_LIMITED, "Kling is at its rate or concurrency limit" + detail + ".",
                    status, null, answer.retryAfter());
        }
        if (code == 1301) {
            return new UpstreamException(Kind.REJECTED, "Kling's content safety check refused the request"
                    + (said != null ? ": " + said : "."), status, UpstreamException.MODERATION, null);
        }
        if (code >= 5000 && code < 6000) {
            return new UpstreamException(Kind.SERVER, "Kling failed" + detail + ".", status, null, null);
        }
        if (!creating && status == 404) {
            return new UpstreamException(Kind.NOT_FOUND, "Kling does not know the task" + detail + ".", status, null, null);
        }
        if (code >= 1200 && code < 1400) {
            return new UpstreamException(Kind.REJECTED, said != null ? "Kling refused the request: " + said
                    : "Kling refused the request (code " + code + ").", status, null, null);
        }
        return status / 100 == 2
                ? new UpstreamException(Kind.ERROR_ANSWER, "Kling answered with an error" + detail + ".", status, null, null)
                : generic.failure(answer);
    }

    /** Kling's statuses; anything else is {@code UNKNOWN}, which the relay treats as still working until a deadline. */
    static UpstreamPhase phase(String status) {
        if (status == null) return UpstreamPhase.UNKNOWN;
        return switch (status) {
            case "submitted" -> UpstreamPhase.QUEUED;
            case "processing" -> UpstreamPhase.RUNNING;
            case "succeed" -> UpstreamPhase.SUCCEEDED;
            case "failed" -> UpstreamPhase.FAILED;
            default -> UpstreamPhase.UNKNOWN;
        };
    }

    private JsonNode envelope(Answer answer) {
        try {
            JsonNode node = answer.body().length == 0 ? null : json.readTree(answer.body());
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Double seconds(String text) {
        if (text == null) return null;
        try {
            double d = Double.parseDouble(text.trim());
            return d > 0 && d < 3600 ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isWebUrl(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) && url.length() < 4096;
    }
}
