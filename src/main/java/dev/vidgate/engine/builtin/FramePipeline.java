package dev.vidgate.engine.builtin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Renders frames on helper threads while the caller encodes earlier ones. Frames are pure functions
 * of their index (see {@link FrameSource}), so several workers render different frames at once and the
 * result does not depend on which thread drew what; {@link #next()} hands them out strictly in order.
 * A fixed ring of buffers circulates between the threads, so memory stays constant however long the
 * clip is. Each frame must be handed back with {@link #recycle} once encoded.
 */
final class FramePipeline implements AutoCloseable {
    /** Draws frame {@code index} completely into {@code target}. */
    @FunctionalInterface
    interface Stage {
        void render(int index, FrameBuffer target);
    }

    private final Stage stage;
    private final int total;
    private final BlockingQueue<FrameBuffer> free;
    private final Map<Integer, FrameBuffer> ready = new HashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private final Object lock = new Object();
    private int nextToClaim;
    private int nextToDeliver;
    private boolean stopped;
    private Throwable failure;

    /**
     * @param workerCount render threads; buffers in flight are {@code workerCount + 2}
     */
    FramePipeline(Stage stage, int total, int width, int height, int workerCount, String threadName) {
        this.stage = stage;
        this.total = total;
        int buffers = workerCount + 2;
        this.free = new ArrayBlockingQueue<>(buffers);
        for (int i = 0; i < buffers; i++) free.add(new FrameBuffer(width, height));
        for (int i = 0; i < workerCount; i++) {
            Thread t = new Thread(this::work, threadName + "-" + (i + 1));
            t.setDaemon(true);
            workers.add(t);
        }
        this.workers.forEach(Thread::start);
    }

    private void work() {
        try {
            while (true) {
                FrameBuffer frame = free.take();
                int index;
                synchronized (lock) {
                    if (stopped || failure != null || nextToClaim >= total) {
                        free.offer(frame);
                        return;
                    }
                    index = nextToClaim++;
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

    /** The next frame in order, or null after the last one. Rethrows a failure of a render thread. */
    FrameBuffer next() throws InterruptedException {
        synchronized (lock) {
            while (true) {
                if (failure != null) rethrow(failure);
                if (nextToDeliver >= total) return null;
                FrameBuffer frame = ready.remove(nextToDeliver);
                if (frame != null) {
                    nextToDeliver++;
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

    /** Stops the render threads (if still running) and waits for them. */
    @Override
    public void close() throws InterruptedException {
        synchronized (lock) {
            stopped = true;
        }
        for (Thread t : workers) t.interrupt();
        for (Thread t : workers) t.join();
    }
}
