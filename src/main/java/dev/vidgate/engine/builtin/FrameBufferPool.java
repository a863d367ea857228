package dev.vidgate.engine.builtin;

import dev.vidgate.engine.builtin.frame.FrameBuffer;

import java.lang.ref.SoftReference;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Frame buffers kept from one clip for the next. A 1080p buffer holds about 14 MB; allocating a
 * pipeline's worth for every clip makes the JVM find, and the kernel page in, a hundred fresh megabytes
 * each time (a tenth of a 4 s clip's render time when the heap has shrunk in between), and churns the
 * collector with large arrays. Kept buffers are reused as they are: a frame is drawn completely into
 * whatever buffer it is given (see {@link FramePipeline.Stage}), as buffers are already reused within a clip.
 *
 * <p>At most {@code capacity} buffers are kept, the most recently returned first, of whatever sizes
 * were rendered last; they are held softly, so the collector takes them back before memory runs short,
 * and they are let go once the pool has not been used for {@link #IDLE}: soft references alone kept a 720p
 * clip's buffers (about 35 MB) in the old generation of an idle server until memory ran short, and with the
 * small heap G1 sizes for a server answering requests that made it mark the old generation again and again
 * (remark pauses in the API's p99). Thread-safe.
 */
final class FrameBufferPool {
    /** How long kept buffers outlast the last render that used the pool. */
    static final Duration IDLE = Duration.ofSeconds(10);

    private final int capacity;
    private final Deque<SoftReference<FrameBuffer>> kept = new ArrayDeque<>();
    private final Executor afterIdle;
    private long uses; // guarded by kept

    /** @param capacity the most buffers kept; 0 keeps none */
    FrameBufferPool(int capacity) {
        this(capacity, IDLE);
    }

    /** @param idle how long buffers are kept after the pool was last used */
    FrameBufferPool(int capacity, Duration idle) {
        if (capacity < 0) throw new IllegalArgumentException("capacity must not be negative");
        this.capacity = capacity;
        this.afterIdle = CompletableFuture.delayedExecutor(idle.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A kept buffer of this size, or a new one. The caller owns it until it {@link #give}s it back. */
    FrameBuffer take(int width, int height) {
        synchronized (kept) {
            uses++;
            for (Iterator<SoftReference<FrameBuffer>> it = kept.iterator(); it.hasNext(); ) {
                FrameBuffer buffer = it.next().get();
                if (buffer == null) {
                    it.remove();
                } else if (buffer.width() == width && buffer.height() == height) {
                    it.remove();
                    return buffer;
                }
            }
        }
        return new FrameBuffer(width, height);
    }

    /** Keeps a buffer nobody uses any more, dropping the longest-kept one when full. */
    void give(FrameBuffer buffer) {
        if (capacity == 0) return;
        long seen;
        synchronized (kept) {
            seen = ++uses;
            kept.addFirst(new SoftReference<>(buffer));
            while (kept.size() > capacity) kept.removeLast();
        }
        afterIdle.execute(() -> dropIfUnusedSince(seen));
    }

    private void dropIfUnusedSince(long seen) {
        synchronized (kept) {
            if (uses == seen) kept.clear();
        }
    }

    /** Buffers kept now (those the collector has not taken back). */
    int size() {
        synchronized (kept) {
            kept.removeIf(ref -> ref.get() == null);
            return kept.size();
        }
    }
}
