package dev.vidgate.engine.relay.fal;

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
 * Reads fal's queue answers: the submission ({@code request_id}, {@code status_url}, {@code response_url}), the status
 * ({@code IN_QUEUE} with {@code queue_position}, {@code IN_PROGRESS}, {@code COMPLETED}, and {@code FAILED} or a
 * {@code COMPLETED} with {@code error} / {@code error_type}, which some of fal's clients and schemas show), the result ({@code video.url}, {@code video.duration}, {@code has_nsfw_concepts})
 * and errors: {@code {"detail":"..."}} or fal's typed list {@code {"detail":[{"loc","msg","type"}]}}. A
 * {@code content_policy_violation} or a flagged video is {@link UpstreamException#MODERATION}; the result address
 * answering "Request is still in progress" means running, never failed; a 403 "User is locked" (an exhausted
 * balance, an admin lock) is {@code EXHAUSTED}.
 */
final class FalAnswers {
    static final String MODERATION_TYPE = "content_policy_violation";

    private final ObjectMapper json;
    private final UpstreamAnswers generic;
    private final String[] secrets;

    FalAnswers(ObjectMapper json, String... secrets) {
        this.json = json;
        this.secrets = secrets;
        this.generic = new UpstreamAnswers(json, secrets);
    }

    /** The request a submission queued at {@code model}. */
    UpstreamVideo submitted(Answer answer, String model) throws UpstreamException {
        JsonNode node = object(answer, "a queued request");
        String requestId = UpstreamAnswers.firstText(node, "request_id");
        if (requestId == null || requestId.isBlank()) {
            throw new UpstreamException(Kind.BROKEN, "The provider answered without a request id.", answer.status(), null, null);
        }
        if (!FalPath.validRequestId(requestId.trim())) {
            throw new UpstreamException(Kind.BROKEN, "The provider answered with an unusable request id.", answer.status(), null, null);
        }
        return video(FalPath.of(model, requestId.trim()).id(), "IN_QUEUE", UpstreamPhase.QUEUED, null, null, null, null);
    }

    /** The request's status; a {@code COMPLETED} one without an error is {@code SUCCEEDED} without a locator yet. */
    UpstreamVideo status(Answer answer, FalPath request) throws UpstreamException {
        JsonNode node = object(answer, "a request status");
        String status = UpstreamAnswers.firstText(node, "status");
        String raw = status == null ? "" : status.trim().toUpperCase(Locale.ROOT);
        String error = UpstreamAnswers.firstText(node, "error");
        boolean failed = raw.equals("FAILED") || (raw.equals("COMPLETED") && error != null && !error.isBlank());
        if (failed) {
            String type = UpstreamAnswers.firstText(node, "error_type");
            String code = MODERATION_TYPE.equals(type) ? UpstreamException.MODERATION : "upstream_failed";
            return video(request.id(), status, UpstreamPhase.FAILED, null, code, clean(error, request.requestId()), null);
        }
        UpstreamPhase phase = raw.equals("COMPLETED") ? UpstreamPhase.SUCCEEDED : UpstreamPhase.of(raw);
        return video(request.id(), status, phase, null, null, null, null);
    }

    /** The result of a completed request: the video, a refusal, or still running after all. */
    UpstreamVideo result(Answer answer, FalPath request) throws UpstreamException {
        JsonNode node = UpstreamAnswers.objectOrNull(json, answer);
        String id = request.id();
        if (!answer.ok()) {
            JsonNode detail = node == null ? null : node.get("detail");
            if (detail != null && detail.isString() && detail.asString().toLowerCase(Locale.ROOT).contains("still in progress")) {
                return video(id, "IN_PROGRESS", UpstreamPhase.RUNNING, null, null, null, null);
            }
            if (answer.status() == 422 || answer.status() == 400) {
                String type = typeOf(node);
                String code = MODERATION_TYPE.equals(type) ? UpstreamException.MODERATION : "invalid_request";
                String message = node == null ? null : clean(UpstreamAnswers.errorMessage(node), request.requestId());
                return video(id, "COMPLETED", UpstreamPhase.FAILED, null, code, message, null);
            }
            if (answer.status() >= 500) {
                String message = node == null ? null : clean(UpstreamAnswers.errorMessage(node), request.requestId());
                return video(id, "COMPLETED", UpstreamPhase.FAILED, null, "upstream_failed",
                        "the model failed (HTTP " + answer.status() + ")" + (message != null ? ": " + message : "."), null);
            }
            throw failure(answer);
        }
        if (node == null) throw new UpstreamException(Kind.BROKEN, "The provider's result is not a JSON object.", answer.status(), null, null);
        if (flagged(node.get("has_nsfw_concepts"))) {
            return video(id, "COMPLETED", UpstreamPhase.FAILED, null, UpstreamException.MODERATION,
                    "the provider's safety checker flagged the video.", null);
        }
        JsonNode video = node.path("video");
        String url = UpstreamAnswers.firstText(video, "url");
        if (url == null || url.isBlank()) {
            return video(id, "COMPLETED", UpstreamPhase.FAILED, null, "upstream_no_result", "the provider reported success without a video.", null);
        }
        Double seconds = video.path("duration").isNumber() && video.path("duration").asDouble() > 0 ? video.path("duration").asDouble() : null;
        return video(id, "COMPLETED", UpstreamPhase.SUCCEEDED, seconds, null, null, url.trim());
    }

    /** The exception an error answer to a create, status or cancel means. */
    UpstreamException failure(Answer answer) {
        JsonNode node = UpstreamAnswers.objectOrNull(json, answer);
        String type = typeOf(node);
        String said = node == null ? null : clean(UpstreamAnswers.errorMessage(node));
        if (MODERATION_TYPE.equals(type)) {
            return new UpstreamException(Kind.REJECTED, "The provider's content checker refused the request"
                    + (said != null ? ": " + said : "."), answer.status(), UpstreamException.MODERATION, null);
        }
        String lowered = said == null ? "" : said.toLowerCase(Locale.ROOT);
        if (answer.status() == 403 && lowered.contains("user is locked")) {
            // "User is locked. Reason: Exhausted balance." (or TOP_UP, or Admin lock): nothing runs on this account for now
            boolean balance = lowered.contains("balance") || lowered.contains("top_up");
            return new UpstreamException(Kind.EXHAUSTED, "The provider account is locked" + (balance ? ": its balance is used up" : "")
                    + " (HTTP 403).", answer.status(), "account_locked", null);
        }
        if (answer.status() == 422 && said != null) {
            return new UpstreamException(Kind.REJECTED, said, answer.status(), ErrorText.code(type), null);
        }
        return generic.failure(answer);
    }

    /** The exception a failed download of a result file means (fal's file host, not its queue). */
    static UpstreamException fileFailure(Answer answer) {
        int status = answer.status();
        if (status == 403 || status == 404 || status == 410) {
            return new UpstreamException(Kind.NOT_FOUND, "The provider's result file has expired or is gone (HTTP " + status + ").",
                    status, null, null);
        }
        if (status >= 500) {
            return new UpstreamException(Kind.SERVER, "The provider's file host failed (HTTP " + status + ").", status, null, null);
        }
        return new UpstreamException(Kind.BROKEN, "The provider's file host refused the download (HTTP " + status + ").", status, null, null);
    }

    private static boolean flagged(JsonNode flags) {
        if (flags == null) return false;
        if (flags.isBoolean()) return flags.asBoolean();
        if (!flags.isArray()) return false;
        for (JsonNode flag : flags) if (flag.isBoolean() && flag.asBoolean()) return true;
        return false;
    }

    /** The {@code type} of fal's first typed error ({@code content_policy_violation}, {@code less_than_equal}). */
    private static String typeOf(JsonNode node) {
        JsonNode detail = node == null ? null : node.get("detail");
        if (detail == null || !detail.isArray()) return null;
        for (JsonNode error : detail) {
            String type = UpstreamAnswers.firstText(error, "type");
            if (MODERATION_TYPE.equals(type)) return type;
        }
        return detail.isEmpty() ? null : UpstreamAnswers.firstText(detail.get(0), "type");
    }

    private JsonNode object(Answer answer, String what) throws UpstreamException {
        if (!answer.ok()) throw failure(answer);
        return UpstreamAnswers.jsonObject(json, answer, what);
    }

    private String clean(String message, String... more) {
        return ErrorText.clean(message, secrets, more);
    }

    private static UpstreamVideo video(String id, String raw, UpstreamPhase phase, Double seconds, String code, String message, String url) {
        return new UpstreamVideo(id, raw, phase, null, seconds, null, code, message, null, url, null);
    }
}
