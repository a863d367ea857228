package dev.vidgate.engine.relay;

import dev.vidgate.common.LoopErrors;
import dev.vidgate.engine.EngineStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Keeps every tracked upstream job fresh. Each job has a due time in its channel's queue; one loop per
 * channel takes due jobs in order, waits for the channel's pace (requests per second, connections)
 * and polls each on its own virtual thread, so thousands of jobs are polled in parallel yet no
 * channel is asked faster than configured. After a poll the next due time follows the upstream's
 * {@code openai-poll-after-ms}, else its progress (sooner as the end nears) or a growing back-off,
 * always between the minimum and maximum poll interval. Deadlines (a job that never finishes, an
 * unknown status that persists, an upstream that stays unreachable or forgets the job) end a job as
 * failed. Loops catch everything, log it with the job id, and never die.
 */
final class Poller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    private static final int NOT_FOUND_LIMIT = 3;

    private final RelaySettings settings;
    private final InstantSource clock;
    private final Downloader downloader;
    private final Consumer<TrackedJob> cancelUpstream;
    private final ExecutorService tasks = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("relay-task-", 0).factory());
    private final List<Thread> loops = new ArrayList<>();
    private final AtomicInteger activeTasks = new AtomicInteger();
    private volatile boolean running = true;
    private final LoopErrors errors;

    /** @param cancelUpstream asked to stop an upstream job the relay gave up on (past its deadline) */
    Poller(RelaySettings settings, InstantSource clock, Downloader downloader, Consumer<TrackedJob> cancelUpstream,
           LoopErrors errors) {
        this.errors = errors;
        this.settings = settings;
        this.clock = clock;
        this.downloader = downloader;
        this.cancelUpstream = cancelUpstream;
    }

    void start(Collection<Channel> channels) {
        for (Channel channel : channels) {
            loops.add(Thread.ofVirtual().name("relay-poll-" + channel.name()).start(() -> loop(channel)));
        }
    }

    /** Starts following {@code job}; {@code first} is what the upstream said when it took the job (or null). */
    void track(TrackedJob job, UpstreamVideo first) {
        job.intervalNanos = settings.pollInterval().toNanos();
        if (first != null) apply(job, first, null);
        if (job.stage() == TrackedJob.Stage.POLLING) {
            job.dueIn(first == null ? 0 : job.intervalNanos);
            job.channel.due().add(job);
        }
    }

    /**
     * Asks about {@code job} now rather than at its next turn (a callback said it may be done); while a poll of it is in
     * flight (whose answer may predate the callback), the poll after it is due at once.
     */
    void pollNow(TrackedJob job) {
        if (job.stage() != TrackedJob.Stage.POLLING) return;
        job.hurried = true;
        if (job.channel.due().remove(job)) {
            job.hurried = false;
            job.dueIn(0);
            job.channel.due().add(job);
        }
    }

    /** Tasks (polls, downloads, upstream cancels) running now; zero when the relay is idle. */
    int activeTasks() { return activeTasks.get(); }

    /** Runs {@code work} on its own virtual thread, counted, logged with the job id if it throws. */
    void run(String jobId, String what, Interruptible work) {
        activeTasks.incrementAndGet();
        try {
            tasks.execute(() -> {
                try {
                    work.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable t) {
                    log.error("job {}: {} failed unexpectedly", jobId, what, t);
                    errors.caught("relay-task");
                } finally {
                    activeTasks.decrementAndGet();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            activeTasks.decrementAndGet(); // shutting down
        }
    }

    interface Interruptible {
        void run() throws Exception;
    }

    private void loop(Channel channel) {
        while (running) {
            try {
                TrackedJob job = channel.due().take();
                if (job.stage() != TrackedJob.Stage.POLLING) continue;
                Channel.Permit permit = channel.pace();
                run(job.jobId, "poll", () -> {
                    try (permit) {
                        pollOnce(job);
                    } finally {
                        if (running && job.stage() == TrackedJob.Stage.POLLING) {
                            job.dueIn(job.hurried ? 0 : job.intervalNanos);
                            job.hurried = false;
                            channel.due().add(job);
                        }
                    }
                });
            } catch (InterruptedException e) {
                return;
            } catch (Throwable t) {
                log.error("channel {}: poll loop error; continuing", channel.name(), t);
                errors.caught("relay-poll");
            }
        }
    }

    private void pollOnce(TrackedJob job) throws InterruptedException {
        try {
            ProviderClient.Polled polled = job.channel.client().retrieve(job.upstreamId);
            job.notFoundStreak = 0;
            job.failingSince = null;
            apply(job, polled.video(), polled.pollAfter());
        } catch (UpstreamException e) {
            pollFailed(job, e);
        }
        Instant now = clock.instant();
        if (job.stage() == TrackedJob.Stage.POLLING && job.deadline != null && now.isAfter(job.deadline)) {
            giveUp(job, new EngineStatus.Failed("upstream_timeout", "The provider did not finish the video within "
                    + settings.jobTimeout().toMinutes() + " minutes.", false));
        }
    }

    /** Acts on what the upstream said about the job. */
    void apply(TrackedJob job, UpstreamVideo video, Duration pollAfter) {
        Instant now = clock.instant();
        if (video.createdAt() != null && job.lastProgress < 0) {
            Instant created = Instant.ofEpochSecond(video.createdAt());
            if (created.isBefore(now)) job.deadline = created.plus(settings.jobTimeout());
        }
        if (video.phase().working() || video.phase() == UpstreamPhase.SUCCEEDED) job.seenAlive = true;
        switch (video.phase()) {
            case QUEUED, RUNNING -> {
                job.unknownSince = null;
                if (video.progress() != null) job.progress(video.progress());
                nextInterval(job, video.progress(), pollAfter);
            }
            case UNKNOWN -> {
                if (job.unknownSince == null || !String.valueOf(video.rawStatus()).equals(job.unknownStatus)) {
                    log.warn("job {}: channel {} reports the unknown status '{}'; treating it as in progress for up to {} minutes",
                            job.jobId, job.channel.name(), video.rawStatus(), settings.unknownStatusTimeout().toMinutes());
                    if (job.unknownSince == null) job.unknownSince = now;
                    job.unknownStatus = String.valueOf(video.rawStatus());
                }
                if (video.progress() != null) job.progress(video.progress());
                nextInterval(job, video.progress(), pollAfter);
                if (now.isAfter(job.unknownSince.plus(settings.unknownStatusTimeout()))) {
                    giveUp(job, new EngineStatus.Failed("upstream_status_unknown", "The provider kept reporting the status '"
                            + ErrorText.clean(job.unknownStatus) + "', which Vidgate does not know, for more than "
                            + settings.unknownStatusTimeout().toMinutes() + " minutes.", true));
                }
            }
            case SUCCEEDED -> {
                if (job.startDownload()) run(job.jobId, "download", () -> downloader.fetch(job, video));
            }
            case FAILED -> finish(job, failureOf(video));
            case CANCELLED -> finish(job, new EngineStatus.Failed("upstream_cancelled", "The provider cancelled the video.", true));
            case DELETED -> finish(job, new EngineStatus.Failed("upstream_lost", "The provider no longer has the video.", true));
        }
    }

    private void pollFailed(TrackedJob job, UpstreamException e) {
        Instant now = clock.instant();
        switch (e.kind()) {
            case RATE_LIMITED -> job.channel.pause(e.retryAfter() != null ? e.retryAfter() : Duration.ofSeconds(2));
            case NOT_FOUND -> {
                if (++job.notFoundStreak >= NOT_FOUND_LIMIT) {
                    finish(job, new EngineStatus.Failed("upstream_lost", "The provider no longer knows the video.", true));
                }
            }
            default -> {
                if (job.failingSince == null) job.failingSince = now;
                job.intervalNanos = Math.min(settings.maxPollInterval().toNanos(), job.intervalNanos * 2);
                if (now.isAfter(job.failingSince.plus(settings.unknownStatusTimeout()))) {
                    giveUp(job, new EngineStatus.Failed("upstream_unreachable", "The provider could not be asked about the video for "
                            + settings.unknownStatusTimeout().toMinutes() + " minutes: " + e.getMessage(), true));
                }
            }
        }
    }

    /**
     * The next gap: the upstream's hint if it gave one; else, while progress moves, half the time the
     * current rate needs to reach 100; else one and a half times the last gap. Always within bounds.
     */
    private void nextInterval(TrackedJob job, Integer progress, Duration pollAfter) {
        long min = settings.pollInterval().toNanos();
        long max = settings.maxPollInterval().toNanos();
        long now = System.nanoTime();
        long next;
        if (pollAfter != null) {
            next = pollAfter.toNanos();
        } else if (progress != null && job.lastProgress >= 0 && progress > job.lastProgress) {
            double perNano = (progress - job.lastProgress) / (double) Math.max(1, now - job.lastProgressNanos);
            next = (long) ((100 - progress) / perNano / 2);
        } else {
            next = job.intervalNanos + job.intervalNanos / 2;
        }
        if (progress != null && progress != job.lastProgress) {
            job.lastProgress = progress;
            job.lastProgressNanos = now;
        } else if (job.lastProgress < 0) {
            job.lastProgress = 0;
            job.lastProgressNanos = now;
        }
        job.intervalNanos = Math.max(min, Math.min(max, next));
    }

    private EngineStatus.Failed failureOf(UpstreamVideo video) {
        String message = video.errorMessage() != null ? "The provider could not generate the video: " + video.errorMessage()
                : "The provider could not generate the video.";
        String code = video.errorCode() != null ? video.errorCode() : "upstream_failed";
        boolean permanent = code.contains("moderation") || code.contains("policy") || code.contains("safety") || code.startsWith("invalid");
        return new EngineStatus.Failed(code, message, !permanent);
    }

    private void finish(TrackedJob job, EngineStatus.Failed failed) {
        if (job.resumed && !job.seenAlive) {
            // A handle from before a restart or a requeue whose upstream job had already ended badly: a retry
            // is due, not another report of the old failure (which would use up attempts without trying).
            if (job.lose(clock.instant())) {
                log.info("job {}: its earlier upstream job on channel {} had ended ({}); it will be started again",
                        job.jobId, job.channel.name(), failed.code());
            }
            return;
        }
        if (job.fail(failed, clock.instant())) {
            log.warn("job {}: failed at channel {} ({}: {})", job.jobId, job.channel.name(), failed.code(), failed.message());
        }
    }

    /** Fails a job the relay stops waiting for, and tells the upstream to stop too. */
    private void giveUp(TrackedJob job, EngineStatus.Failed failed) {
        if (job.fail(failed, clock.instant())) {
            log.warn("job {}: giving up on channel {} ({}: {})", job.jobId, job.channel.name(), failed.code(), failed.message());
            cancelUpstream.accept(job);
        }
    }

    @Override
    public void close() {
        running = false;
        loops.forEach(Thread::interrupt);
        tasks.shutdownNow();
        try {
            if (!tasks.awaitTermination(10, TimeUnit.SECONDS)) log.warn("relay tasks still running after shutdown");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
