package dev.vidgate.engine.builtin;

import dev.vidgate.engine.builtin.frame.FrameBuffer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.vidgate.testsupport.Waits.await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FrameBufferPoolTest {

    @Test
    void buffersAreLetGoOnceThePoolWasNotUsedForItsIdleTime() {
        FrameBufferPool pool = new FrameBufferPool(4, Duration.ofSeconds(1));
        FrameBuffer first = pool.take(16, 8);
        FrameBuffer second = pool.take(16, 8);
        pool.give(first);
        pool.give(second);
        assertEquals(2, pool.size(), "kept right after the render");
        await("the idle pool to let its buffers go", Duration.ofSeconds(30), Duration.ofMillis(20)).until(() -> pool.size() == 0);
    }

    @Test
    void aBufferGivenBackIsTakenAgainForTheSameSizeOnly() {
        FrameBufferPool pool = new FrameBufferPool(4);
        FrameBuffer small = pool.take(16, 8);
        pool.give(small);

        FrameBuffer other = pool.take(32, 8);
        assertNotSame(small, other);
        assertEquals(32, other.width());
        assertEquals(1, pool.size(), "the small buffer is still kept");
        assertSame(small, pool.take(16, 8));
        assertEquals(0, pool.size());
        assertNotSame(small, pool.take(16, 8), "a taken buffer is not handed out twice");
    }

    @Test
    void noMoreThanTheCapacityIsKeptAndTheMostRecentlyReturnedStay() {
        FrameBufferPool pool = new FrameBufferPool(2);
        FrameBuffer oldest = new FrameBuffer(16, 8);
        FrameBuffer middle = new FrameBuffer(16, 8);
        FrameBuffer newest = new FrameBuffer(16, 8);
        pool.give(oldest);
        pool.give(middle);
        pool.give(newest);

        assertEquals(2, pool.size());
        assertSame(newest, pool.take(16, 8));
        assertSame(middle, pool.take(16, 8));
        assertNotSame(oldest, pool.take(16, 8));
    }

    @Test
    void aPoolOfCapacityZeroKeepsNothing() {
        FrameBufferPool pool = new FrameBufferPool(0);
        pool.give(new FrameBuffer(16, 8));
        assertEquals(0, pool.size());
    }

    @Test
    void aNegativeCapacityIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FrameBufferPool(-1));
    }
}
