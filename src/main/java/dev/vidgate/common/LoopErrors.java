package dev.vidgate.common;

/**
 * Hears of every error a background loop (dispatcher, periodic duty, relay poller) caught and carried on
 * from, so that a loop which keeps failing shows in the metrics and not only in the log.
 */
@FunctionalInterface
public interface LoopErrors {

    /** @param loop a fixed, short name of the loop, such as {@code dispatcher} or {@code expiry-sweep} */
    void caught(String loop);

    /** Hears nothing. */
    LoopErrors NONE = loop -> {};
}
