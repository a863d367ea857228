package dev.vidgate.engine.builtin;

import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.engine.builtin.frame.FrameSource;
import dev.vidgate.engine.builtin.frame.Resampler;
import dev.vidgate.engine.builtin.living.LivingPicture;
import dev.vidgate.engine.builtin.scene.CameraPath;
import dev.vidgate.engine.builtin.scene.CameraView;
import dev.vidgate.engine.builtin.scene.PictureCanvas;

/**
 * Image-to-video frames: the reference picture seen through the prompt's {@link CameraPath}. Frame 0
 * is the picture pixel for pixel; later frames are resampled with sub-pixel precision (see
 * {@link Resampler}), so a steady move glides without whole-pixel jitter. The picture's own regions then
 * move as a {@link LivingPicture} (water, foliage, clouds...; depth layers for parallax).
 */
final class ImageMotionSource implements FrameSource {
    private final PictureCanvas canvas;
    private final CameraPath path;
    private final int width;
    private final int height;
    private final LivingPicture life;

    /** @param picture packed {@code 0x00RRGGBB} pixels, {@code width x height} */
    ImageMotionSource(int[] picture, int width, int height, CameraPath path, LivingPicture life) {
        if (picture.length != width * height) throw new IllegalArgumentException("the picture is not " + width + "x" + height);
        this.width = width;
        this.height = height;
        this.path = path;
        this.life = life;
        double[] reach = path.reach();
        this.canvas = PictureCanvas.around(picture, width, height, reach[0], reach[1]);
    }

    @Override public int width() { return width; }

    @Override public int height() { return height; }

    @Override
    public void render(int index, FrameBuffer target) {
        CameraView view = path.view(index);
        int[] blend = target.scratch(FrameBuffer.BLEND, canvas.width + 2);
        int[] other = target.scratch(FrameBuffer.BLEND_OTHER, canvas.width + 2);
        if (!life.drawsWholeFrame(index, view)) {
            sample(canvas.pixels, canvas.width, canvas.height, canvas.padX, canvas.padY, width, height, view, target.pixels(), blend, other);
        }
        life.apply(index, view, canvas, target.pixels(), blend, other);
    }

    /**
     * Draws the view of a picture of {@code w x h} (placed at {@code padX, padY} in a canvas) into a frame of
     * the same size.
     */
    static void sample(int[] canvas, int cw, int ch, int padX, int padY, int w, int h, CameraView view, int[] out,
                       int[] blend, int[] other) {
        for (int y = 0; y < h; y++) {
            double ny = (y + 0.5) / h - 0.5;
            double rowZoom = view.rowZoom(ny);
            double step = 1 / rowZoom;
            double start = padX + (view.offsetX() + view.shear() * ny + 0.5) * w - 0.5 + (0.5 - w / 2.0) * step;
            double sy = padY + (view.offsetY() + 0.5) * h - 0.5 + (y + 0.5 - h / 2.0) / view.zoom();
            Resampler.copyRow(canvas, cw, ch, Resampler.fixed(sy), Resampler.fixed(start), Resampler.fixed(step), out, y * w, w,
                    blend, other);
        }
    }
}
