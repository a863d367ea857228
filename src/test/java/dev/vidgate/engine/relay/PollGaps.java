package dev.vidgate.engine.relay;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What an upstream sees of the relay's polling: for every job, the time between two status requests,
 * as a histogram in 10 ms buckets (up to 60 s) with the overall maximum. Only gaps that start after
 * {@link #start} count, so a warm-up can be left out.
 */
final class PollGaps {
    private static final long BUCKET_NANOS = 10_000_000;
    private final AtomicLongArray buckets = new AtomicLongArray(6000);
    private final Map<String, Long> lastPoll = new ConcurrentHashMap<>();
    private final LongAdder polls = new LongAdder();
    private volatile long startNanos = Long.MAX_VALUE;

    /** Starts measuring now. */
    void start() {
        startNanos = System.nanoTime();
    }

    void polled(String jobId) {
        long now = System.nanoTime();
        Long before = lastPoll.put(jobId, now);
        if (now - startNanos < 0) return;
        polls.increment();
        if (before != null && before - startNanos >= 0) record(now - before);
    }

    private void record(long gapNanos) {
        buckets.incrementAndGet((int) Math.min(buckets.length() - 1, gapNanos / BUCKET_NANOS));
    }

    /** Polls seen since {@link #start}. */
    long polls() { return polls.sum(); }

    /** The longest any job has now gone unpolled (its gap is still open). */
    long longestOpenGapNanos() {
        long now = System.nanoTime();
        return lastPoll.values().stream().mapToLong(t -> now - t).max().orElse(0);
    }

    int jobsSeen() { return lastPoll.size(); }

    /** The gap (upper bucket edge, in ms) below which {@code fraction} of all gaps fall. */
    long percentileMillis(double fraction) {
        long total = 0;
        for (int i = 0; i < buckets.length(); i++) total += buckets.get(i);
        long wanted = (long) Math.ceil(total * fraction);
        long seen = 0;
        for (int i = 0; i < buckets.length(); i++) {
            seen += buckets.get(i);
            if (seen >= wanted && wanted > 0) return (i + 1) * BUCKET_NANOS / 1_000_000;
        }
        return 0;
    }

    long maxMillis() {
        for (int i = buckets.length() - 1; i >= 0; i--) {
            if (buckets.get(i) > 0) return (i + 1) * BUCKET_NANOS / 1_000_000;
        }
        return 0;
    }
}
