package dev.vidgate.cluster;

import java.time.Duration;
import java.time.Instant;

/**
 * Who runs each periodic duty (the expiry sweep, reconciliation, ...) right now, so that among all
 * nodes sharing one database exactly one runs it at a time.
 *
 * <p>Contract, checked by {@code DutyLeasesContract} on every adapter:
 * <ul>
 *   <li>{@link #tryHold} grants the duty to {@code node} if nobody holds it, if {@code node} already
 *       holds it (the lease is then renewed), or if the holder's lease ended before {@code now}.
 *       Otherwise it answers false and changes nothing.</li>
 *   <li>Two nodes racing for a free duty: exactly one wins.</li>
 *   <li>{@link #release} gives up the duty only if {@code node} holds it.</li>
 * </ul>
 * Nodes pass times of their clock, which in production is the database's (see
 * {@link DatabaseCorrectedClock}), so skewed node clocks agree.
 */
public interface DutyLeases {

    /** Takes or renews {@code duty} for {@code node} until {@code now + ttl}; false if another node holds it. */
    boolean tryHold(String duty, String node, Instant now, Duration ttl);

    /** Lets another node take {@code duty} at once (on shutdown). */
    void release(String duty, String node);
}
