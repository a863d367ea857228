package dev.vidgate.engine.builtin.living;

/**
 * Turns a smooth depth estimate (0 near .. 1 far) into three layers (near: the nearest quarter of
 * its range, middle, far: the farthest quarter) with soft steps
 * between them, as nearness 0 far .. 0.5 middle .. 1 near, blurred a little so a layer's edge is a short
 * ramp: where a near layer moves away, the pixels it uncovers come from stretching that ramp.
 */
final class DepthLayers {
    /** The fraction of a layer's depth range over which it steps into the next. */
    private static final double STEP = 0.3;

    private DepthLayers() {}

    /** Depth is first stretched to the picture's own range, so every picture with any depth cue gets all three layers. */
    static float[] nearness(float[] depth) {
        float[] n = new float[depth.length];
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (float d : depth) {
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        double range = Math.max(0.05, max - min);
        for (int i = 0; i < depth.length; i++) {
            double x = Math.max(0, Math.min(1.999, (depth[i] - min) / range * 2));
            int layer = (int) x;
            double step = RegionAnalysis.smoothstep((x - layer - (0.5 - STEP / 2)) / STEP);
            n[i] = (float) (1 - (layer + step) / 2);
        }
        return n;
    }
}
