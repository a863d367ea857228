package dev.vidgate.jobs;

import dev.vidgate.video.JobStore;
import dev.vidgate.storage.ContentStore;
import dev.vidgate.video.Variant;
import dev.vidgate.video.Video;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Supplier;

/**
 * Deletes the files jobs leave: the content of videos past their {@code expires_at}, and the reference image
 * and any partial output of failed and cancelled jobs, which nothing reads again (the job records stay); and,
 * less often, what uploads cut short by a crash left in the content store.
 */
public final class ExpirySweeper {
    private static final Logger log = LoggerFactory.getLogger(ExpirySweeper.class);
    private static final int BATCH = 500;

    private final JobStore jobs;
    private final ContentStore content;
    private final InstantSource clock;
    private final Duration strayAfter;

    /** @param strayAfter how long a temporary file must have been left untouched before it counts as stray */
    public ExpirySweeper(JobStore jobs, ContentStore content, InstantSource clock, Duration strayAfter) {
        this.jobs = jobs;
        this.content = content;
        this.clock = clock;
        this.strayAfter = strayAfter;
    }

    /** One pass over expired, failed and cancelled jobs; returns how many jobs' files it deleted. Never throws. */
    public int sweepOnce() {
        return sweep("expiry", () -> jobs.findExpired(clock.instant(), BATCH))
                + sweep("sweep of failed and cancelled jobs", () -> jobs.findEndedUnswept(BATCH));
    }

    /** Deletes the content store's stray temporary files; returns how many. Never throws. */
    public int sweepStrayFiles() {
        try {
            return content.deleteStrayUploads(clock.instant().minus(strayAfter));
        } catch (RuntimeException e) {
            log.warn("sweep of stray temporary files failed; it is tried again on the next sweep", e);
            return 0;
        }
    }

    private int sweep(String what, Supplier<List<Video>> due) {
        List<Video> marked;
        try {
            // Mark first, the whole batch in one transaction: from its commit on nobody is offered the content, so
            // deleting it is safe. A job that changed meanwhile is not marked, and its files stay.
            marked = jobs.markContentExpired(due.get());
        } catch (RuntimeException e) {
            log.warn("{} failed; it is tried again on the next sweep", what, e);
            return 0;
        }
        int swept = 0;
        for (Video video : marked) {
            try {
                deleteFiles(video);
                swept++;
            } catch (RuntimeException e) {
                log.warn("{} of job {} failed; its content is no longer offered, its files stay", what, video.id(), e);
            }
        }
        return swept;
    }

    private void deleteFiles(Video video) {
        for (Variant v : Variant.values()) content.delete(video.storageKey(v));
        content.delete(video.referenceKey());
        if (video.source() != null) content.delete(video.sourceKey()); // an edit's or extension's footage
    }
}
