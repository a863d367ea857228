package dev.vidgate.media;

import dev.vidgate.common.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Image work taken off the request threads: a pool of one platform thread per core runs it. A piece of work may use at
 * most the limit in CPU time (counted on its own thread, so a loaded machine does not turn a sound image into a
 * "broken" one); work over it is cancelled: its thread is interrupted, which stops {@link EncodedImage}'s decoders at
 * their next read, and the caller gets {@link UnreadableImageException}. Independently, the caller waits at most the
 * backstop in wall time, counted from submission (the pool may be busy with other uploads): past it the work is
 * dropped and the caller gets a {@link TransientException}, a 503 the client may retry, never a verdict on the image.
 * So a hostile upload costs at most one core for the limit, and a burst of them queues here instead of occupying
 * every carrier thread of the server.
 */
public final class BoundedImageWork implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BoundedImageWork.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final ThreadPoolExecutor pool;
    private final Duration limit;
    private final Duration backstop;

    /** A pool whose backstop is twenty times the limit, at least 30 seconds. */
    public BoundedImageWork(int threads, Duration limit) {
        this(threads, limit, max(limit.multipliedBy(20), Duration.ofSeconds(30)));
    }

    public BoundedImageWork(int threads, Duration limit, Duration backstop) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        if (limit == null || limit.isNegative() || limit.isZero()) throw new IllegalArgumentException("limit must be positive");
        if (backstop == null || backstop.compareTo(limit) < 0) throw new IllegalArgumentException("the backstop must be at least the limit");
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "image-work-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.limit = limit;
        this.backstop = backstop;
        if (THREADS.isThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) THREADS.setThreadCpuTimeEnabled(true);
    }

    /** A pool with one thread per core. */
    public static BoundedImageWork perCore(Duration limit) {
        return new BoundedImageWork(Runtime.getRuntime().availableProcessors(), limit);
    }

    /**
     * Runs {@code work} on the pool and returns its result, or rethrows what it threw.
     *
     * @throws UnreadableImageException when it used more than the limit of CPU time (it is stopped)
     * @throws TransientException       when it did not end within the backstop (the machine is too busy; it is stopped)
     */
    public <T> T call(Supplier<T> work) {
        Running running = new Running();
        FutureTask<T> task = new FutureTask<>(() -> {
            running.start();
            try {
                return work.get();
            } finally {
                running.thread = null;
            }
        });
        pool.execute(task);
        long giveUp = System.nanoTime() + backstop.toNanos();
        try {
            while (true) {
                try {
                    return task.get(SLICE_NANOS, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (running.workedNanos() > limit.toNanos()) {
                        stop(task);
                        log.info("image work used more than {} ms of CPU; stopped and refused", limit.toMillis());
                        throw new UnreadableImageException("took longer than " + limit.toMillis() + " ms to decode");
                    }
                    if (System.nanoTime() - giveUp > 0) {
                        stop(task);
                        log.warn("image work did not end within {} s (the server is busy); stopped", backstop.toSeconds());
                        throw new TransientException("The server is too busy to check the image right now; try again.", null);
                    }
                }
            }
        } catch (InterruptedException e) {
            stop(task);
            Thread.currentThread().interrupt();
            throw new UnreadableImageException("was not decoded: the request was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The thread a piece of work runs on and how far its CPU clock (or, where there is none, the wall clock) stood then. */
    private static final class Running {
        volatile Thread thread;
        volatile long cpuAtStart = -1;
        volatile long wallAtStart;

        void start() {
            wallAtStart = System.nanoTime();
            cpuAtStart = THREADS.isThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
            thread = Thread.currentThread();
        }

        /** CPU time used so far (0 while queued); wall time since its start where CPU time cannot be read. */
        long workedNanos() {
            Thread t = thread;
            if (t == null) return 0;
            long cpu = cpuAtStart < 0 ? -1 : THREADS.getThreadCpuTime(t.threadId());
            return cpu < 0 ? System.nanoTime() - wallAtStart : cpu - cpuAtStart;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private void stop(Future<?> task) {
        task.cancel(true);
        pool.remove((Runnable) task); // still queued: never starts
    }

    /**
     * Runs a content check on an input already decoded ({@code what}: "image", "video"), as {@link #call}: it may refuse
     * by throwing; a check that runs over its CPU limit was not given a fair turn, so it is a 503 to retry
     * ({@link TransientException}), never a verdict on the input.
     */
    public void screen(String what, Runnable check) {
        try {
            call(() -> {
                check.run();
                return null;
            });
        } catch (UnreadableImageException e) {
            throw new TransientException("The server is too busy to check the " + what + " right now; try again.", e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
