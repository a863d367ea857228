package dev.vidgate.tenancy;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per minute per key, on this node: a sliding window of the last 60 seconds kept in one-second
 * buckets, so memory per key is constant whatever its limit. Refused requests are not counted, so a
 * client that retries after the answered delay gets through. With several nodes behind a balancer,
 * each node counts on its own (a key may reach its limit once per node).
 */
public final class RequestRateLimiter {
    private static final int WINDOW_SECONDS = 60;
    private static final int MAX_KEYS = 100_000;

    private final InstantSource clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RequestRateLimiter(InstantSource clock) {
        this.clock = clock;
    }

    /**
     * Counts one request of a key against {@code limit}. Empty when it is allowed; otherwise how long
     * until a request would be allowed again (and the request is not counted).
     */
    public Optional<Refusal> tryAcquire(String keyId, int limit) {
        if (windows.size() >= MAX_KEYS && !windows.containsKey(keyId)) windows.clear();
        return windows.computeIfAbsent(keyId, k -> new Window()).tryAcquire(clock.millis(), limit);
    }

    /** A refused request: how many were made in the window, and when the next one would be allowed. */
    public record Refusal(int used, Duration retryAfter) {}

    private static final class Window {
        private final long[] second = new long[WINDOW_SECONDS];
        private final int[] count = new int[WINDOW_SECONDS];

        synchronized Optional<Refusal> tryAcquire(long nowMillis, int limit) {
            long now = Math.floorDiv(nowMillis, 1000);
            int used = 0;
            for (int i = 0; i < WINDOW_SECONDS; i++) {
                if (second[i] > now - WINDOW_SECONDS) used += count[i];
            }
            if (used < limit) {
                int slot = (int) Math.floorMod(now, WINDOW_SECONDS);
                if (second[slot] != now) {
                    second[slot] = now;
                    count[slot] = 0;
                }
                count[slot]++;
                return Optional.empty();
            }
            return Optional.of(new Refusal(used, Duration.ofMillis(millisUntilRoom(now, nowMillis, used, limit))));
        }

        /** Oldest buckets leave the window first; wait until enough of them left for one more request. */
        private long millisUntilRoom(long now, long nowMillis, int used, int limit) {
            int remaining = used;
            for (long s = now - WINDOW_SECONDS + 1; s <= now; s++) {
                int slot = (int) Math.floorMod(s, WINDOW_SECONDS);
                if (second[slot] != s) continue;
                remaining -= count[slot];
                if (remaining < limit) return Math.max(1, (s + WINDOW_SECONDS) * 1000 - nowMillis);
            }
            return WINDOW_SECONDS * 1000L;
        }
    }
}
