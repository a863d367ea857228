package dev.vidgate.jobs;

import java.time.Duration;

/**
 * How a node's workers take and run jobs.
 *
 * @param workerId      this node's stable id; leases carry it
 * @param slots         jobs this node runs at once
 * @param lease         how long a claim lasts without a heartbeat
 * @param claimInterval how often idle workers look for work when nobody wakes them
 * @param checkInterval how often a running job asks its engine for progress
 * @param maxAttempts   how many times a job is started before a transient failure fails it
 */
public record DispatcherSettings(String workerId, int slots, Duration lease, Duration claimInterval,
                                 Duration checkInterval, int maxAttempts) {}
