package dev.vidgate.video;


import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Durable storage of video jobs and the only place their state changes.
 *
 * <p>Contract, shared by every adapter and checked by {@code JobStoreContract}:
 * <ul>
 *   <li>Every state change is a compare-and-set on the job's {@code version} and is allowed only if
 *       {@link VideoStatus#canBecome} says so. A lost race answers {@link Optional#empty()} or
 *       {@code false}; it is a normal outcome, never an exception. Each winning change increments
 *       {@code version}.</li>
 *   <li>Reads by tenant never return another tenant's jobs.</li>
 *   <li>{@link #claimNext} hands a job to exactly one worker at a time. It takes a queued job, or an
 *       in-progress job whose lease has run out (its worker died), so work survives crashes. It never
 *       lets a key hold more claimed jobs than that key's concurrency limit, serves each key's jobs
 *       first in first out, and prefers keys with fewer running jobs so that keys share workers
 *       fairly.</li>
 *   <li>Every winning insert and every winning move to a final state runs the configured
 *       {@link TransitionHook} in the same transaction; if the hook throws, the change does not
 *       happen.</li>
 *   <li>Every claim opens an attempt record (worker, start) and every change out of in-progress
 *       closes it; a claim of a job whose previous attempt is still open (its node died) closes that
 *       one as {@code lost} at the time its lease ran out, which is when it stopped counting against
 *       the key's limit. The records show that no key ever ran more jobs than its limit.</li>
 *   <li>Idempotency: {@link #insert} with an idempotency key already used by the same API key since
 *       {@code idempotencySince} returns the earlier job instead of inserting.</li>
 * </ul>
 */
public interface JobStore {

    /** Inserts a queued job, or returns the earlier job with the same idempotency key (see above). */
    Video insert(NewVideo video, Instant idempotencySince);

    Optional<Video> find(String tenantId, String id);

    /** Any tenant's job, for workers and sweepers. */
    Optional<Video> findById(String id);

    /**
     * A page of a tenant's jobs in creation order.
     *
     * @param afterId exclusive cursor: a job id of this tenant, or null to start at the beginning
     * @param limit   1..100
     */
    List<Video> list(String tenantId, String afterId, int limit, boolean ascending);

    /**
     * Claims the next job for {@code workerId}, leasing it until {@code now + lease}. Only jobs whose
     * engine is in {@code engines} (the engines this node has room on) are considered.
     */
    Optional<Video> claimNext(String workerId, Instant now, Duration lease, Set<String> engines);

    /**
     * Makes every lease held by {@code workerId} claimable at once. A node calls it on start with its
     * own stable id, so the jobs it held when it stopped resume without waiting for their leases.
     */
    int releaseLeases(String workerId);

    /**
     * Extends, in one go, the leases of the given in-progress jobs that {@code workerId} still holds,
     * and answers which those are: a job missing from the answer was cancelled or reclaimed, and its
     * worker stops.
     */
    Set<String> heartbeat(String workerId, Collection<String> ids, Instant leaseUntil);

    /**
     * Records progress and the engine handle of a job this worker holds in progress. Progress never
     * decreases. False if the worker no longer holds the job (cancelled, reclaimed).
     */
    boolean recordProgress(String id, String workerId, int progress, String engineHandle);

    /**
     * Records what the engine read in the job's prompt ({@link Video#promptReading()}), replacing an earlier reading; not a
     * state change (the version stays). A job that no longer exists is no error.
     */
    void recordPromptReading(String id, String reading);

    /**
     * How many jobs are in progress, on any node, whose engine handle starts with {@code handlePrefix} (a relay
     * channel's {@code <channel>/}): what a provider that counts running tasks per account sees of this gateway.
     */
    int countInProgressWithHandle(String handlePrefix);

    /** Moves {@code current} to completed with the seconds delivered and its expiry time; CAS on version. */
    default Optional<Video> complete(Video current, int deliveredSeconds, Instant completedAt, Instant expiresAt) {
        return complete(current, deliveredSeconds, ProviderUsage.NONE, completedAt, expiresAt);
    }

    /** Moves {@code current} to completed with the seconds delivered, its provider's usage and its expiry time; CAS on version. */
    default Optional<Video> complete(Video current, int deliveredSeconds, ProviderUsage usage, Instant completedAt, Instant expiresAt) {
        return complete(current, deliveredSeconds, usage, List.of(), completedAt, expiresAt);
    }

    /**
     * Moves {@code current} to completed with the seconds delivered, the usage its provider reported (which the
     * completed job carries, and billing settles on), what its engine changed of the output ({@code adjusted}, added
     * after the job's own adjustments) and its expiry time; CAS on version.
     */
    Optional<Video> complete(Video current, int deliveredSeconds, ProviderUsage usage, List<Adjustment> adjusted,
                             Instant completedAt, Instant expiresAt);

    /** Moves {@code current} to failed with {@code error}; CAS on version. */
    Optional<Video> fail(Video current, VideoError error, Instant at);

    /** Moves {@code current} to cancelled; CAS on version. */
    Optional<Video> cancel(Video current, Instant at);

    /** Puts an in-progress job back in line after a transient failure, forgetting its engine handle; CAS on version. */
    default Optional<Video> requeue(Video current, Instant at) {
        return requeue(current, at, at);
    }

    /**
     * As {@link #requeue(Video, Instant)}, but {@link #claimNext} leaves the job alone until {@code notBefore}
     * (a storage fault is given time to pass); meanwhile the key's younger jobs may go first.
     */
    Optional<Video> requeue(Video current, Instant at, Instant notBefore);

    /**
     * As {@link #requeue(Video, Instant, Instant)}, for work that could not even start (every provider was at its
     * limit): the claim does not count as an attempt, so waiting never uses up a job's attempts. The claim's record
     * in {@link #attemptsOfKey} goes with it. CAS on version, like every move.
     */
    Optional<Video> postpone(Video current, Instant at, Instant notBefore);

    /** Completed jobs whose content expired at or before {@code now} and is not yet marked expired. */
    List<Video> findExpired(Instant now, int limit);

    /**
     * Failed and cancelled jobs whose files are not yet marked deleted ({@link #markContentExpired}): nothing
     * reads their reference image or any partial output again.
     */
    List<Video> findEndedUnswept(int limit);

    /** Marks a completed job's content as expired, or a failed or cancelled job's files as deleted; CAS on version. */
    boolean markContentExpired(Video current);

    /**
     * {@link #markContentExpired(Video)} for many jobs in one transaction (the sweep's batch); answers the jobs whose mark
     * won, all durable when it returns. A job that changed meanwhile is left out, as in a lost race.
     */
    List<Video> markContentExpired(List<Video> due);

    /** Removes a finished job's record; CAS on version. */
    boolean delete(Video current);

    /** The attempts of the jobs of one API key, in start order (see the contract above). */
    List<JobAttempt> attemptsOfKey(String keyId);

    /** How many jobs of this API key are claimed (in progress) right now. */
    int countInProgress(String keyId);

    /**
     * Sets the running count per API key that claims choose keys by back to the key's jobs in progress, where they differ,
     * and returns how many keys it corrected. The store keeps those counts in the transactions that move jobs, so they
     * differ only after jobs moved behind its back: a node of a version before the counts, or a hand edit. A count too
     * high would keep its key from being chosen (a full key is passed over), so this runs periodically. Safe while jobs
     * move: a correction and a move of the same key are serialised, and neither loses the other.
     */
    int recountRunning();

    /**
     * The unfinished (queued and in-progress) jobs, counted per state, engine and API key; finished jobs are not
     * read, so the cost follows the jobs in flight, not the history.
     */
    List<ActiveJobs> countActive();
}
