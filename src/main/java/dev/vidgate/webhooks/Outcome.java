package dev.vidgate.webhooks;

import java.time.Instant;

/** What an attempt leaves a delivery as. */
public sealed interface Outcome {
    /** A 2xx: done. */
    record Delivered(Instant at) implements Outcome {}

    /** Not acknowledged: tried again at {@code at}. */
    record Retry(Instant at) implements Outcome {}

    /** Not acknowledged, and the retry window ran out: failed for good. */
    record GaveUp() implements Outcome {}
}
