package dev.vidgate.engine.relay;

import dev.vidgate.engine.EngineStatus;

import java.time.Instant;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * One upstream job this node follows, keyed by its handle. {@link #status} answers
 * {@code Engine.check} from memory; the poller and downloader move it through its stages:
 * polling, downloading, then done, failed or cancelled, and finally released. Only the first move
 * out of an active stage counts, so racing finishes (a cancel during a download) are harmless.
 */
final class TrackedJob implements Delayed {

    enum Stage { POLLING, DOWNLOADING, DONE, FAILED, WAITING, CANCELLED, LOST, RELEASED }

    final String handle;
    final String jobId;
    final String upstreamId;
    final Channel channel;
    final int requestedSeconds;
    /** Followed from a handle an earlier process (or another node) made, not started here. */
    final boolean resumed;
    private volatile Stage stage;
    private volatile int progress;
    private volatile EngineStatus.Failed failure;
    private volatile EngineStatus.Waiting waiting;
    private volatile RelayOutput output;
    private volatile long lastCheckedNanos = System.nanoTime();
    private volatile long dueNanos;
    private volatile Instant endedAt;

    // Poll bookkeeping: touched only by the single poll (or download) in progress for this job.
    long intervalNanos;
    int lastProgress = -1;
    long lastProgressNanos;
    Instant deadline;
    Instant unknownSince;
    String unknownStatus;
    int notFoundStreak;
    Instant failingSince;
    /** Whether the upstream has reported this job as queued, running or done at least once. */
    boolean seenAlive;
    /** A callback came while a poll was in flight: the next poll is due at once, not after the interval. */
    volatile boolean hurried;

    TrackedJob(String handle, String jobId, String upstreamId, Channel channel, int requestedSeconds, Instant deadline) {
        this(handle, jobId, upstreamId, channel, requestedSeconds, deadline, false);
    }

    TrackedJob(String handle, String jobId, String upstreamId, Channel channel, int requestedSeconds, Instant deadline,
               boolean resumed) {
        this.resumed = resumed;
        this.handle = handle;
        this.jobId = jobId;
        this.upstreamId = upstreamId;
        this.channel = channel;
        this.requestedSeconds = requestedSeconds;
        this.deadline = deadline;
        this.stage = Stage.POLLING;
    }

    /** A job that failed before it reached any upstream. */
    static TrackedJob failedAtStart(String handle, String jobId, EngineStatus.Failed failure, Instant now) {
        TrackedJob job = new TrackedJob(handle, jobId, null, null, 0, now);
        job.stage = Stage.FAILED;
        job.failure = failure;
        job.endedAt = now;
        return job;
    }

    /** A job no channel could take yet because every provider answered with backpressure. */
    static TrackedJob waitingAtStart(String handle, String jobId, EngineStatus.Waiting waiting, Instant now) {
        TrackedJob job = new TrackedJob(handle, jobId, null, null, 0, now);
        job.stage = Stage.WAITING;
        job.waiting = waiting;
        job.endedAt = now;
        return job;
    }

    /** What {@code Engine.check} answers. */
    EngineStatus status() {
        lastCheckedNanos = System.nanoTime();
        return switch (stage) {
            case POLLING -> new EngineStatus.Running(Math.min(99, progress));
            case DOWNLOADING -> new EngineStatus.Running(99);
            case DONE -> new EngineStatus.Done(output);
            case FAILED -> failure;
            case WAITING -> waiting;
            case CANCELLED -> new EngineStatus.Failed("cancelled", "The video was cancelled.", false);
            case LOST, RELEASED -> new EngineStatus.Lost();
        };
    }

    Stage stage() { return stage; }

    boolean active() {
        Stage s = stage;
        return s == Stage.POLLING || s == Stage.DOWNLOADING;
    }

    /** Raises the progress (never lowers it). */
    void progress(int value) {
        if (value > progress) progress = value;
    }

    int progress() { return progress; }

    synchronized boolean startDownload() {
        if (stage != Stage.POLLING) return false;
        stage = Stage.DOWNLOADING;
        return true;
    }

    /** Completes with {@code output}; false (and the caller discards the output) if the job ended meanwhile. */
    synchronized boolean complete(RelayOutput done, Instant at) {
        if (!active()) return false;
        output = done;
        stage = Stage.DONE;
        ended(at);
        return true;
    }

    synchronized boolean fail(EngineStatus.Failed failed, Instant at) {
        if (!active()) return false;
        failure = failed;
        stage = Stage.FAILED;
        ended(at);
        return true;
    }

    /** The upstream job behind a resumed handle had already ended badly: the caller should start the job again. */
    synchronized boolean lose(Instant at) {
        if (!active()) return false;
        stage = Stage.LOST;
        ended(at);
        return true;
    }

    /** Cancels an active job; answers whether it was active (and so whether the upstream should hear of it). */
    synchronized boolean cancel(Instant at) {
        if (!active()) return false;
        stage = Stage.CANCELLED;
        ended(at);
        return true;
    }

    /** Marks the job released; returns the output whose files the caller deletes, or null. */
    synchronized RelayOutput release(Instant at) {
        RelayOutput held = output;
        if (active()) ended(at);
        output = null;
        stage = Stage.RELEASED;
        if (endedAt == null) endedAt = at;
        return held;
    }

    private void ended(Instant at) {
        endedAt = at;
        if (channel != null) channel.jobEnded();
    }

    Instant endedAt() { return endedAt; }

    long lastCheckedNanos() { return lastCheckedNanos; }

    void dueIn(long nanos) {
        dueNanos = System.nanoTime() + Math.max(0, nanos);
    }

    @Override
    public long getDelay(TimeUnit unit) {
        return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
        return Long.compare(dueNanos, ((TrackedJob) other).dueNanos);
    }
}
