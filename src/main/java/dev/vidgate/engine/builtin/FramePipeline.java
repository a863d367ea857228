package dev.vidgate.engine.builtin;

import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.engine.builtin.frame.FrameSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Renders frames on worker threads while other threads encode them. Frames are pure functions of
 * their index (see {@link FrameSource}), so several workers render different frames at once and the
 * result does not depend on which thread drew what.
 *
 * <p>The clip is split into segments (consecutive runs of frames), each consumed in order by its own
 * encoder through {@link #next(int)}; workers take frames from the segments in turn, so every encoder
 * is fed. A bounded set of buffers circulates between the threads, so memory stays constant however long
 * the clip is; each frame must be handed back with {@link #recycle} once encoded. The workers take
 * the buffers from a {@link FrameBufferPool} as they first need them, so the first frames start at once,
 * and {@link #close} gives them back for the next clip.
 */
final class FramePipeline implements AutoCloseable {
    /** Draws frame {@code index} completely into {@code target}. */
    @FunctionalInterface
    interface Stage {
        void render(int index, FrameBuffer target);
    }

    private final Stage stage;
    private final FrameBufferPool pool;
    private final int[] claimOrder;
    private final int[] segmentStart;
    private final int[] segmentEnd;
    private final int[] nextToDeliver;
    private final BlockingQueue<FrameBuffer> free;
    private final int width;
    private final int height;
    private final int bufferLimit;
    private final Map<Integer, FrameBuffer> ready = new HashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private final Object lock = new Object();
    private int claimed;
    private int buffersMade;
    private boolean stopped;
    private Throwable failure;

    /**
     * @param segmentStarts first frame of each segment, ascending, starting at 0
     * @param workerCount   render threads; buffers in flight are at most {@link #bufferLimit}{@code (workerCount, segments)}
     * @param pool          where buffers come from and go back to
     */
    FramePipeline(Stage stage, int total, int width, int height, int workerCount, int[] segmentStarts, FrameBufferPool pool,
                  String threadName) {
        this.stage = stage;
        this.pool = pool;
        int segments = segmentStarts.length;
        this.segmentStart = segmentStarts.clone();
        this.segmentEnd = new int[segments];
        for (int s = 0; s < segments; s++) segmentEnd[s] = s + 1 < segments ? segmentStarts[s + 1] : total;
        this.nextToDeliver = segmentStart.clone();
        this.claimOrder = new int[total];
        int k = 0;
        for (int step = 0; k < total; step++) {
            for (int s = 0; s < segments; s++) if (segmentStart[s] + step < segmentEnd[s]) claimOrder[k++] = segmentStart[s] + step;
        }
        this.width = width;
        this.height = height;
        this.bufferLimit = bufferLimit(workerCount, segments);
        this.free = new ArrayBlockingQueue<>(bufferLimit);
        for (int i = 0; i < workerCount; i++) {
            Thread t = new Thread(this::work, threadName + "-" + (i + 1));
            t.setDaemon(true);
            workers.add(t);
        }
        this.workers.forEach(Thread::start);
    }

    /** The most buffers a pipeline uses: one per worker drawing, and two per encoder (one encoding, one ready). */
    static int bufferLimit(int workerCount, int segments) {
        return workerCount + 2 * segments;
    }

    private void work() {
        try {
            while (true) {
                FrameBuffer frame = takeBuffer();
                int index;
                synchronized (lock) {
                    if (stopped || failure != null || claimed >= claimOrder.length) {
                        free.offer(frame);
                        return;
                    }
                    index = claimOrder[claimed++];
                }
                stage.render(index, frame);
                synchronized (lock) {
                    ready.put(index, frame);
                    lock.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            // stopped by close()
        } catch (Throwable t) {
            synchronized (lock) {
                if (failure == null) failure = t;
                lock.notifyAll();
            }
        }
    }

    /** A free buffer, one from the pool while fewer than the limit are out, or else the next one recycled. */
    private FrameBuffer takeBuffer() throws InterruptedException {
        FrameBuffer frame = free.poll();
        if (frame != null) return frame;
        boolean mayMake;
        synchronized (lock) {
            mayMake = buffersMade < bufferLimit;
            if (mayMake) buffersMade++;
        }
        return mayMake ? pool.take(width, height) : free.take();
    }

    /**
     * The next frame of {@code segment} in order, or null after its last one. Rethrows a failure of a
     * render thread; throws {@link RenderCancelledException} once the pipeline is closed.
     */
    FrameBuffer next(int segment) throws InterruptedException {
        synchronized (lock) {
            while (true) {
                if (failure != null) rethrow(failure);
                if (stopped) throw new RenderCancelledException();
                if (nextToDeliver[segment] >= segmentEnd[segment]) return null;
                FrameBuffer frame = ready.remove(nextToDeliver[segment]);
                if (frame != null) {
                    nextToDeliver[segment]++;
                    return frame;
                }
                lock.wait();
            }
        }
    }

    private static void rethrow(Throwable t) {
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException("frame rendering failed", t);
    }

    /** Returns an encoded frame's buffer for reuse. */
    void recycle(FrameBuffer frame) {
        free.offer(frame);
    }

    /**
     * Stops the render threads (if still running), wakes waiting encoders, waits for the workers, and gives
     * the buffers nobody holds back to the pool (all of them once every frame was recycled).
     */
    @Override
    public void close() throws InterruptedException {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
        for (Thread t : workers) t.interrupt();
        for (Thread t : workers) t.join();
        List<FrameBuffer> unused = new ArrayList<>();
        synchronized (lock) { // after stopped, next() hands out nothing more from ready
            unused.addAll(ready.values());
            ready.clear();
        }
        free.drainTo(unused);
        unused.forEach(pool::give);
    }
}
