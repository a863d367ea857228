package dev.vidgate.engine.relay.google;

import dev.vidgate.engine.relay.ErrorText;
import dev.vidgate.engine.relay.UpstreamAnswers;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import dev.vidgate.engine.relay.UpstreamPhase;
import dev.vidgate.engine.relay.UpstreamVideo;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Google's long-running operations ({@code {name, metadata?, done?, error?, response?}}) as the relay sees them.
 * A missing {@code done} is proto3's default {@code false}: still running. {@code done} with an {@code error}
 * (a google.rpc.Status) failed with Google's message; done with a video succeeded; done without one but with
 * {@code raiMediaFilteredCount > 0} was blocked by Google's safety filters ({@code moderation_blocked}); done
 * with neither failed. An operation error whose message cites Google's "Responsible AI" practices (how Veo words a
 * refused prompt or image) is {@code moderation_blocked} too. The operation name is the upstream id: never shown
 * to clients.
 */
public final class Operations {
    /** An operation name as Google writes them; anything else is not put into a URL. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]*(/[A-Za-z0-9._\\-]+)*");
    private static final int MAX_NAME_LENGTH = 400;

    private Operations() {}

    /** The operation name of a create's answer, checked to be usable in a URL. */
    public static String name(JsonNode operation) throws UpstreamException {
        String name = UpstreamAnswers.firstText(operation, "name");
        if (name == null || name.isBlank()) {
            throw new UpstreamException(Kind.BROKEN, "The provider answered without an operation name.");
        }
        checkName(name);
        return name;
    }

    /** Refuses a name that is not one Google would write (it becomes part of a URL). */
    public static void checkName(String name) throws UpstreamException {
        if (name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches() || name.contains("..")) {
            throw new UpstreamException(Kind.BROKEN, "The provider answered with an unusable operation name.");
        }
    }

    /**
     * The operation's state.
     *
     * @param result  the object that holds the samples and the RAI counters, or {@code null}
     * @param locator where the finished video is (for the adapter's download), or {@code null} when there is none
     * @param secrets strings never to repeat in a message (the key)
     */
    public static UpstreamVideo video(String name, JsonNode operation, JsonNode result, String locator, String... secrets) {
        boolean done = operation.path("done").asBoolean(false);
        if (!done) {
            Integer progress = UpstreamAnswers.progressOf(operation.path("metadata").get("progressPercent"));
            return new UpstreamVideo(name, "running", UpstreamPhase.RUNNING, progress, null, null, null, null, null, null, null);
        }
        JsonNode error = operation.get("error");
        if (error != null && error.isObject()) {
            String message = UpstreamAnswers.firstText(error, "message");
            String status = UpstreamAnswers.firstText(error, "status");
            boolean moderated = message != null && message.toLowerCase(Locale.ROOT).contains("responsible ai");
            String code = moderated ? UpstreamException.MODERATION : status != null ? ErrorText.code(status) : "upstream_failed";
            return failed(name, code, ErrorText.clean(message, secrets, name));
        }
        if (locator != null) {
            return new UpstreamVideo(name, "done", UpstreamPhase.SUCCEEDED, 100, null, null, null, null, null, locator, null);
        }
        if (result != null && result.path("raiMediaFilteredCount").asInt(0) > 0) {
            List<String> reasons = new ArrayList<>();
            for (JsonNode reason : result.path("raiMediaFilteredReasons")) {
                String clean = ErrorText.clean(reason.asString(""), secrets, name);
                if (clean != null) reasons.add(clean);
            }
            return failed(name, UpstreamException.MODERATION, "Google's safety filters blocked the video"
                    + (reasons.isEmpty() ? "." : ": " + String.join(" ", reasons)));
        }
        return failed(name, "upstream_no_result", "The provider finished without a video.");
    }

    /** A finished operation that failed with {@code code} and a message already clean for clients. */
    public static UpstreamVideo failed(String name, String code, String message) {
        return new UpstreamVideo(name, "done", UpstreamPhase.FAILED, null, null, null, code, message, null, null, null);
    }
}
