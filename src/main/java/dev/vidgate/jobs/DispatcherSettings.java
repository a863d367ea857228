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
 * @param storageRetryDelay how long a job waits before its second attempt after a storage fault; doubled for
 *                      every further attempt (at most an hour)
 */
public record DispatcherSettings(String workerId, Duration lease, Duration claimInterval, int maxAttempts,
                                 Duration storageRetryDelay) {
    private static final Duration MAX_STORAGE_RETRY_DELAY = Duration.ofHours(1);

    public DispatcherSettings(String workerId, Duration lease, Duration claimInterval, int maxAttempts) {
        this(workerId, lease, claimInterval, maxAttempts, Duration.ofSeconds(30));
    }

    /** The wait after a storage fault in the given attempt (1 for the first). */
    Duration storageRetryDelayAfter(int attempt) {
        Duration delay = storageRetryDelay.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        return delay.compareTo(MAX_STORAGE_RETRY_DELAY) > 0 ? MAX_STORAGE_RETRY_DELAY : delay;
    }

    public DispatcherSettings {
        if (claimInterval.compareTo(lease.dividedBy(3)) > 0) {
            throw new IllegalArgumentException("claimInterval must be at most a third of the lease");
        }
    }
}
