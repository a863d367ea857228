package dev.vidgate.engine.relay.luma;

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

import java.util.regex.Pattern;

/**
 * Reads Luma's Generation object ({@code types/generation.py}): {@code state} {@code queued}, {@code dreaming},
 * {@code completed} (with {@code assets.video}) or {@code failed} (with {@code failure_reason}); and its errors, which
 * the SDK leaves untyped (FastAPI's {@code {"detail": ...}} is what Luma sends; the generic reader takes any shape).
 */
final class LumaGenerations {
    /**
     * Luma's moderation speaks only through {@code failure_reason}, in words such as "Advanced moderation failed" and
     * "Prompt not allowed because advanced moderation failed" (seen in lumalabs/ComfyUI-LumaAI-API issues 7 and 9).
     * Unsure: "400: failed to moderate image" also arrives when Luma cannot fetch the image; it is counted as moderation.
     */
    private static final Pattern MODERATION = Pattern.compile("(?i)moderat|not allowed|nsfw|unsafe|content policy");

    private final ObjectMapper json;
    private final UpstreamAnswers answers;
    private final String key;

    LumaGenerations(ObjectMapper json, String key) {
        this.json = json;
        this.answers = new UpstreamAnswers(json, key);
        this.key = key;
    }

    /** A generation, which must be {@code expectedId} when that is given (a poll). */
    UpstreamVideo generation(Answer answer, String expectedId) throws UpstreamException {
        JsonNode node = AdapterAnswers.object(json, answer, this::failure);
        String id = UpstreamAnswers.firstText(node, "id");
        if (id == null || id.isBlank() || id.length() > 200) {
            throw new UpstreamException(Kind.BROKEN, "Luma answered without a usable generation id.", answer.status(), null, null);
        }
        if (expectedId != null && !expectedId.equals(id)) {
            throw new UpstreamException(Kind.BROKEN, "Luma answered about a different generation.", answer.status(), null, null);
        }
        String state = UpstreamAnswers.firstText(node, "state");
        Long created = AdapterAnswers.epochSeconds(UpstreamAnswers.firstText(node, "created_at"));
        return switch (state == null ? "" : state) {
            case "queued" -> video(id, state, UpstreamPhase.QUEUED, created, null, null, null);
            case "dreaming" -> video(id, state, UpstreamPhase.RUNNING, created, null, null, null);
            case "completed" -> {
                String url = UpstreamAnswers.firstText(node.path("assets"), "video");
                if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
                    yield video(id, state, UpstreamPhase.FAILED, created, "upstream_no_output",
                            "Luma reported the generation as completed but gave no video.", null);
                }
                yield video(id, state, UpstreamPhase.SUCCEEDED, created, null, null, url);
            }
            case "failed" -> {
                String reason = ErrorText.clean(UpstreamAnswers.firstText(node, "failure_reason"), key, id);
                boolean moderated = reason != null && MODERATION.matcher(reason).find();
                yield video(id, state, UpstreamPhase.FAILED, created, moderated ? UpstreamException.MODERATION : "upstream_failed",
                        moderated ? "Luma's moderation refused it (" + reason + ")." : reason, null);
            }
            default -> video(id, state, UpstreamPhase.of(state), created, null, null, null);
        };
    }

    /** The exception a non-2xx answer means; 402 is Luma's "out of credits". */
    UpstreamException failure(Answer answer) {
        if (answer.status() == 402) {
            return new UpstreamException(Kind.EXHAUSTED, "The Luma account has too few credits (HTTP 402).", 402, null, null);
        }
        return answers.failure(answer);
    }

    private static UpstreamVideo video(String id, String state, UpstreamPhase phase, Long created, String code, String message,
                                       String url) {
        Integer progress = phase == UpstreamPhase.QUEUED ? Integer.valueOf(0) : null;
        return new UpstreamVideo(id, state, phase, progress, null, created, code, message, null, url, null);
    }
}
