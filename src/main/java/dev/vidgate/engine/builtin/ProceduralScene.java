package dev.vidgate.engine.builtin;

import java.awt.Graphics2D;
import java.util.Random;

/**
 * Text-to-video frames: an animated abstract scene whose palette, layout and motion are derived
 * deterministically from the prompt. Layers, back to front: {@link SceneBackground},
 * {@link GlowOrbs}, {@link SceneOverlay}.
 */
final class ProceduralScene implements FrameSource {
    private final int width;
    private final int height;
    private final SceneBackground background;
    private final GlowOrbs orbs;
    private final SceneOverlay overlay;

    ProceduralScene(int width, int height, String prompt) {
        this.width = width;
        this.height = height;
        Random random = new Random(PromptSeed.of(prompt, "procedural-scene"));
        float hue = random.nextFloat();
        this.background = new SceneBackground(width, height, hue, new Random(random.nextLong()));
        this.orbs = new GlowOrbs(width, height, hue, new Random(random.nextLong()));
        this.overlay = new SceneOverlay(width, height, hue, new Random(random.nextLong()));
    }

    @Override public int width() { return width; }

    @Override public int height() { return height; }

    @Override
    public void render(int index, FrameBuffer target) {
        double t = index / (double) ClipFormat.FPS;
        background.paint(t, target.pixels());
        orbs.paint(t, target.pixels());
        Graphics2D g = target.image().createGraphics();
        try {
            overlay.paint(t, g);
        } finally {
            g.dispose();
        }
    }
}
