package dev.vidgate.jobs;

import java.time.Duration;

/**
 * How a node's workers take and run jobs. How many jobs run at once is each engine's
 * {@link dev.vidgate.engine.Engine#capacity}.
 *
 * @param workerId      this node's stable id; leases carry it
 * @param lease         how long a claim lasts without a heartbeat
 * @param claimInterval how often idle workers look for work when nobody wakes them; also the
 *                      longest gap between two heartbeats, so a cancel reaches a running job this fast
 * @param maxAttempts   how many times a job is started before a transient failure fails it
 */
public record DispatcherSettings(String workerId, Duration lease, Duration claimInterval, int maxAttempts) {
    public DispatcherSettings {
        if (claimInterval.compareTo(lease.dividedBy(3)) > 0) {
            throw new IllegalArgumentException("claimInterval must be at most a third of the lease");
        }
    }
}
