package dev.vidgate.jobs;

import dev.vidgate.video.JobStore;
import dev.vidgate.common.TransientException;
import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineOutput;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.health.StorageHealth;
import dev.vidgate.storage.ContentStore;
import dev.vidgate.video.ProviderUsage;
import dev.vidgate.video.Variant;
import dev.vidgate.video.Video;
import dev.vidgate.video.VideoOptions;
import dev.vidgate.video.VideoError;
import dev.vidgate.video.VideoStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.InputStream;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** Drives one claimed job on its engine until it completes, fails, or stops being ours. */
final class JobRunner {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    /** The error code of a job that storage faults kept from finishing. */
    static final String STORAGE_UNAVAILABLE = "storage_unavailable";

    private final JobStore jobs;
    private final ContentStore content;
    private final InstantSource clock;
    private final Pacer pacer;
    private final DispatcherSettings settings;
    private final Duration retention;
    private final StorageHealth storage;

    /** No characters: a prompt's names mean nothing. */
    static final BiFunction<String, String, Optional<byte[]>> NO_CAST = (tenant, prompt) -> Optional.empty();

    private final BiFunction<String, String, Optional<byte[]>> cast;

    JobRunner(JobStore jobs, ContentStore content, InstantSource clock, Pacer pacer, DispatcherSettings settings, Duration retention,
              StorageHealth storage) {
        this(jobs, content, clock, pacer, settings, retention, storage, NO_CAST);
    }

    /** @param cast the picture of a character the tenant's prompt names ({@code (tenantId, prompt)}), handed to the engine */
    JobRunner(JobStore jobs, ContentStore content, InstantSource clock, Pacer pacer, DispatcherSettings settings, Duration retention,
              StorageHealth storage, BiFunction<String, String, Optional<byte[]>> cast) {
        this.cast = cast;
        this.storage = storage;
        this.jobs = jobs;
        this.content = content;
        this.clock = clock;
        this.pacer = pacer;
        this.settings = settings;
        this.retention = retention;
    }

    void run(Video claimed, Engine engine, JobControl control) throws InterruptedException {
        GenerationRequest request = requestFor(claimed);
        String handle = claimed.engineHandle() != null ? claimed.engineHandle() : start(engine, request, claimed);
        int recordedProgress = claimed.progress();
        while (true) {
            if (control.stopRequested()) {
                engine.cancel(handle);
                return;
            }
            EngineStatus status = engine.check(request, handle);
            switch (status) {
                case EngineStatus.Running running -> {
                    // Written only when it moves: thousands of remote jobs must not mean thousands of writes a second.
                    if (running.progress() > recordedProgress) {
                        String runningHandle = handle;
                        Boolean stillOurs = bestEffort(() -> jobs.recordProgress(claimed.id(), settings.workerId(), running.progress(), runningHandle),
                                claimed, "record progress");
                        if (Boolean.FALSE.equals(stillOurs)) {
                            log.info("job {} is no longer ours (cancelled or reclaimed); stopping its engine work", claimed.id());
                            engine.cancel(handle);
                            return;
                        }
                        if (stillOurs != null) recordedProgress = running.progress();
                    }
                }
                case EngineStatus.Done done -> {
                    finish(claimed, engine, handle, done.output());
                    return;
                }
                case EngineStatus.Failed failed -> {
                    giveUpOrRetry(claimed, failed);
                    engine.release(handle);
                    return;
                }
                case EngineStatus.Waiting waiting -> {
                    Instant now = clock.instant();
                    log.info("job {}: {}; queued again, to start at {}", claimed.id(), waiting.reason(), now.plus(waiting.retryAfter()));
                    engine.release(handle);
                    persistently(() -> jobs.postpone(claimed, now, now.plus(waiting.retryAfter())), claimed, "queue it again");
                    return;
                }
                case EngineStatus.Lost lost -> {
                    log.info("engine lost job {}; starting it again", claimed.id());
                    handle = start(engine, request, claimed);
                }
            }
            pacer.pause(engine.checkInterval());
        }
    }

    private String start(Engine engine, GenerationRequest request, Video claimed) {
        String handle = engine.start(request);
        jobs.recordProgress(claimed.id(), settings.workerId(), 0, handle);
        return handle;
    }

    private void finish(Video claimed, Engine engine, String handle, EngineOutput output) throws InterruptedException {
        try {
            for (Variant variant : Variant.values()) {
                try (InputStream in = output.open(variant)) {
                    content.put(claimed.storageKey(variant), in);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (endedByInterrupt(e)) {
                // the node is stopping, and its interrupt ended a write (a file channel closes on it): not a storage
                // fault; the job keeps its lease and stores its output again when a node runs it (no deletes from an
                // interrupted thread: what was stored is overwritten then, and nothing serves an unfinished job's files)
                InterruptedException stop = new InterruptedException("stopped while storing the output of " + claimed.id());
                stop.initCause(e);
                throw stop;
            }
            log.warn("job {}: storing its output failed", claimed.id(), e);
            storage.writeFailed("content store", e);
            deleteVariants(claimed);
            giveUpOrRetry(claimed, new EngineStatus.Failed(STORAGE_UNAVAILABLE,
                    "The finished video could not be stored: the server's storage is failing. Please try again later.", true));
            engine.release(handle);
            return;
        }
        Instant now = clock.instant();
        ProviderUsage usage = reported(claimed, output.usage());
        Optional<Video> completed = persistently(() -> jobs.complete(claimed, output.deliveredSeconds(), usage,
                        output.adjustments(), now, now.plus(retention)),
                claimed, "record completion");
        if (completed.isPresent()) {
            log.info("job {} completed", claimed.id());
        } else {
            // Cancelled (or reclaimed) while we stored: the files belong to nobody.
            log.info("job {} changed state before completing; discarding its output", claimed.id());
            deleteVariants(claimed);
        }
        engine.release(handle);
    }

    /** The engine's usage as the job keeps it; a figure no provider could mean (negative, not a number) is dropped and logged. */
    private static ProviderUsage reported(Video job, EngineOutput.Usage usage) {
        if (usage == null) return ProviderUsage.NONE;
        Long tokens = usage.tokens() != null && usage.tokens() >= 0 ? usage.tokens() : null;
        Double seconds = usage.seconds() != null && usage.seconds() >= 0 && Double.isFinite(usage.seconds()) ? usage.seconds() : null;
        if (!Objects.equals(tokens, usage.tokens()) || !Objects.equals(seconds, usage.seconds())) {
            log.warn("job {}: the engine reported unusable usage (tokens {}, seconds {}); ignored", job.id(), usage.tokens(), usage.seconds());
        }
        return new ProviderUsage(tokens, seconds);
    }

    /**
     * Whether {@code failure} is this thread's interrupt ending a blocking call: the interrupt still set (a file channel
     * closed by it leaves it so), or an interruption somewhere in its causes.
     */
    private static boolean endedByInterrupt(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) return true;
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 16; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof InterruptedIOException || t instanceof ClosedByInterruptException) return true;
        }
        return false;
    }

    private void deleteVariants(Video video) {
        try {
            for (Variant v : Variant.values()) content.delete(video.storageKey(v));
        } catch (RuntimeException e) {
            // Left for a later overwrite: the job is not complete, so nobody is offered these files.
            log.warn("job {}: could not delete its partial output", video.id(), e);
        }
    }

    private void giveUpOrRetry(Video claimed, EngineStatus.Failed reported) {
        EngineStatus.Failed failed = blameStorageIfFailing(claimed, reported);
        if (failed.retryable() && claimed.attempts() < settings.maxAttempts()) {
            Instant now = clock.instant();
            // A storage fault gets time to pass (growing with every attempt) instead of using up the attempts at once.
            Instant notBefore = STORAGE_UNAVAILABLE.equals(failed.code()) ? now.plus(settings.storageRetryDelayAfter(claimed.attempts())) : now;
            log.warn("job {} failed transiently ({}: {}); queued again, to start at {}", claimed.id(), failed.code(), failed.message(), notBefore);
            persistently(() -> jobs.requeue(claimed, now, notBefore), claimed, "queue it again");
        } else {
            log.warn("job {} failed ({}: {})", claimed.id(), failed.code(), failed.message());
            persistently(() -> jobs.fail(claimed, new VideoError(failed.code(), failed.message()), clock.instant()), claimed, "record failure");
        }
    }

    /**
     * While this node's storage fails or is short of space, an engine's failure is most likely its scratch files or
     * output not fitting (a full disk reaches an encoder as an I/O error): it counts as a storage fault.
     */
    private EngineStatus.Failed blameStorageIfFailing(Video claimed, EngineStatus.Failed failed) {
        if (STORAGE_UNAVAILABLE.equals(failed.code())) return failed;
        Optional<String> problem = storage.problem();
        if (problem.isEmpty()) return failed;
        log.warn("job {} failed ({}: {}) while {}: counted as a storage fault", claimed.id(), failed.code(), failed.message(), problem.get());
        return new EngineStatus.Failed(STORAGE_UNAVAILABLE,
                "The video could not be made: the server's storage is failing. Please try again later.", true);
    }

    /** A write that may fail while the database restarts; null when it failed (the next one will tell). */
    private <T> T bestEffort(Supplier<T> write, Video job, String what) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            log.warn("job {}: could not {} ({}); carrying on", job.id(), what, e.getMessage());
            return null;
        }
    }

    /**
     * A write that decides the job's outcome: retried with backoff for up to a third of the lease,
     * while the lease still protects the job. If it still fails the lease runs out and another claim
     * runs the job again, which is safe: outcomes are compare-and-set.
     */
    private <T> T persistently(Supplier<T> write, Video job, String what) {
        Instant giveUp = clock.instant().plus(settings.lease().dividedBy(3));
        Duration pause = Duration.ofMillis(200);
        while (true) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (!clock.instant().plus(pause).isBefore(giveUp)) throw e;
                log.warn("job {}: could not {} ({}); retrying in {} ms", job.id(), what, e.getMessage(), pause.toMillis());
                try {
                    pacer.pause(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : pause.multipliedBy(2);
            }
        }
    }

    /** The request the job was created with, rebuilt from what is stored (after a restart, on another node alike). */
    private GenerationRequest requestFor(Video video) {
        byte[] reference = video.hasReference() ? image(video, video.referenceKey(), "reference image") : null;
        VideoOptions o = video.options();
        byte[] lastFrame = o.hasLastFrame() ? image(video, video.lastFrameKey(), "last frame") : null;
        var options = new GenerationRequest.Options(o.negativePrompt(), o.seed(), o.generateAudio(), lastFrame, video.jobSeed());
        var footage = video.source() == null ? null : new GenerationRequest.SourceFootage(video.source().isExtension(),
                video.source().seconds(), () -> openWhole(video.sourceKey()));
        return new GenerationRequest(video.id(), video.model(), video.size(), video.seconds(), video.prompt(), reference,
                remixSourceOf(video), options, footage, cast.apply(video.tenantId(), video.prompt()).orElse(null));
    }

    private byte[] image(Video video, String key, String what) {
        try (InputStream in = openWhole(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new TransientException("cannot read " + what + " of " + video.id(), e);
        }
    }

    /** The completed source of a remix, while its video is still stored; otherwise the remix renders afresh. */
    private GenerationRequest.RemixSource remixSourceOf(Video video) {
        if (video.remixedFromVideoId() == null) return null;
        return jobs.findById(video.remixedFromVideoId())
                .filter(source -> source.status() == VideoStatus.COMPLETED && !source.contentExpired())
                .map(source -> new GenerationRequest.RemixSource(source.id(), source.engine(), source.engineHandle(), source.prompt(),
                        () -> openWhole(source.storageKey(Variant.VIDEO))))
                .orElse(null);
    }

    private InputStream openWhole(String key) throws IOException {
        long size = content.size(key).orElseThrow(() -> new IOException("stored video " + key + " is missing"));
        return content.open(key, 0, size);
    }
}
