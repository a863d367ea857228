package dev.vidgate.app;

import dev.vidgate.jobs.JobMetrics;
import dev.vidgate.video.TransitionHook;
import dev.vidgate.video.Video;
import dev.vidgate.video.VideoStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The meters of jobs as they move: queue wait at the first claim, run time, finished jobs and failures by error code
 * at the winning final change (a {@link TransitionHook}, so a cancel through the API counts as well), and the errors
 * the background loops carry on from. Counted by the node that made the change: sum them over the nodes.
 */
final class JobMeters implements JobMetrics, TransitionHook {
    /** Error codes get a series each up to this many; any further one counts as {@code other}. */
    static final int MAX_CODES = 50;
    private static final Pattern CODE = Pattern.compile("[a-z0-9_.-]{1,64}");

    private final MeterRegistry registry;
    private final InstantSource clock;
    private final Set<String> codes = ConcurrentHashMap.newKeySet();

    JobMeters(MeterRegistry registry, InstantSource clock) {
        this.registry = registry;
        this.clock = clock;
        loopErrors("dispatcher"); // a series from 0, so that the first error is an increase
    }

    /** Creation to first claim; a job queued again after a failure has waited for its retry, not for a worker. */
    @Override
    public void claimed(Video job) {
        if (job.attempts() != 1 || job.startedAt() == null) return;
        timer("vidgate.jobs.queue.wait", "from creation to the first claim by a worker", Duration.ofHours(1))
                .tags("engine", job.engine(), "model", job.model())
                .register(registry).record(Duration.between(job.createdAt(), job.startedAt()));
    }

    @Override
    public void created(Video created) {}

    @Override
    public void finished(Video before, Video after) {
        String state = after.status().name().toLowerCase(Locale.ROOT);
        Counter.builder("vidgate.jobs.finished").description("jobs that reached a final state")
                .tags("state", state, "engine", after.engine()).register(registry).increment();
        if (after.status() == VideoStatus.FAILED) {
            Counter.builder("vidgate.jobs.failures").description("failed jobs by error code")
                    .tags("code", boundedCode(after.error() == null ? null : after.error().code()), "engine", after.engine())
                    .register(registry).increment();
        }
        if (after.startedAt() != null) {
            Instant end = after.completedAt() != null ? after.completedAt() : clock.instant();
            timer("vidgate.jobs.run.time", "from the first claim to the final state", Duration.ofHours(2))
                    .tags("engine", after.engine(), "model", after.model(), "state", state)
                    .register(registry).record(Duration.between(after.startedAt(), end));
        }
    }

    @Override
    public void caught(String loop) {
        loopErrors(loop).increment();
    }

    private Counter loopErrors(String loop) {
        return Counter.builder("vidgate.loop.errors").description("errors a background loop caught and carried on from")
                .tag("loop", loop).register(registry);
    }

    /** Codes come from engines and upstreams: only so many distinct ones get a series. */
    private String boundedCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) return "other";
        if (codes.contains(code) || (codes.size() < MAX_CODES && codes.add(code))) return code;
        return "other";
    }

    /** A timer with a Prometheus histogram from 10 ms up to {@code max}. */
    static Timer.Builder timer(String name, String description, Duration max) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(max);
    }
}
