package dev.vidgate.tenancy;

import java.time.Duration;
import java.util.Optional;

/**
 * Events of the last {@code window}, counted in 60 buckets of a sixtieth of it each, so memory is constant
 * whatever the count. Shared by the per-key request limit and the per-address wrong-key throttle.
 */
final class SlidingWindow {
    private static final int BUCKETS = 60;

    private final long bucketMillis;
    private final long[] bucket = new long[BUCKETS];
    private final int[] count = new int[BUCKETS];

    SlidingWindow(Duration window) {
        this.bucketMillis = Math.max(1, window.toMillis() / BUCKETS);
    }

    /** Counts one event unless {@code limit} are already in the window; then how long until one more fits. */
    synchronized Optional<Duration> tryAdd(long nowMillis, int limit) {
        Optional<Duration> full = whenRoom(nowMillis, limit);
        if (full.isEmpty()) add(nowMillis);
        return full;
    }

    /** Counts one event, however many are in the window. */
    synchronized void add(long nowMillis) {
        long now = Math.floorDiv(nowMillis, bucketMillis);
        int slot = (int) Math.floorMod(now, BUCKETS);
        if (bucket[slot] != now) {
            bucket[slot] = now;
            count[slot] = 0;
        }
        count[slot]++;
    }

    /** How many events are in the window. */
    synchronized int used(long nowMillis) {
        long now = Math.floorDiv(nowMillis, bucketMillis);
        int used = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (bucket[i] > now - BUCKETS) used += count[i];
        }
        return used;
    }

    /** Empty while fewer than {@code limit} events are in the window; otherwise how long until the oldest leave enough room for one. */
    synchronized Optional<Duration> whenRoom(long nowMillis, int limit) {
        int used = used(nowMillis);
        if (used < limit) return Optional.empty();
        long now = Math.floorDiv(nowMillis, bucketMillis);
        int remaining = used;
        for (long b = now - BUCKETS + 1; b <= now; b++) {
            int slot = (int) Math.floorMod(b, BUCKETS);
            if (bucket[slot] != b) continue;
            remaining -= count[slot];
            if (remaining < limit) return Optional.of(Duration.ofMillis(Math.max(1, (b + BUCKETS) * bucketMillis - nowMillis)));
        }
        return Optional.of(Duration.ofMillis(BUCKETS * bucketMillis));
    }
}
