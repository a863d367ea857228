package dev.vidgate.engine.builtin.frame;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class YuvPlanesTest {

    @Test
    void aFullHdFrameHasAQuarterSizeChromaPlaneAfterItsLumaAndAnotherAfterThat() {
        YuvPlanes planes = new YuvPlanes(1920, 1080);

        assertEquals(960, planes.chromaWidth());
        assertEquals(540, planes.chromaHeight());
        assertEquals(1920 * 1080, planes.u());
        assertEquals(1920 * 1080 + 960 * 540, planes.v());
        assertEquals(1920 * 1080 * 3 / 2, planes.size());
    }

    @Test
    void anOddSideRoundsItsChromaUpAsFfmpegDoes() {
        YuvPlanes planes = new YuvPlanes(5, 3);

        assertEquals(3, planes.chromaWidth());
        assertEquals(2, planes.chromaHeight());
        assertEquals(15, planes.u());
        assertEquals(21, planes.v());
        assertEquals(27, planes.size());
    }

    @Test
    void aFrameBufferIsExactlyAsLargeAsItsPlanes() {
        FrameBuffer frame = new FrameBuffer(96, 54);

        assertEquals(new YuvPlanes(96, 54), frame.planes());
        assertEquals(frame.planes().size(), frame.yuv().length);
    }

    @Test
    void anEmptySizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new YuvPlanes(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new YuvPlanes(10, -2));
    }
}
