package dev.vidgate.engine.relay.xai;

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
 * Reads xAI's answers: the create's {@code {"request_id"}}, the poll's {@code {status, video:{url, duration,
 * respect_moderation}, usage:{cost_in_usd_ticks}, progress, error}} and its errors, {@code {"code", "error"}} (both
 * strings) or {@code {"error":{"message", "code"}}}. A {@code done} video whose {@code respect_moderation} is
 * {@code false} was stopped by xAI's moderation (Vercel's client reads the flag so) and fails the job as
 * {@link UpstreamException#MODERATION}; {@code expired} fails it as retryable; a 429 is backpressure unless it says the
 * team's credits or spending limit ran out (xAI's wording), which takes the channel out of the rotation; a 400 saying
 * "Incorrect API key" is the channel's credentials, not the request.
 */
final class XaiAnswers {
    private static final int MAX_ID_LENGTH = 400;

    private final ObjectMapper json;
    private final UpstreamAnswers generic;
    private final String secret;

    XaiAnswers(ObjectMapper json, String secret) {
        this.json = json;
        this.secret = secret;
        this.generic = new UpstreamAnswers(json, secret);
    }

    UpstreamVideo created(Answer answer) throws UpstreamException {
        JsonNode node = object(answer);
        String id = UpstreamAnswers.firstText(node, "request_id");
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH || id.contains("/") || id.chars().anyMatch(Character::isISOControl)) {
            throw new UpstreamException(Kind.BROKEN, "The provider answered without a usable request id.", answer.status(), null, null);
        }
        return new UpstreamVideo(id.trim(), "pending", UpstreamPhase.QUEUED, null, null, null, null, null, null, null, null);
    }

    /** The request {@code id} as a poll describes it (xAI's answer does not repeat the id). */
    UpstreamVideo request(Answer answer, String id) throws UpstreamException {
        JsonNode node = object(answer);
        String status = UpstreamAnswers.firstText(node, "status");
        JsonNode video = node.path("video");
        String url = UpstreamAnswers.firstText(video, "url");
        boolean hasVideo = url != null && !url.isBlank();
        String raw = status == null ? (hasVideo ? "done" : "") : status.trim().toLowerCase(Locale.ROOT);
        UpstreamPhase phase = UpstreamPhase.of(raw);
        String code = null;
        String message = null;
        if (phase == UpstreamPhase.SUCCEEDED && video.path("respect_moderation").isBoolean() && !video.path("respect_moderation").asBoolean()) {
            phase = UpstreamPhase.FAILED;
            code = UpstreamException.MODERATION;
            message = "The provider's content moderation blocked the video.";
        } else if (phase == UpstreamPhase.SUCCEEDED && !hasVideo) {
            phase = UpstreamPhase.FAILED;
            code = "upstream_no_result";
            message = "The provider reported the video done without a video.";
        } else if (raw.equals("expired")) {
            code = "upstream_expired";
            message = "The provider's video request expired before it was done.";
        } else if (phase == UpstreamPhase.FAILED) {
            JsonNode error = node.path("error");
            String upstreamCode = ErrorText.code(UpstreamAnswers.firstText(error, "code"));
            code = upstreamCode != null ? upstreamCode : "upstream_failed";
            String said = ErrorText.clean(error.isString() ? error.asString() : UpstreamAnswers.firstText(error, "message"), secret, id);
            message = said != null ? said : "The provider failed to make the video.";
        }
        JsonNode duration = video.path("duration");
        Double seconds = duration.isNumber() && duration.asDouble() > 0 ? duration.asDouble() : null;
        return new UpstreamVideo(id, status, phase, UpstreamAnswers.progressOf(node.get("progress")), seconds, null, code, message,
                null, phase == UpstreamPhase.SUCCEEDED ? url.trim() : null, null);
    }

    /** The exception an xAI error answer means. */
    UpstreamException failure(Answer answer) {
        UpstreamException read = generic.failure(answer);
        String text = answer.bodyText().toLowerCase(Locale.ROOT);
        if (answer.status() == 400 && text.contains("incorrect api key")) {
            // xAI answers a wrong key with 400 "Incorrect API key provided", not 401
            return new UpstreamException(Kind.DENIED, "The provider refused this channel's credentials (HTTP 400, incorrect API key).",
                    400, null, null);
        }
        if ((answer.status() == 429 || answer.status() == 403) && (text.contains("credits") || text.contains("spending limit"))) {
            return new UpstreamException(Kind.EXHAUSTED, "The provider account has no credits left or reached its spending limit (HTTP "
                    + answer.status() + ").", answer.status(), read.upstreamCode(), null);
        }
        return read;
    }

    private JsonNode object(Answer answer) throws UpstreamException {
        if (!answer.ok()) throw failure(answer);
        JsonNode node = UpstreamAnswers.jsonObject(json, answer);
        if (UpstreamAnswers.firstText(node, "request_id", "status") == null && !node.path("video").isObject() && node.has("error")) {
            String said = ErrorText.clean(UpstreamAnswers.errorMessage(node), secret);
            throw new UpstreamException(Kind.ERROR_ANSWER, said != null ? said : "The provider answered with an error instead of a video.",
                    answer.status(), null, null);
        }
        return node;
    }
}
