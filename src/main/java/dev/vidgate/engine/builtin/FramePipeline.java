package dev.vidgate.engine.builtin;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Renders frames on a helper thread while the caller encodes the previous ones. A fixed ring of
 * {@value #BUFFERS} frame buffers circulates between the two threads, so memory stays constant
 * however long the clip is. Frames come out of {@link #next()} in order; each must be handed back
 * with {@link #recycle} once encoded.
 */
final class FramePipeline implements AutoCloseable {
    private static final int BUFFERS = 3;
    /** Marks the end of the stream (or a failure of the render thread) in {@link #rendered}. */
    private static final FrameBuffer END = new FrameBuffer(1, 1);

    private final FrameSource source;
    private final int total;
    private final Previews previews;
    private final BlockingQueue<FrameBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<FrameBuffer> rendered = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Throwable failure;

    FramePipeline(FrameSource source, int total, Previews previews, String threadName) {
        this.source = source;
        this.total = total;
        this.previews = previews;
        for (int i = 0; i < BUFFERS; i++) free.add(new FrameBuffer(source.width(), source.height()));
        this.thread = new Thread(this::produce, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void produce() {
        try {
            for (int i = 0; i < total && !stopped; i++) {
                FrameBuffer frame = free.take();
                source.render(i, frame);
                if (previews.wants(i)) previews.accept(i, frame);
                rendered.put(frame);
            }
        } catch (InterruptedException e) {
            // stopped by close()
        } catch (Throwable t) {
            failure = t;
        } finally {
            rendered.offer(END); // never blocks: the queue has room for every buffer plus the marker
        }
    }

    /** The next frame in order, or null after the last one. Rethrows a failure of the render thread. */
    FrameBuffer next() throws InterruptedException {
        FrameBuffer frame = rendered.take();
        if (frame != END) return frame;
        rendered.offer(END); // keep answering null
        Throwable t = failure;
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        if (t != null) throw new IllegalStateException("frame rendering failed", t);
        return null;
    }

    /** Returns an encoded frame's buffer for reuse. */
    void recycle(FrameBuffer frame) {
        free.offer(frame);
    }

    /** Stops the render thread (if still running) and waits for it, so previews are safe to read. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join();
    }
}
