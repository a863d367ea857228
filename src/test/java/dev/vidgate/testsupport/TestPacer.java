package dev.vidgate.testsupport;

import dev.vidgate.jobs.Pacer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The job loops' {@link Pacer} in tests: a pause moves the {@link TestClock} forward by its length instead of
 * sleeping, and is recorded. A test may act during a given pause ({@link #during}), or {@link #hold} the loops in
 * their pauses until it lets them go on ({@link #release}); a held pause gives up after a minute.
 */
public final class TestPacer implements Pacer {
    private static final Duration LONGEST_HOLD = Duration.ofMinutes(1);

    private final TestClock clock;
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final Map<Integer, Runnable> actions = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private boolean held;
    private int waiting;

    public TestPacer(TestClock clock) {
        this.clock = clock;
    }

    @Override
    public void pause(Duration duration) throws InterruptedException {
        pauses.add(duration);
        clock.advance(duration);
        Runnable action = actions.remove(pauses.size());
        if (action != null) action.run();
        lock.lock();
        try {
            waiting++;
            long nanos = LONGEST_HOLD.toNanos();
            while (held) {
                if (nanos <= 0) throw new IllegalStateException("held in a pause for " + LONGEST_HOLD + "; did the test forget release()?");
                nanos = released.awaitNanos(nanos);
            }
        } finally {
            waiting--;
            lock.unlock();
        }
    }

    /** Runs {@code action} during the {@code number}th pause (1 for the first), after the clock moved. */
    public TestPacer during(int number, Runnable action) {
        actions.put(number, action);
        return this;
    }

    /** From now on every pause waits until {@link #release}. */
    public void hold() {
        lock.lock();
        try {
            held = true;
        } finally {
            lock.unlock();
        }
    }

    /** Lets every held pause go on, and pauses no longer wait. */
    public void release() {
        lock.lock();
        try {
            held = false;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many loops wait in a held pause now. */
    public int waiting() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }

    /** Every pause so far, in order. */
    public List<Duration> pauses() {
        return List.copyOf(pauses);
    }
}
