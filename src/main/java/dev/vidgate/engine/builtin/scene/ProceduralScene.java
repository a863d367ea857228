package dev.vidgate.engine.builtin.scene;

import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.engine.builtin.frame.Resampler;

import java.awt.Graphics2D;
import java.util.Random;

/**
 * The abstract scene, for prompts that name no place: an animated composition whose palette, layout and
 * motion are derived deterministically from the prompt. Layers, back to front: {@link SceneBackground}
 * (far, moves little with the camera), {@link GlowOrbs}, {@link SceneOverlay} (near). The backdrop and
 * the orbs are soft, so they are drawn at half resolution and scaled up (a quarter of the work); the
 * near layer is drawn sharp on top.
 */
final class ProceduralScene extends CameraScene {
    private final SceneBackground background;
    private final GlowOrbs orbs;
    private final SceneOverlay overlay;

    ProceduralScene(int width, int height, CameraPath path, double hue0, long seed) {
        super(width, height, path);
        Random random = new Random(seed);
        float hue = Double.isNaN(hue0) ? random.nextFloat() : (float) hue0;
        int halfWidth = FrameBuffer.halfSide(width);
        int halfHeight = FrameBuffer.halfSide(height);
        this.background = new SceneBackground(halfWidth, halfHeight, hue, new Random(random.nextLong()));
        this.orbs = new GlowOrbs(halfWidth, halfHeight, hue, new Random(random.nextLong()));
        this.overlay = new SceneOverlay(width, height, hue, new Random(random.nextLong()));
    }

    @Override
    void paint(double t, CameraView camera, FrameBuffer target) {
        FrameBuffer half = target.half();
        background.paint(t, half.pixels(), camera.atDepth(0.3));
        orbs.paint(t, half.pixels(), 1, camera.atDepth(0.6));
        Resampler.upscaleHalf(half, half.height(), target, height);
        Graphics2D g = target.image().createGraphics();
        try {
            // the near layer follows the camera fully (zoom and pan; shear and depth are left out)
            g.translate(width / 2.0, height / 2.0);
            g.scale(camera.zoom(), camera.zoom());
            g.translate(-(0.5 + camera.offsetX()) * width, -(0.5 + camera.offsetY()) * height);
            overlay.paint(t, g);
        } finally {
            g.dispose();
        }
    }
}
