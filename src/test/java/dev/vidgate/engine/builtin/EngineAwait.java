package dev.vidgate.engine.builtin;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/** Polls {@link Engine#check} until a condition holds, with a hard deadline; records progress seen. */
public final class EngineAwait {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    private static final long POLL_MILLIS = 10;

    /** Every status seen, in order. */
    final List<EngineStatus> seen = new ArrayList<>();
    private final Engine engine;
    private final GenerationRequest request;
    private final String handle;

    EngineAwait(Engine engine, GenerationRequest request, String handle) {
        this.engine = engine;
        this.request = request;
        this.handle = handle;
    }

    /** Polls until the status is no longer {@link EngineStatus.Running}; fails after {@code timeout}. */
    EngineStatus terminal(Duration timeout) {
        return until(s -> !(s instanceof EngineStatus.Running), timeout);
    }

    EngineStatus terminal() {
        return terminal(DEFAULT_TIMEOUT);
    }

    /** Polls until {@code condition} holds for the status; fails after {@code timeout}. */
    EngineStatus until(Predicate<EngineStatus> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            EngineStatus status = engine.check(request, handle);
            seen.add(status);
            if (condition.test(status)) return status;
            if (System.nanoTime() > deadline) fail("no expected status for " + handle + " within " + timeout + "; last " + status);
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** The progress values of all Running statuses seen, in order. */
    List<Integer> progress() {
        return seen.stream().filter(s -> s instanceof EngineStatus.Running).map(s -> ((EngineStatus.Running) s).progress()).toList();
    }

    public static EngineStatus.Done done(Engine engine, GenerationRequest request, String handle) {
        EngineStatus status = new EngineAwait(engine, request, handle).terminal();
        if (status instanceof EngineStatus.Done done) return done;
        return fail("expected Done for " + handle + ", got " + status);
    }
}
