package dev.vidgate.engine.relay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Keeps new jobs away from a failing channel. After {@code threshold} consecutive failures the
 * circuit opens for a cool-down; then one trial submit may pass (half open): success closes it,
 * failure opens it again for twice as long (at most ten cool-downs). Any success closes it.
 * Polls of jobs already on the channel are not gated; their outcomes count like any other.
 */
final class CircuitBreaker {
    private static final Logger log = LoggerFactory.getLogger(CircuitBreaker.class);

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final String channel;
    private final int threshold;
    private final Duration cooldown;
    private final InstantSource clock;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Duration currentCooldown;
    private Instant openUntil;
    private boolean trialOut;

    CircuitBreaker(String channel, int threshold, Duration cooldown, InstantSource clock) {
        this.channel = channel;
        this.threshold = threshold;
        this.cooldown = cooldown;
        this.currentCooldown = cooldown;
        this.clock = clock;
    }

    /** Whether a new job may be sent now; in half-open state only one caller gets {@code true}. */
    synchronized boolean tryAcquireSubmit() {
        if (state == State.OPEN && !clock.instant().isBefore(openUntil)) {
            state = State.HALF_OPEN;
            trialOut = false;
            log.info("channel {}: circuit half open; the next job is a trial", channel);
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialOut) yield false;
                trialOut = true;
                yield true;
            }
        };
    }

    /** Whether submits are possible now or soon (closed, or half open with no trial out). */
    synchronized boolean admitsSubmits() {
        return state == State.CLOSED || (state == State.OPEN && !clock.instant().isBefore(openUntil))
                || (state == State.HALF_OPEN && !trialOut);
    }

    synchronized void success() {
        consecutiveFailures = 0;
        if (state != State.CLOSED) {
            log.info("channel {}: circuit closed again; it takes new jobs", channel);
            state = State.CLOSED;
            currentCooldown = cooldown;
            openUntil = null;
        }
    }

    synchronized void failure(String reason) {
        consecutiveFailures++;
        if (state == State.HALF_OPEN) {
            Duration doubled = currentCooldown.multipliedBy(2);
            Duration max = cooldown.multipliedBy(10);
            open(doubled.compareTo(max) > 0 ? max : doubled, reason);
        } else if (state == State.CLOSED && consecutiveFailures >= threshold) {
            open(cooldown, reason);
        }
    }

    private void open(Duration forHowLong, String reason) {
        state = State.OPEN;
        currentCooldown = forHowLong;
        openUntil = clock.instant().plus(forHowLong);
        trialOut = false;
        log.warn("channel {}: circuit open for {}s after {} consecutive failures (last: {}); new jobs go elsewhere",
                channel, forHowLong.toSeconds(), consecutiveFailures, reason);
    }

    synchronized State state() { return state; }

    /** When an open circuit admits a trial, or {@code null}. */
    synchronized Instant openUntil() { return state == State.OPEN ? openUntil : null; }
}
