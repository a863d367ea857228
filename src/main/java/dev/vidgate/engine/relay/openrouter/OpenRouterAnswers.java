package dev.vidgate.engine.relay.openrouter;

import dev.vidgate.engine.relay.Answer;
import dev.vidgate.engine.relay.ErrorText;
import dev.vidgate.engine.relay.ResultLinks;
import dev.vidgate.engine.relay.UpstreamAnswers;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import dev.vidgate.engine.relay.UpstreamPhase;
import dev.vidgate.engine.relay.UpstreamVideo;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads OpenRouter's answers: the job ({@code id}, {@code polling_url}, {@code status} pending / in_progress /
 * completed / failed / cancelled / expired, {@code unsigned_urls}, {@code urls}, {@code usage:{cost, is_byok}},
 * {@code error} as text) and its errors ({@code {"error":{"code":<HTTP status>, "message", "metadata"}}}): 402 is an
 * account or key out of credits (the channel leaves the rotation), 403 is OpenRouter's moderation flagging the input
 * ({@code metadata.reasons}), 429 backpressure. A failed job whose error speaks of moderation or a content policy is
 * {@link UpstreamException#MODERATION} (OpenRouter passes the vendor's text through; the wording is a best reading).
 */
final class OpenRouterAnswers {
    private static final int MAX_ID_LENGTH = 400;
    private static final Pattern MODERATED = Pattern.compile("(?i)moderat|content polic|safety|flagged|sensitive");

    private final ObjectMapper json;
    private final URI base;
    private final String secret;
    private final UpstreamAnswers generic;

    OpenRouterAnswers(ObjectMapper json, URI base, String secret) {
        this.json = json;
        this.base = base;
        this.secret = secret;
        this.generic = new UpstreamAnswers(json, secret);
    }

    UpstreamVideo created(Answer answer) throws UpstreamException {
        JsonNode node = object(answer);
        String id = UpstreamAnswers.firstText(node, "id");
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH || id.contains("/") || id.chars().anyMatch(Character::isISOControl)) {
            throw new UpstreamException(Kind.BROKEN, "The provider answered without a usable job id.", answer.status(), null, null);
        }
        String status = UpstreamAnswers.firstText(node, "status");
        return new UpstreamVideo(id.trim(), status, status == null ? UpstreamPhase.QUEUED : UpstreamPhase.of(status),
                null, null, null, null, null, null, null, null);
    }

    /** The job {@code id} as a poll describes it. */
    UpstreamVideo job(Answer answer, String id) throws UpstreamException {
        JsonNode node = object(answer);
        String said = UpstreamAnswers.firstText(node, "id");
        if (said != null && !said.trim().equals(id)) {
            throw new UpstreamException(Kind.BROKEN, "The provider answered about a different job.", answer.status(), null, null);
        }
        String status = UpstreamAnswers.firstText(node, "status");
        String raw = status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
        UpstreamPhase phase = UpstreamPhase.of(raw);
        String url = first(node, "unsigned_urls");
        if (url == null) url = first(node, "urls");
        String code = null;
        String message = null;
        if (phase == UpstreamPhase.SUCCEEDED && url == null) {
            phase = UpstreamPhase.FAILED;
            code = "upstream_no_result";
            message = "The provider reported the video completed without a video.";
        } else if (raw.equals("expired")) {
            code = "upstream_expired";
            message = "The provider's video job expired before it was done.";
        } else if (phase == UpstreamPhase.FAILED) {
            String error = ErrorText.clean(UpstreamAnswers.errorMessage(node), secret, id);
            boolean moderated = error != null && MODERATED.matcher(error).find();
            code = moderated ? UpstreamException.MODERATION : "upstream_failed";
            message = error != null ? error : "The provider failed to make the video.";
        }
        String locator = phase == UpstreamPhase.SUCCEEDED ? base.resolve(url).toString() : null;
        return new UpstreamVideo(id, status, phase, UpstreamAnswers.progressOf(node.get("progress")), null, null, code, message,
                null, locator, null);
    }

    /** The exception an OpenRouter error answer means. */
    UpstreamException failure(Answer answer) {
        JsonNode error = errorOf(answer);
        String message = ErrorText.clean(UpstreamAnswers.firstText(error, "message"), secret);
        int status = answer.status();
        if (status == 402) {
            return new UpstreamException(Kind.EXHAUSTED, "The provider account or key has insufficient credits (HTTP 402).", status,
                    "402", null);
        }
        if (status == 403 && (error.path("metadata").has("reasons") || (message != null && MODERATED.matcher(message).find()))) {
            String reasons = ErrorText.clean(String.join(", ", error.path("metadata").path("reasons").valueStream()
                    .filter(JsonNode::isString).map(JsonNode::asString).toList()), secret);
            return new UpstreamException(Kind.REJECTED, "The provider's content moderation flagged the request"
                    + (reasons != null ? ": " + reasons : message != null ? ": " + message : "."), status, UpstreamException.MODERATION, null);
        }
        return generic.failure(answer);
    }

    /** The exception a failed download means: the content route answers in OpenRouter's shape, a signed URL in its host's. */
    UpstreamException resultFailure(Answer answer) {
        int status = answer.status();
        return status == 403 || status == 404 || status == 410 || status >= 500 ? ResultLinks.failure(answer) : failure(answer);
    }

    private static String first(JsonNode node, String array) {
        JsonNode value = node.path(array).path(0);
        if (!value.isString() || value.asString().isBlank()) return null;
        try {
            URI.create(value.asString().trim());
            return value.asString().trim();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private JsonNode errorOf(Answer answer) {
        try {
            JsonNode node = answer.body().length == 0 ? null : json.readTree(answer.body());
            return node != null && node.isObject() ? node.path("error") : json.missingNode();
        } catch (JacksonException e) {
            return json.missingNode();
        }
    }

    private JsonNode object(Answer answer) throws UpstreamException {
        if (!answer.ok()) throw failure(answer);
        JsonNode node = UpstreamAnswers.jsonObject(json, answer);
        if (node.path("error").isObject() && UpstreamAnswers.firstText(node, "id") == null) {
            String said = ErrorText.clean(UpstreamAnswers.errorMessage(node), secret);
            throw new UpstreamException(Kind.ERROR_ANSWER, said != null ? said : "The provider answered with an error instead of a video.",
                    answer.status(), null, null);
        }
        return node;
    }
}
