package dev.vidgate.engine.relay;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;

/**
 * The cluster's jobs per channel ({@link RelayServices.ClusterLoad}, a COUNT in the job store), each figure kept for
 * one pacing interval of the submit loop: every job waiting for room on a channel looks at it once per interval, and
 * they share one count instead of each running its own. A count that fails is not kept.
 */
final class ClusterFigures {
    private final LoadingCache<String, Integer> figures;

    /** @param ticker the loop's time (the wall clock's nanoseconds in production, as the loop paces on it) */
    ClusterFigures(RelayServices.ClusterLoad load, Duration keptFor, Ticker ticker) {
        this.figures = Caffeine.newBuilder().expireAfterWrite(keptFor).ticker(ticker).executor(Runnable::run)
                .build(load::inProgress);
    }

    /** Jobs any node runs on {@code channel}, as counted at most {@code keptFor} ago; throws when the count fails. */
    int inProgress(String channel) {
        return figures.get(channel);
    }
}
