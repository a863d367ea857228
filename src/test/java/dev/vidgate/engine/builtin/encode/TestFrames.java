package dev.vidgate.engine.builtin.encode;

import dev.vidgate.engine.builtin.frame.YuvPlanes;

/**
 * Builds YUV 4:2:0 test frames (laid out as {@link YuvPlanes} says): a soft diagonal gradient with a
 * bright disc moving steadily to the right, optionally with per-frame noise, which no encoder can predict.
 */
final class TestFrames {
    private final int width;
    private final int height;
    private double discSpeed = 3.5;
    private int noise;

    private TestFrames(int width, int height) {
        this.width = width;
        this.height = height;
    }

    static TestFrames of(int width, int height) {
        return new TestFrames(width, height);
    }

    /** Pixels the disc moves per frame. */
    TestFrames discSpeed(double pixelsPerFrame) {
        this.discSpeed = pixelsPerFrame;
        return this;
    }

    /** Adds noise of this amplitude (luma levels), different in every frame. */
    TestFrames noise(int amplitude) {
        this.noise = amplitude;
        return this;
    }

    YuvPlanes planes() {
        return new YuvPlanes(width, height);
    }

    byte[] frame(int index) {
        YuvPlanes planes = planes();
        byte[] yuv = new byte[planes.size()];
        double discX = width * 0.2 + index * discSpeed;
        double discY = height * 0.5;
        double radius = height * 0.2;
        java.util.SplittableRandom random = new java.util.SplittableRandom(index);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double luma = 40 + 120.0 * (x + y) / (width + height);
                double dx = x - discX;
                double dy = y - discY;
                if (dx * dx + dy * dy < radius * radius) luma = 220;
                if (noise > 0) luma += random.nextInt(-noise, noise + 1);
                yuv[y * width + x] = (byte) Math.max(16, Math.min(235, Math.round(luma)));
            }
        }
        for (int y = 0; y < planes.chromaHeight(); y++) {
            for (int x = 0; x < planes.chromaWidth(); x++) {
                yuv[planes.u() + y * planes.chromaWidth() + x] = (byte) (100 + 40 * x / planes.chromaWidth());
                yuv[planes.v() + y * planes.chromaWidth() + x] = (byte) (150 - 30 * y / planes.chromaHeight());
            }
        }
        return yuv;
    }

    /** The luma of {@code yuv} at a pixel. */
    int luma(byte[] yuv, int x, int y) {
        return yuv[y * width + x] & 0xFF;
    }
}
