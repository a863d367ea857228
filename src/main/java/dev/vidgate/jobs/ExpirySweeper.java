package dev.vidgate.jobs;

import dev.vidgate.video.JobStore;
import dev.vidgate.storage.ContentStore;
import dev.vidgate.video.Video;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Supplier;

/**
 * Deletes the files jobs leave: everything a video stored (its variants, its reference image, its last frame, an edit's
 * footage) once it is past its {@code expires_at}, and everything a failed or cancelled job stored, which nothing reads
 * again (the job records stay); and, less often, what uploads cut short by a crash left in the content store.
 *
 * <p>A sweep works batch after batch until nothing more is due, so a backlog (after downtime, or a shortened retention)
 * goes in one run of the duty instead of a batch a minute; a run stops after its budget (the duty's interval), and the
 * duty waits its interval before the next. No pause between batches: measured at 200,000 jobs on PostgreSQL, pausing as
 * long as each batch took halved the sweep's rate and left the dispatcher's claims no faster.
 */
public final class ExpirySweeper {
    private static final Logger log = LoggerFactory.getLogger(ExpirySweeper.class);
    private static final int BATCH = 500;

    private final JobStore jobs;
    private final ContentStore content;
    private final InstantSource clock;
    private final Duration strayAfter;
    private final int batch;

    /** @param strayAfter how long a temporary file must have been left untouched before it counts as stray */
    public ExpirySweeper(JobStore jobs, ContentStore content, InstantSource clock, Duration strayAfter) {
        this(jobs, content, clock, strayAfter, BATCH);
    }

    /** As above, with {@code batch} jobs of each kind per batch (tests make a backlog of a few batches). */
    ExpirySweeper(JobStore jobs, ContentStore content, InstantSource clock, Duration strayAfter, int batch) {
        this.batch = batch;
        this.jobs = jobs;
        this.content = content;
        this.clock = clock;
        this.strayAfter = strayAfter;
    }

    /**
     * Sweeps batch after batch until nothing more is due, or until {@code budget} has passed after a batch (the next run
     * goes on from there); returns how many jobs' files it deleted. Never throws.
     */
    public int sweepDue(Duration budget) {
        Instant until = clock.instant().plus(budget);
        int swept = 0;
        while (true) {
            Pass expired = sweep("expiry", () -> jobs.findExpired(clock.instant(), batch));
            Pass ended = sweep("sweep of failed and cancelled jobs", () -> jobs.findEndedUnswept(batch));
            swept += expired.swept() + ended.swept();
            boolean more = expired.found() == batch || ended.found() == batch;
            // a file that would not go (the store is in trouble) ends the run: going on would mark the whole backlog
            // while its files stay
            boolean clean = expired.clean() && ended.clean();
            if (!more || !clean || !clock.instant().isBefore(until) || Thread.currentThread().isInterrupted()) return swept;
        }
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

    /** Of one batch: how many jobs were due, how many of them had their files deleted, and whether every marked one did. */
    private record Pass(int found, int swept, boolean clean) {
    }

    private Pass sweep(String what, Supplier<List<Video>> due) {
        List<Video> found;
        List<Video> marked;
        try {
            found = due.get();
            // Mark first, the whole batch in one transaction: from its commit on nobody is offered the content, so
            // deleting it is safe. A job that changed meanwhile is not marked, and its files stay.
            marked = jobs.markContentExpired(found);
        } catch (RuntimeException e) {
            log.warn("{} failed; it is tried again on the next sweep", what, e);
            return new Pass(0, 0, false);
        }
        int swept = 0;
        for (Video video : marked) {
            try {
                // the whole prefix: whatever the job stored, whichever of its inputs it had, and its folder
                content.deleteAll(video.storagePrefix());
                swept++;
            } catch (RuntimeException e) {
                log.warn("{} of job {} failed; its content is no longer offered, its files stay", what, video.id(), e);
            }
        }
        return new Pass(found.size(), swept, swept == marked.size());
    }
}
