package dev.vidgate.engine.relay;

import java.util.Locale;
import java.util.Map;

/**
 * An upstream job's status reduced to what the relay acts on. Upstreams spell their statuses many
 * ways ({@code queued}, {@code pending}, {@code generating}, {@code postprocessing}, {@code succeeded},
 * {@code cancelling}, ...); {@link #of} maps every spelling seen in the wild and answers
 * {@link #UNKNOWN} for the rest, which the poller treats as "still working" until a deadline.
 */
public enum UpstreamPhase {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, DELETED, UNKNOWN;

    private static final Map<String, UpstreamPhase> SPELLINGS = Map.ofEntries(
            Map.entry("queued", QUEUED), Map.entry("pending", QUEUED), Map.entry("submitted", QUEUED),
            Map.entry("waiting", QUEUED), Map.entry("created", QUEUED), Map.entry("scheduled", QUEUED),
            Map.entry("not_started", QUEUED), Map.entry("preprocessing", QUEUED), Map.entry("in_queue", QUEUED),
            Map.entry("in_progress", RUNNING), Map.entry("processing", RUNNING), Map.entry("running", RUNNING),
            Map.entry("generating", RUNNING), Map.entry("postprocessing", RUNNING), Map.entry("post_processing", RUNNING),
            Map.entry("rendering", RUNNING), Map.entry("started", RUNNING), Map.entry("uploading", RUNNING),
            Map.entry("encoding", RUNNING),
            Map.entry("completed", SUCCEEDED), Map.entry("succeeded", SUCCEEDED), Map.entry("success", SUCCEEDED),
            Map.entry("successful", SUCCEEDED), Map.entry("done", SUCCEEDED), Map.entry("finished", SUCCEEDED),
            Map.entry("complete", SUCCEEDED), Map.entry("ready", SUCCEEDED),
            Map.entry("failed", FAILED), Map.entry("failure", FAILED), Map.entry("error", FAILED),
            Map.entry("errored", FAILED), Map.entry("rejected", FAILED), Map.entry("timed_out", FAILED),
            Map.entry("timeout", FAILED), Map.entry("expired", FAILED),
            Map.entry("cancelled", CANCELLED), Map.entry("canceled", CANCELLED), Map.entry("cancelling", CANCELLED),
            Map.entry("canceling", CANCELLED), Map.entry("aborted", CANCELLED),
            Map.entry("deleted", DELETED), Map.entry("removed", DELETED));

    /** The phase of a raw status; {@code null} or blank is {@link #UNKNOWN}. */
    public static UpstreamPhase of(String raw) {
        if (raw == null || raw.isBlank()) return UNKNOWN;
        String key = raw.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return SPELLINGS.getOrDefault(key, UNKNOWN);
    }

    /** Still being worked on (or not yet known to be finished). */
    public boolean working() {
        return this == QUEUED || this == RUNNING || this == UNKNOWN;
    }
}
