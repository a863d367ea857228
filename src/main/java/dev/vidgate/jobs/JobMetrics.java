package dev.vidgate.jobs;

import dev.vidgate.common.LoopErrors;
import dev.vidgate.video.Video;

/** What the dispatcher tells the metrics: each job it claims, and the errors its loop carries on from. */
public interface JobMetrics extends LoopErrors {

    /** This node claimed {@code job} (its {@code attempts} and {@code startedAt} are those of the claim). */
    void claimed(Video job);

    /** Hears nothing. */
    JobMetrics NONE = new JobMetrics() {
        @Override public void claimed(Video job) {}
        @Override public void caught(String loop) {}
    };
}
