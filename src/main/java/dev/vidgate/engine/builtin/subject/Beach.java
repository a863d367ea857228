package dev.vidgate.engine.builtin.subject;

import dev.vidgate.engine.builtin.scene.CameraView;

import static dev.vidgate.engine.builtin.scene.PictureCanvas.mix;

import java.util.Random;

/**
 * A strip of sand along the bottom of a sea scene, for subjects that stand on the ground ("a dog on the beach"): its
 * grain is made once, and each frame the surf's edge laps up and down it with a line of foam.
 */
final class Beach {
    /** Where the shore lies when the surf is in the middle of its swing (centre-based, frame heights). */
    private static final double SHORE = 0.2;
    private static final double SWING = 0.012;
    private static final int DRY = 0xD9C49C;
    private static final int WET = 0x9C8A6C;
    private static final int FOAM = 0xEEF2F0;

    private final int width;
    private final int height;
    private final int top;
    private final int[] grain;

    Beach(int width, int height, long seed) {
        this.width = width;
        this.height = height;
        this.top = Math.max(0, (int) Math.floor((SHORE - 2 * SWING + 0.5) * height) - 2);
        this.grain = new int[width * (height - top)];
        Random random = new Random(seed);
        for (int y = top; y < height; y++) {
            double dry = Math.min(1, (y - top) / (0.12 * height));
            int base = mix(WET, DRY, dry);
            for (int x = 0; x < width; x++) grain[(y - top) * width + x] = mix(base, 0x6A5A44, random.nextDouble() * 0.12);
        }
    }

    void paint(double t, CameraView camera, int[] px) {
        CameraView near = camera.atDepth(0.9);
        double rise = SWING * Math.sin(2 * Math.PI * 0.18 * t);
        for (int x = 0; x < width; x++) {
            double wave = 0.004 * Math.sin(2 * Math.PI * (3.0 * x / width + 0.25 * t));
            int edge = (int) Math.round((near.screenY(SHORE - rise + wave) + 0.5) * height);
            int from = Math.max(Math.max(0, top), edge);
            for (int y = from; y < height; y++) {
                int row = y - top;
                if (row < 0) continue;
                int sand = grain[row * width + x];
                px[y * width + x] = y - edge < 3 ? mix(sand, FOAM, 0.75) : sand;
            }
        }
    }
}
