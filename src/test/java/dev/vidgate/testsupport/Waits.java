package dev.vidgate.testsupport;

import dev.vidgate.engine.Engine;
import dev.vidgate.engine.EngineStatus;
import dev.vidgate.engine.GenerationRequest;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every wait of the tests, on Awaitility: each has a name, a deadline and a poll interval. A condition
 * that throws (an AssertionError included) ends the wait at once; exceptions other threads do not catch
 * are left to those threads, as the product expects.
 */
public final class Waits {
    /** How long one render (or relayed job) of a test may take. */
    public static final Duration RENDER = Duration.ofSeconds(120);
    /** How often an engine is checked: {@code check} answers from memory. */
    public static final Duration ENGINE_POLL = Duration.ofMillis(10);

    private Waits() {}

    /** Waits for {@code what}, checking at once and then every {@code every}, for at most {@code atMost}. */
    public static ConditionFactory await(String what, Duration atMost, Duration every) {
        return Awaitility.await(what).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(every).dontCatchUncaughtExceptions();
    }

    /** Checks {@code handle} until {@code wanted} holds for its status, and answers that status. */
    public static EngineStatus engineStatus(Engine engine, GenerationRequest request, String handle, Duration atMost,
                                            Predicate<EngineStatus> wanted) {
        return await("engine status of " + handle, atMost, ENGINE_POLL).until(() -> engine.check(request, handle), wanted);
    }

    /** Checks {@code handle} until it no longer runs, adding the progress of every Running status seen to {@code progress}. */
    public static EngineStatus engineEnd(Engine engine, GenerationRequest request, String handle, Duration atMost, List<Integer> progress) {
        return engineStatus(engine, request, handle, atMost, status -> {
            if (status instanceof EngineStatus.Running running) progress.add(running.progress());
            return !(status instanceof EngineStatus.Running);
        });
    }

    /** The end of {@code handle} within {@link #RENDER}; whatever it is. */
    public static EngineStatus engineEnd(Engine engine, GenerationRequest request, String handle) {
        return engineEnd(engine, request, handle, RENDER, new ArrayList<>());
    }

    /** The end of {@code handle} within {@code atMost}, which must be Done. */
    public static EngineStatus.Done engineDone(Engine engine, GenerationRequest request, String handle, Duration atMost) {
        EngineStatus status = engineEnd(engine, request, handle, atMost, new ArrayList<>());
        if (status instanceof EngineStatus.Done done) return done;
        throw new AssertionError("expected Done for " + handle + ", got " + status);
    }

    /** The end of {@code handle} within {@link #RENDER}, which must be Done. */
    public static EngineStatus.Done engineDone(Engine engine, GenerationRequest request, String handle) {
        return engineDone(engine, request, handle, RENDER);
    }
}
