package dev.vidgate.video;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a video job. This enum holds the one transition table of the product: every state
 * change in every store is checked against {@link #canBecome} and applied as a compare-and-set.
 */
public enum VideoStatus {
    QUEUED("queued"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private static final Map<VideoStatus, Set<VideoStatus>> TRANSITIONS = Map.of(
            QUEUED, EnumSet.of(IN_PROGRESS, FAILED, CANCELLED),
            // IN_PROGRESS -> QUEUED: a transient engine failure puts the job back in line.
            IN_PROGRESS, EnumSet.of(COMPLETED, FAILED, CANCELLED, QUEUED),
            COMPLETED, EnumSet.noneOf(VideoStatus.class),
            FAILED, EnumSet.noneOf(VideoStatus.class),
            CANCELLED, EnumSet.noneOf(VideoStatus.class));

    private final String wireName;

    VideoStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() { return wireName; }

    public boolean canBecome(VideoStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** Completed, failed or cancelled: nothing will change any more. */
    public boolean isFinished() {
        return TRANSITIONS.get(this).isEmpty();
    }

    public static VideoStatus fromWire(String wire) {
        for (VideoStatus s : values()) {
            if (s.wireName.equals(wire)) return s;
        }
        throw new IllegalArgumentException("unknown status " + wire);
    }
}
