package dev.vidgate.engine.builtin.scene;

import dev.vidgate.engine.builtin.frame.ClipFormat;
import dev.vidgate.engine.builtin.prompt.CameraMove;
import dev.vidgate.engine.builtin.prompt.PromptDirection.MoveKind;

import java.util.List;

/**
 * The camera over a whole clip: the prompt's moves laid out in time, eased, and combined into one
 * {@link CameraView} per frame. Moves that share a step run together; steps share the clip equally and
 * follow each other. Every move starts and ends at rest (smoothstep easing), so motion never jumps.
 *
 * <p>A pan, tilt or sway on a picture that fills the frame would show what is beyond its edges, so the
 * path zooms in just enough to keep the view inside the picture ("coverage"): a pan right from the first
 * frame keeps the right edge in place and slides everything else left. A pull-out does reach beyond
 * the picture; the image source fills that margin (see
 * {@link dev.vidgate.engine.builtin.ImageMotionSource ImageMotionSource}).
 */
public final class CameraPath {
    /** Amplitudes of a normal (strength 1) move of {@value #REFERENCE_SECONDS} seconds. */
    private static final double PUSH = 0.20;
    private static final double PULL = 0.17;
    private static final double PAN = 0.09;
    private static final double SWAY = 0.022;
    private static final double DOLLY = 0.16;
    private static final double DOLLY_DEPTH = 0.35;
    /** Sway cycles per second of an orbit at strength 1. */
    private static final double SWAY_RATE = 0.16;
    /** How much more the bottom of the frame moves than the top while swaying. */
    private static final double SWAY_PARALLAX = 0.8;
    private static final double REFERENCE_SECONDS = 4;
    private static final double MAX_LOG_ZOOM = 0.95;
    private static final double MAX_PAN = 0.3;

    private final List<CameraMove> moves;
    private final int frames;
    private final double seconds;
    private final int steps;
    private final boolean coverage;

    /**
     * @param moves    the prompt's moves (may be empty: a still camera)
     * @param frames   frames in the clip
     * @param coverage zoom in as needed to keep pans and sways inside the picture (image-to-video)
     */
    public CameraPath(List<CameraMove> moves, int frames, boolean coverage) {
        this.moves = List.copyOf(moves);
        this.frames = Math.max(1, frames);
        this.seconds = this.frames / (double) ClipFormat.FPS;
        this.steps = moves.stream().mapToInt(CameraMove::step).max().orElse(-1) + 1;
        this.coverage = coverage;
    }

    /** The camera at frame {@code index}; frame 0 is always {@link CameraView#IDENTITY}. */
    public CameraView view(int index) {
        if (index <= 0 || steps == 0 || frames == 1) return CameraView.IDENTITY;
        double u = Math.min(1, index / (double) (frames - 1));
        double logZoom = 0;
        double panX = 0;
        double panY = 0;
        double swayX = 0;
        double swayY = 0;
        double swayReach = 0;
        double perspective = 0;
        double stepSeconds = seconds / steps;
        double lengthFactor = Math.sqrt(Math.max(0.25, stepSeconds / REFERENCE_SECONDS));
        for (CameraMove move : moves) {
            double start = move.step() / (double) steps;
            double local = clamp01((u - start) * steps);
            double p = smoothstep(local);
            double a = move.strength() * lengthFactor;
            switch (move.kind()) {
                case PUSH_IN -> logZoom += PUSH * a * p;
                case PULL_OUT -> logZoom -= PULL * a * p;
                case PAN_LEFT -> panX -= PAN * a * p;
                case PAN_RIGHT -> panX += PAN * a * p;
                case TILT_UP -> panY -= PAN * a * p;
                case TILT_DOWN -> panY += PAN * a * p;
                case DOLLY_IN, DOLLY_OUT -> {
                    double sign = move.kind() == MoveKind.DOLLY_IN ? 1 : -1;
                    logZoom += sign * DOLLY * a * p;
                    perspective += sign * DOLLY_DEPTH * Math.min(1, a) * p;
                }
                case ORBIT -> {
                    double envelope = SWAY * Math.min(2.5, a) * smoothstep(clamp01(local * 3));
                    double phase = 2 * Math.PI * SWAY_RATE * Math.sqrt(move.strength()) * local * stepSeconds;
                    swayX += envelope * Math.sin(phase);
                    swayY += envelope * 0.3 * (1 - Math.cos(phase));
                    swayReach += envelope;
                }
                case STATIC -> { }
            }
        }
        logZoom = Math.max(-MAX_LOG_ZOOM, Math.min(MAX_LOG_ZOOM, logZoom));
        panX = Math.max(-MAX_PAN, Math.min(MAX_PAN, panX));
        panY = Math.max(-MAX_PAN, Math.min(MAX_PAN, panY));
        perspective = Math.max(-0.5, Math.min(0.5, perspective));
        double shear = SWAY_PARALLAX * swayX;
        double zoom = Math.exp(logZoom);
        if (coverage) {
            double needX = Math.abs(panX) + swayReach * (1 + SWAY_PARALLAX / 2);
            double needY = Math.abs(panY) + swayReach * 0.6;
            // a dolly in magnifies the bottom rows more than the top ones: zoom until the top is covered too
            zoom /= (1 - 2 * needX) * (1 - 2 * needY) * (1 - Math.max(0, perspective) / 2);
        }
        return new CameraView(zoom, panX + swayX, panY + swayY, shear, perspective);
    }

    /** The largest horizontal and vertical reach of any frame (0.5 = the picture's edges). */
    public double[] reach() {
        double x = 0.5;
        double y = 0.5;
        for (int i = 0; i < frames; i++) {
            CameraView v = view(i);
            x = Math.max(x, v.reachX());
            y = Math.max(y, v.reachY());
        }
        return new double[] {x, y};
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : Math.min(1, v);
    }

    public static double smoothstep(double t) {
        return t * t * (3 - 2 * t);
    }
}
