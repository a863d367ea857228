package dev.vidgate.engine.builtin;

import dev.vidgate.engine.EngineOutput;
import dev.vidgate.engine.EngineStatus;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state of one handle in this process. State changes are synchronised on the job, so a
 * cancellation and the final commit of the files can never interleave: either the files are renamed
 * into place and the job is done (a later cancel is a no-op), or the commit sees the cancellation.
 */
final class RenderJob {
    enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /** Renames the finished files into place; called under the job's lock. */
    interface Commit {
        void run() throws IOException;
    }

    private final String handle;
    private final JobFiles files;
    private final int totalFrames;
    private final AtomicInteger progress = new AtomicInteger();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean cancelRequested;
    private volatile Future<?> future;
    private State state = State.QUEUED;
    private EngineStatus outcome;
    private long endedAtNanos;

    RenderJob(String handle, JobFiles files, int totalFrames) {
        this.handle = handle;
        this.files = files;
        this.totalFrames = Math.max(1, totalFrames);
    }

    String handle() { return handle; }

    JobFiles files() { return files; }

    Future<?> future() { return future; }

    void future(Future<?> future) { this.future = future; }

    /** Records that {@code done} frames are encoded; progress never goes down and stays below 100. */
    void framesDone(int done) {
        int p = (int) Math.min(99, (long) done * 99 / totalFrames);
        progress.accumulateAndGet(p, Math::max);
    }

    boolean isCancelRequested() { return cancelRequested; }

    synchronized EngineStatus status() {
        return switch (state) {
            case QUEUED, RUNNING -> new EngineStatus.Running(progress.get());
            case DONE, FAILED -> outcome;
            case CANCELLED -> new EngineStatus.Failed("cancelled", "the render was cancelled", false);
        };
    }

    synchronized boolean isActive() {
        return state == State.QUEUED || state == State.RUNNING;
    }

    /** True if the job ended (failed or cancelled, not done) more than {@code age} ago. */
    synchronized boolean endedUnsuccessfullyBefore(long nowNanos, Duration age) {
        return (state == State.FAILED || state == State.CANCELLED) && nowNanos - endedAtNanos > age.toNanos();
    }

    /** Moves a queued job to running; false if it was cancelled before it got a thread. */
    synchronized boolean markRunning() {
        if (state != State.QUEUED || cancelRequested) return false;
        state = State.RUNNING;
        return true;
    }

    /** Asks the job to stop; false if it already ended (then cancelling is a no-op). */
    synchronized boolean requestCancel() {
        if (!isActive()) return false;
        cancelRequested = true;
        return true;
    }

    /** Commits the files and marks the job done, unless it was cancelled meanwhile. */
    synchronized void complete(Commit commit, EngineOutput output) throws IOException {
        if (cancelRequested) throw new RenderCancelledException();
        commit.run();
        end(State.DONE, new EngineStatus.Done(output));
    }

    synchronized void fail(EngineStatus.Failed failure) {
        end(State.FAILED, failure);
    }

    synchronized void markCancelled() {
        end(State.CANCELLED, null);
    }

    private void end(State state, EngineStatus outcome) {
        this.state = state;
        this.outcome = outcome;
        this.endedAtNanos = System.nanoTime();
    }

    /** Called once by whoever last touches the job's files (the render task, or cancel for a queued job). */
    void finished() { finished.countDown(); }

    boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
