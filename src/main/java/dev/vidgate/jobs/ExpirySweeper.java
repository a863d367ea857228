package dev.vidgate.jobs;

import dev.vidgate.video.JobStore;
import dev.vidgate.storage.ContentStore;
import dev.vidgate.video.Variant;
import dev.vidgate.video.Video;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;

/** Deletes the content of videos past their {@code expires_at}; the job records stay. */
public final class ExpirySweeper {
    private static final Logger log = LoggerFactory.getLogger(ExpirySweeper.class);

    private final JobStore jobs;
    private final ContentStore content;
    private final InstantSource clock;

    public ExpirySweeper(JobStore jobs, ContentStore content, InstantSource clock) {
        this.jobs = jobs;
        this.content = content;
        this.clock = clock;
    }

    /** One pass; returns how many videos' content it expired. Never throws. */
    public int sweepOnce() {
        int expired = 0;
        try {
            for (Video video : jobs.findExpired(clock.instant(), 500)) {
                try {
                    // Mark first: from then on nobody is offered the content, so deleting it is safe.
                    if (jobs.markContentExpired(video)) {
                        for (Variant v : Variant.values()) content.delete(video.storageKey(v));
                        content.delete(video.referenceKey());
                        expired++;
                    }
                } catch (RuntimeException e) {
                    log.warn("expiry of job {} failed; it is tried again on the next sweep", video.id(), e);
                }
            }
        } catch (RuntimeException e) {
            log.warn("expiry sweep failed; it is tried again on the next sweep", e);
        }
        return expired;
    }
}
