package dev.vidgate.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What happens to a duration a model cannot make: refused ({@link #EXACT}, the default), or snapped to the nearest one
 * it makes ({@link #NEAREST}; between two equally near, the longer, so a client never gets less than it asked for
 * when it could have had more).
 */
public enum DurationPolicy {
    EXACT, NEAREST;

    /** The longest duration a request may ask for under {@link #NEAREST}; longer answers are refused, not snapped. */
    public static final int MAX_REQUESTED_SECONDS = 600;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DurationPolicy> parse(String wire) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(wire)).findFirst();
    }

    /** The duration to make of {@code requested} whole seconds among {@code allowed} (ascending), if any. */
    public Optional<Integer> choose(List<Integer> allowed, int requested) {
        if (allowed.contains(requested)) return Optional.of(requested);
        if (this == EXACT || requested < 1 || requested > MAX_REQUESTED_SECONDS) return Optional.empty();
        int best = allowed.getFirst();
        for (int d : allowed) {
            if (Math.abs(d - requested) <= Math.abs(best - requested)) best = d; // ascending: a tie goes to the longer
        }
        return Optional.of(best);
    }

    /** {@link #NEAREST} only when both snap: one exact channel means a duration must be made as asked. */
    DurationPolicy and(DurationPolicy other) {
        return this == NEAREST && other == NEAREST ? NEAREST : EXACT;
    }
}
