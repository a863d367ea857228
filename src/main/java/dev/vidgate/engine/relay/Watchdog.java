package dev.vidgate.engine.relay;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how long a thread may wait on an upstream: past the deadline the waiting thread is
 * interrupted, which aborts a blocked HTTP exchange or body read. One timer thread serves all
 * requests, so a slow or silent upstream never pins a thread for longer than its deadline.
 */
final class Watchdog implements AutoCloseable {
    private final ScheduledThreadPoolExecutor timer;

    Watchdog() {
        timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("relay-watchdog").daemon(true).factory());
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Interrupts the calling thread after {@code deadline} unless the returned guard is closed first. */
    Guard guard(Duration deadline) {
        Thread thread = Thread.currentThread();
        Guard guard = new Guard(thread);
        guard.future = timer.schedule(guard::fire, Math.max(1, deadline.toMillis()), TimeUnit.MILLISECONDS);
        return guard;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** Disarms the deadline when the guarded work ends; tells whether the deadline fired. */
    static final class Guard implements AutoCloseable {
        private final Thread thread;
        private volatile ScheduledFuture<?> future;
        private boolean fired;
        private boolean done;

        private Guard(Thread thread) {
            this.thread = thread;
        }

        private synchronized void fire() {
            if (done) return;
            fired = true;
            thread.interrupt();
        }

        synchronized boolean fired() { return fired; }

        @Override
        public void close() {
            synchronized (this) {
                done = true;
            }
            ScheduledFuture<?> f = future;
            if (f != null) f.cancel(false);
            // a deadline that fired after the work ended must not leak into the thread's next task
            if (fired()) Thread.interrupted();
        }
    }
}
