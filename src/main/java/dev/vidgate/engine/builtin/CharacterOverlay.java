package dev.vidgate.engine.builtin;

import dev.vidgate.engine.builtin.frame.FrameBuffer;
import dev.vidgate.engine.builtin.frame.FrameSource;

import java.awt.image.BufferedImage;

/**
 * A character in the scene: the still of a character the prompt names, a third of the frame's height, standing in the
 * lower middle of every frame over whatever the source draws (the camera moves the scene, not the character).
 */
final class CharacterOverlay implements FrameSource {
    private final FrameSource scene;
    private final int[] picture;
    private final int pictureWidth;
    private final int pictureHeight;
    private final int left;
    private final int top;

    CharacterOverlay(FrameSource scene, byte[] still) {
        this.scene = scene;
        BufferedImage image = ReferenceImage.picture(still);
        this.pictureHeight = Math.max(2, scene.height() / 3);
        this.pictureWidth = Math.max(2, Math.min(scene.width(), Math.round(image.getWidth() * pictureHeight / (float) image.getHeight())));
        BufferedImage scaled = ImageScaler.cover(image, pictureWidth, pictureHeight);
        this.picture = scaled.getRGB(0, 0, pictureWidth, pictureHeight, null, 0, pictureWidth);
        this.left = (scene.width() - pictureWidth) / 2;
        this.top = scene.height() - pictureHeight - scene.height() / 12;
    }

    /** What is drawn behind the character. */
    FrameSource scene() { return scene; }

    @Override public int width() { return scene.width(); }

    @Override public int height() { return scene.height(); }

    @Override
    public void render(int index, FrameBuffer target) {
        scene.render(index, target);
        target.scaleUpPicture();
        int[] pixels = target.pixels();
        int width = scene.width();
        for (int y = 0; y < pictureHeight; y++) {
            System.arraycopy(picture, y * pictureWidth, pixels, (top + y) * width + left, pictureWidth);
            for (int x = 0; x < pictureWidth; x++) pixels[(top + y) * width + left + x] &= 0xFFFFFF;
        }
    }
}
