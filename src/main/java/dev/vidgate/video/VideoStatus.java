package dev.vidgate.video;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lifecycle of a video job. This enum holds the one transition table of the product, claims
 * included: every state change in every store is checked against it ({@link #moveTo}, {@link #canBecome})
 * and applied as a compare-and-set, and the claim query of a store is built from {@link #claimableFrom}.
 *
 * <pre>
 * from \ to    queued    in_progress          completed  failed  cancelled
 * queued       -         CLAIM                -          FAIL    CANCEL
 * in_progress  REQUEUE   RECLAIM (lease out)  COMPLETE   FAIL    CANCEL
 * completed    -         -                    -          -       -
 * failed       -         -                    -          -       -
 * cancelled    -         -                    -          -       -
 * </pre>
 */
public enum VideoStatus {
    QUEUED("queued"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    /** Why a job changes state: each cell of the table names one. */
    public enum Move {
        /** A worker takes a queued job and leases it. */
        CLAIM,
        /** A worker takes a job whose previous worker's lease ran out (that node died or stalled). */
        RECLAIM,
        /** A transient failure puts an in-progress job back in line. */
        REQUEUE,
        COMPLETE,
        FAIL,
        CANCEL
    }

    private static final Map<VideoStatus, Map<VideoStatus, Move>> TABLE = new EnumMap<>(VideoStatus.class);

    static {
        TABLE.put(QUEUED, cells(IN_PROGRESS, Move.CLAIM, FAILED, Move.FAIL, CANCELLED, Move.CANCEL));
        TABLE.put(IN_PROGRESS, cells(QUEUED, Move.REQUEUE, IN_PROGRESS, Move.RECLAIM, COMPLETED, Move.COMPLETE,
                FAILED, Move.FAIL, CANCELLED, Move.CANCEL));
        TABLE.put(COMPLETED, cells());
        TABLE.put(FAILED, cells());
        TABLE.put(CANCELLED, cells());
    }

    private final String wireName;

    VideoStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() { return wireName; }

    /** The move that takes a job from this state to {@code next}, or empty when the table has none. */
    public Optional<Move> moveTo(VideoStatus next) {
        return Optional.ofNullable(TABLE.get(this).get(next));
    }

    public boolean canBecome(VideoStatus next) {
        return TABLE.get(this).containsKey(next);
    }

    /** Completed, failed or cancelled: nothing will change any more. */
    public boolean isFinished() {
        return TABLE.get(this).isEmpty();
    }

    /**
     * The states a claim of kind {@code move} ({@link Move#CLAIM} or {@link Move#RECLAIM}) takes a job from.
     * A store claims jobs in the first set freely and those in the second only once their lease ran out.
     */
    public static Set<VideoStatus> claimableFrom(Move move) {
        if (move != Move.CLAIM && move != Move.RECLAIM) throw new IllegalArgumentException(move + " is not a claim");
        return Arrays.stream(values()).filter(s -> s.moveTo(IN_PROGRESS).equals(Optional.of(move)))
                .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(VideoStatus.class)));
    }

    public static VideoStatus fromWire(String wire) {
        for (VideoStatus s : values()) {
            if (s.wireName.equals(wire)) return s;
        }
        throw new IllegalArgumentException("unknown status " + wire);
    }

    private static Map<VideoStatus, Move> cells(Object... targetsAndMoves) {
        Map<VideoStatus, Move> row = new EnumMap<>(VideoStatus.class);
        for (int i = 0; i < targetsAndMoves.length; i += 2) row.put((VideoStatus) targetsAndMoves[i], (Move) targetsAndMoves[i + 1]);
        return Map.copyOf(row);
    }
}
