package dev.vidgate.video;

import java.time.Instant;

/**
 * One claim of a job by a worker.
 *
 * @param endedAt when it left in-progress ({@code lost}: when its lease ran out, after which it no longer
 *                counted against the key's limit); {@code null} while it runs
 * @param outcome the state it left for ({@code completed}, {@code failed}, {@code cancelled},
 *                {@code queued}), or {@code lost} when its node died and another claimed the job
 */
public record JobAttempt(String videoId, int attempt, String keyId, String worker, Instant startedAt, Instant endedAt, String outcome) {}
