package dev.vidgate.engine.builtin;

import dev.vidgate.engine.builtin.frame.FrameBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramePipelineTest {
    private static final int WIDTH = 16;
    private static final int HEIGHT = 8;

    /** Draws the frame's index into its first pixel and remembers which buffers were used. */
    private static final class IndexStage implements FramePipeline.Stage {
        final Set<FrameBuffer> buffers = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

        @Override
        public void render(int index, FrameBuffer target) {
            buffers.add(target);
            target.pixels()[0] = index;
        }
    }

    /** Takes every frame of {@code segment}, in order, on a thread of its own (as an encoder does). */
    private static Thread consume(FramePipeline pipeline, int segment, List<Integer> delivered, AtomicReference<Throwable> failure) {
        Thread t = new Thread(() -> {
            try {
                FrameBuffer frame;
                while ((frame = pipeline.next(segment)) != null) {
                    delivered.add(frame.pixels()[0]);
                    pipeline.recycle(frame);
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        });
        t.start();
        return t;
    }

    @Test
    void eachSegmentGetsItsFramesInOrderAndNoMoreBuffersThanTheLimitAreEverMade() throws Exception {
        IndexStage stage = new IndexStage();
        int[] starts = {0, 200, 350};
        List<List<Integer>> delivered = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (FramePipeline pipeline = new FramePipeline(stage, 500, WIDTH, HEIGHT, 2, starts, new FrameBufferPool(0), "test-frames")) {
            List<Thread> consumers = new ArrayList<>();
            for (int s = 0; s < starts.length; s++) consumers.add(consume(pipeline, s, delivered.get(s), failure));
            for (Thread t : consumers) t.join(30_000);
        }
        assertNull(failure.get());
        for (int s = 0; s < starts.length; s++) {
            int end = s + 1 < starts.length ? starts[s + 1] : 500;
            List<Integer> expected = new ArrayList<>();
            for (int i = starts[s]; i < end; i++) expected.add(i);
            assertEquals(expected, delivered.get(s), "segment " + s);
        }
        assertTrue(stage.buffers.size() <= 2 + 2 * starts.length, stage.buffers.size() + " buffers for 2 workers and 3 segments");
    }

    @Test
    void aClosedPipelineGivesItsBuffersBackAndTheNextOneDrawsIntoThem() throws Exception {
        FrameBufferPool pool = new FrameBufferPool(10);
        IndexStage first = new IndexStage();
        IndexStage second = new IndexStage();
        for (IndexStage stage : List.of(first, second)) {
            List<Integer> delivered = new ArrayList<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            try (FramePipeline pipeline = new FramePipeline(stage, 50, WIDTH, HEIGHT, 2, new int[] {0}, pool, "test-frames")) {
                consume(pipeline, 0, delivered, failure).join(30_000);
            }
            assertNull(failure.get());
            assertEquals(50, delivered.size());
            assertEquals(stage.buffers.size(), pool.size(), "every buffer the pipeline used is back in the pool");
        }
        assertTrue(first.buffers.containsAll(second.buffers), "the second pipeline drew only into the first one's buffers");
    }

    @Test
    void aFailureWhileDrawingReachesTheConsumer() throws Exception {
        FramePipeline.Stage failing = (index, target) -> {
            if (index == 5) throw new IllegalStateException("cannot draw frame 5");
        };
        try (FramePipeline pipeline = new FramePipeline(failing, 20, WIDTH, HEIGHT, 2, new int[] {0}, new FrameBufferPool(0), "test-frames")) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
                FrameBuffer frame;
                while ((frame = pipeline.next(0)) != null) pipeline.recycle(frame);
            });
            assertEquals("cannot draw frame 5", thrown.getMessage());
        }
    }

    @Test
    void aConsumerWaitingOnAClosedPipelineIsToldTheRenderWasCancelled() throws Exception {
        FramePipeline pipeline = new FramePipeline(new IndexStage(), 20, WIDTH, HEIGHT, 1, new int[] {0}, new FrameBufferPool(0), "test-frames");
        pipeline.close();
        assertThrows(RenderCancelledException.class, () -> pipeline.next(0));
    }
}
