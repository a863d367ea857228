package dev.vidgate.engine.builtin.scene;

import dev.vidgate.engine.builtin.frame.ClipFormat;
import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.engine.builtin.frame.FrameSource;

/**
 * A text-to-video scene: it paints itself at a time, seen through that frame's camera. Subclasses hold
 * only read-only state (frames are painted by several threads at once).
 */
public abstract class CameraScene implements FrameSource {
    protected final int width;
    protected final int height;
    private final CameraPath path;

    CameraScene(int width, int height, CameraPath path) {
        this.width = width;
        this.height = height;
        this.path = path;
    }

    @Override public final int width() { return width; }

    @Override public final int height() { return height; }

    @Override
    public final void render(int index, FrameBuffer frame) {
        paint(index / (double) ClipFormat.FPS, path.view(index), frame);
    }

    /**
     * Overwrites every pixel of {@code frame} with the scene at {@code t} seconds, seen through {@code camera}
     * (or, for a scene soft all over, every pixel of its {@link FrameBuffer#half()}, then says so with
     * {@link FrameBuffer#pictureIsInHalf()}).
     */
    abstract void paint(double t, CameraView camera, FrameBuffer frame);
}
