package dev.vidgate.webhooks;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try a delivery again: 5 s after the first failed attempt, doubling up to 12 h between attempts, each delay
 * drawn from [0.5, 1.0] of its step (jitter, so receivers that come back are not hit by every retry at once).
 */
final class Backoff {
    private static final Duration FIRST = Duration.ofSeconds(5);
    private static final Duration LONGEST = Duration.ofHours(12);

    private final RandomGenerator random;

    Backoff(RandomGenerator random) {
        this.random = random;
    }

    /** The delay after the {@code failedAttempts}th failed attempt (1 for the first). */
    Duration after(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 20);
        long step = Math.min(FIRST.toMillis() << doublings, LONGEST.toMillis());
        return Duration.ofMillis(step / 2 + (long) (random.nextDouble() * (step / 2.0)));
    }
}
