package dev.vidgate.common;

import java.util.function.Function;

/**
 * One field of a partial update: either left as it is, or set to a value, where {@code null} means
 * "clear it" (for example: no expiry, no limit). Lets an update say "remove the limit" apart from
 * "do not touch the limit".
 */
public record Change<T>(boolean present, T value) {
    private static final Change<?> KEEP = new Change<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> Change<T> keep() {
        return (Change<T>) KEEP;
    }

    public static <T> Change<T> to(T value) {
        return new Change<>(true, value);
    }

    /** The new value if this change sets one, else {@code current}. */
    public T orElse(T current) {
        return present ? value : current;
    }

    public <R> Change<R> map(Function<T, R> f) {
        return present ? Change.to(value == null ? null : f.apply(value)) : keep();
    }
}
