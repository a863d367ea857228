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
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_KEYS = 100_000;

    private final InstantSource clock;
    private final ConcurrentHashMap<String, SlidingWindow> windows = new ConcurrentHashMap<>();

    public RequestRateLimiter(InstantSource clock) {
        this.clock = clock;
    }

    /**
     * Counts one request of a key against {@code limit}. Empty when it is allowed; otherwise how long
     * until a request would be allowed again (and the request is not counted).
     */
    public Optional<Refusal> tryAcquire(String keyId, int limit) {
        if (windows.size() >= MAX_KEYS && !windows.containsKey(keyId)) windows.clear();
        SlidingWindow window = windows.computeIfAbsent(keyId, k -> new SlidingWindow(WINDOW));
        long now = clock.millis();
        return window.tryAdd(now, limit).map(retryAfter -> new Refusal(window.used(now), retryAfter));
    }

    /** A refused request: how many were made in the window, and when the next one would be allowed. */
    public record Refusal(int used, Duration retryAfter) {}
}
