package dev.vidgate.jobs;

import java.time.Duration;

/**
 * How the job loops wait between two looks at a job (an engine check, a retried write): in production by
 * sleeping; in tests by moving a test clock, so a loop runs through its minutes of waiting at once.
 */
@FunctionalInterface
public interface Pacer {

    /** Waits {@code duration}; interrupted like {@link Thread#sleep}. */
    void pause(Duration duration) throws InterruptedException;

    /** Sleeps on the wall clock. */
    Pacer SLEEP = Thread::sleep;
}
