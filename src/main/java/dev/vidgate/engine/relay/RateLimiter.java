package dev.vidgate.engine.relay;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Paces requests to one channel: a token bucket of {@code perSecond} tokens with a tenth of a second
 * of burst, and a pause a 429 can impose. Callers reserve a slot and sleep until it comes, so callers
 * are served in the order they asked, without a queue of their own.
 */
final class RateLimiter {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long updatedNanos;
    private long pausedUntilNanos;

    RateLimiter(double perSecond) {
        this.perNano = perSecond / 1e9;
        this.burst = Math.max(1, perSecond / 10);
        this.tokens = burst;
        this.updatedNanos = System.nanoTime();
    }

    /** Waits for this caller's turn. */
    void acquire() throws InterruptedException {
        long wait = reserve(System.nanoTime());
        if (wait > 0) {
            long until = System.nanoTime() + wait;
            while (true) {
                long left = until - System.nanoTime();
                if (left <= 0) break;
                LockSupport.parkNanos(left);
                if (Thread.interrupted()) throw new InterruptedException();
            }
        }
    }

    /** Reserves one token; how long the caller must wait before using it. */
    synchronized long reserve(long now) {
        tokens = Math.min(burst, tokens + (now - updatedNanos) * perNano);
        updatedNanos = now;
        tokens -= 1;
        long tokenWait = tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
        return Math.max(tokenWait, pausedUntilNanos - now);
    }

    /** No request leaves before {@code pause} has passed (a 429 said so). */
    synchronized void pause(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        if (until - pausedUntilNanos > 0) pausedUntilNanos = until;
    }
}
