package dev.vidgate.engine.relay;

import dev.vidgate.engine.ChannelStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The relay's housekeeping on a virtual thread of its own: forgets ended jobs after a while, stops following jobs nobody
 * checks any more (releasing their downloads), drops their callback tokens, and logs the channels' health every 5 minutes.
 * Catches everything and carries on.
 */
final class Housekeeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Housekeeper.class);
    private static final Duration FORGET_ENDED = Duration.ofMinutes(10);
    private static final Duration ABANDONED = Duration.ofMinutes(30);
    private static final Duration EVERY = Duration.ofSeconds(30);
    private static final Duration REPORT_EVERY = Duration.ofMinutes(5);

    private final Map<String, TrackedJob> jobs;
    private final Map<String, TrackedJob> byCallback;
    private final Supplier<List<ChannelStatus>> channels;
    private final InstantSource clock;
    private final RelayMetrics metrics;
    private final Thread thread;

    /**
     * @param jobs       the engine's jobs by handle
     * @param byCallback the same jobs by callback token
     */
    Housekeeper(Map<String, TrackedJob> jobs, Map<String, TrackedJob> byCallback, Supplier<List<ChannelStatus>> channels,
                InstantSource clock, RelayMetrics metrics) {
        this.jobs = jobs;
        this.byCallback = byCallback;
        this.channels = channels;
        this.clock = clock;
        this.metrics = metrics;
        this.thread = Thread.ofVirtual().name("relay-housekeeping").start(this::loop);
    }

    private void loop() {
        long lastReport = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(EVERY);
                sweep(clock.instant(), System.nanoTime() - ABANDONED.toNanos());
                if (System.nanoTime() - lastReport > REPORT_EVERY.toNanos()) {
                    lastReport = System.nanoTime();
                    report();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable t) {
                log.error("relay housekeeping error; continuing", t);
                metrics.caught("relay-housekeeping");
            }
        }
    }

    private void sweep(Instant now, long abandonedBefore) {
        jobs.values().removeIf(job -> {
            if (job.active() || job.stage() == TrackedJob.Stage.DONE) {
                if (job.lastCheckedNanos() - abandonedBefore > 0) return false;
                log.info("job {}: nobody asked about it for {} minutes; no longer following it", job.jobId, ABANDONED.toMinutes());
                RelayOutput output = job.release(now);
                if (output != null) output.delete();
                return true;
            }
            return job.endedAt() != null && job.endedAt().plus(FORGET_ENDED).isBefore(now);
        });
        byCallback.values().removeIf(job -> !jobs.containsKey(job.handle));
    }

    private void report() {
        for (ChannelStatus s : channels.get()) {
            if (s.totalRequests() == 0) continue;
            log.info("relay channel {}: circuit {}, {} in flight, success {}% over {} requests, {} ms mean latency",
                    s.name(), s.circuit(), s.inFlight(), Math.round(s.successRate() * 100), s.recentRequests(), s.latencyMillis());
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
