package dev.vidgate.webhooks;

import dev.vidgate.jobs.Pacer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The deliverer's pause in production: waits on the wall clock until the time is up or someone {@link #ring}s. */
public final class Doorbell implements Pacer {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition rung = lock.newCondition();
    private boolean pending;

    @Override
    public void pause(Duration duration) throws InterruptedException {
        lock.lock();
        try {
            if (!pending) rung.await(duration.toNanos(), TimeUnit.NANOSECONDS);
            pending = false;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the current pause, or the next one at once. */
    public void ring() {
        lock.lock();
        try {
            pending = true;
            rung.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
