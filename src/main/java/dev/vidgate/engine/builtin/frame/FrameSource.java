package dev.vidgate.engine.builtin.frame;

/**
 * Produces the frames of one clip, one at a time, into a caller-owned {@link FrameBuffer}, so memory
 * does not grow with clip length. Frames are a pure function of the request and the index: rendering
 * the same index twice gives the same pixels.
 */
public interface FrameSource {

    int width();

    int height();

    /**
     * Overwrites every pixel of {@code target} (sized {@code width() x height()}) with frame {@code index},
     * or every pixel of its {@link FrameBuffer#half()} followed by {@link FrameBuffer#pictureIsInHalf()}.
     */
    void render(int index, FrameBuffer target);
}
