package dev.vidgate.jobs;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineOutput;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import dev.vidgate.storage.ContentStore;
import dev.vidgate.video.Variant;
import dev.vidgate.video.Video;
import dev.vidgate.video.VideoError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Drives one claimed job on its engine until it completes, fails, or stops being ours. */
final class JobRunner {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobStore jobs;
    private final ContentStore content;
    private final InstantSource clock;
    private final DispatcherSettings settings;
    private final Duration retention;

    JobRunner(JobStore jobs, ContentStore content, InstantSource clock, DispatcherSettings settings, Duration retention) {
        this.jobs = jobs;
        this.content = content;
        this.clock = clock;
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
                        if (!jobs.recordProgress(claimed.id(), settings.workerId(), running.progress(), handle)) {
                            log.info("job {} is no longer ours (cancelled or reclaimed); stopping its engine work", claimed.id());
                            engine.cancel(handle);
                            return;
                        }
                        recordedProgress = running.progress();
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
                case EngineStatus.Lost lost -> {
                    log.info("engine lost job {}; starting it again", claimed.id());
                    handle = start(engine, request, claimed);
                }
            }
            Thread.sleep(engine.checkInterval());
        }
    }

    private String start(Engine engine, GenerationRequest request, Video claimed) {
        String handle = engine.start(request);
        jobs.recordProgress(claimed.id(), settings.workerId(), 0, handle);
        return handle;
    }

    private void finish(Video claimed, Engine engine, String handle, EngineOutput output) {
        try {
            for (Variant variant : Variant.values()) {
                try (InputStream in = output.open(variant)) {
                    content.put(claimed.storageKey(variant), in);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("job {}: storing its output failed; it will be retried", claimed.id(), e);
            deleteVariants(claimed);
            jobs.requeue(claimed, clock.instant());
            return;
        }
        Instant now = clock.instant();
        if (jobs.complete(claimed, output.deliveredSeconds(), now, now.plus(retention)).isPresent()) {
            log.info("job {} completed", claimed.id());
        } else {
            // Cancelled (or reclaimed) while we stored: the files belong to nobody.
            log.info("job {} changed state before completing; discarding its output", claimed.id());
            deleteVariants(claimed);
        }
        engine.release(handle);
    }

    private void deleteVariants(Video video) {
        for (Variant v : Variant.values()) content.delete(video.storageKey(v));
    }

    private void giveUpOrRetry(Video claimed, EngineStatus.Failed failed) {
        if (failed.retryable() && claimed.attempts() < settings.maxAttempts()) {
            log.warn("job {} failed transiently ({}: {}); queued again", claimed.id(), failed.code(), failed.message());
            jobs.requeue(claimed, clock.instant());
        } else {
            log.warn("job {} failed ({}: {})", claimed.id(), failed.code(), failed.message());
            jobs.fail(claimed, new VideoError(failed.code(), failed.message()), clock.instant());
        }
    }

    private GenerationRequest requestFor(Video video) {
        byte[] reference = null;
        if (video.hasReference()) {
            try (InputStream in = openWhole(video.referenceKey())) {
                reference = in.readAllBytes();
            } catch (IOException e) {
                throw new dev.vidgate.common.TransientException("cannot read reference image of " + video.id(), e);
            }
        }
        return new GenerationRequest(video.id(), video.model(), video.size(), video.seconds(), video.prompt(), reference,
                remixSourceOf(video));
    }

    /** The completed source of a remix, while its video is still stored; otherwise the remix renders afresh. */
    private GenerationRequest.RemixSource remixSourceOf(Video video) {
        if (video.remixedFromVideoId() == null) return null;
        return jobs.findById(video.remixedFromVideoId())
                .filter(source -> source.status() == dev.vidgate.video.VideoStatus.COMPLETED && !source.contentExpired())
                .map(source -> new GenerationRequest.RemixSource(source.id(), source.engine(), source.engineHandle(), source.prompt(),
                        () -> openWhole(source.storageKey(Variant.VIDEO))))
                .orElse(null);
    }

    private InputStream openWhole(String key) throws IOException {
        long size = content.size(key).orElseThrow(() -> new IOException("stored video " + key + " is missing"));
        return content.open(key, 0, size);
    }
}
