package dev.vidgate.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * Image work taken off the request threads: a pool of one platform thread per core runs it, and the caller
 * waits at most the time limit, counted from submission. Work over its limit is cancelled: its thread is
 * interrupted, which stops {@link EncodedImage}'s decoders at their next read, and the caller gets
 * {@link UnreadableImageException}. So a hostile upload costs at most one core for the limit, and a burst of
 * them queues here instead of occupying every carrier thread of the server.
 */
public final class BoundedImageWork implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BoundedImageWork.class);

    private final ThreadPoolExecutor pool;
    private final Duration limit;

    public BoundedImageWork(int threads, Duration limit) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        if (limit == null || limit.isNegative() || limit.isZero()) throw new IllegalArgumentException("limit must be positive");
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "image-work-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.limit = limit;
    }

    /** A pool with one thread per core. */
    public static BoundedImageWork perCore(Duration limit) {
        return new BoundedImageWork(Runtime.getRuntime().availableProcessors(), limit);
    }

    /**
     * Runs {@code work} on the pool and returns its result, or rethrows what it threw.
     *
     * @throws UnreadableImageException when it did not finish within the limit (it is stopped)
     */
    public <T> T call(Supplier<T> work) {
        FutureTask<T> task = new FutureTask<>(work::get);
        pool.execute(task);
        try {
            return task.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stop(task);
            log.info("image work took longer than {} ms; stopped and refused", limit.toMillis());
            throw new UnreadableImageException("took longer than " + limit.toMillis() + " ms to decode");
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

    private void stop(Future<?> task) {
        task.cancel(true);
        pool.remove((Runnable) task); // still queued: never starts
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
