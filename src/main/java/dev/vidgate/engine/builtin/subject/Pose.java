package dev.vidgate.engine.builtin.subject;

import dev.vidgate.engine.builtin.scene.CameraView;

/**
 * Where one figure is at any time: its place at a depth and the motion its verb gives it. Positions are centre-based
 * fractions of the frame ({@code -0.5..0.5}), {@code y} the figure's bottom edge.
 *
 * @param action    how it moves
 * @param nearness  1 nearest; scales its size, lowers it in the frame and makes the camera move it fully
 * @param from      where it is across the frame at the start
 * @param travel    how far it travels across the frame over the clip, to the left (the way the drawings face)
 * @param base      its bottom edge when at rest
 * @param ground    where its contact shadow lies, or NaN for none
 * @param keep      the fraction of it shown above the water line (1 on land)
 * @param seconds   the clip's length
 * @param phase     0..1, so copies of a subject do not move in step
 */
record Pose(Action action, double nearness, double from, double travel, double base, double ground, double keep,
            double seconds, double phase) {

    /** The figure at one time, seen through the camera: {@code x} its centre, {@code y} its bottom edge. */
    record At(double x, double y, double ground, double scaleY, double keep) {}

    static Pose of(Subject.Kind kind, Action verb, double nearness, double across, double seconds, double phase) {
        Action action = verb == Action.IDLE ? switch (kind) {
            case FLYER, AIRCRAFT -> Action.FLY;
            case SWIMMER, BOAT -> Action.SWIM;
            default -> Action.IDLE;
        } : verb;
        if ((kind == Subject.Kind.BUILDING || kind == Subject.Kind.PLANT) && action != Action.IDLE) action = Action.IDLE;
        double travel = Math.min(0.7, action.speed() * nearness * seconds);
        double from = across + travel / 2;
        double ground = 0.1 + 0.32 * nearness;
        double base = ground;
        double keep = 1;
        boolean flies = action == Action.FLY || kind == Subject.Kind.AIRCRAFT || kind == Subject.Kind.FLYER;
        if (flies) {
            base = -0.12 - 0.1 * (1 - nearness);
            ground = Double.NaN;
        } else if (kind == Subject.Kind.SWIMMER || kind == Subject.Kind.BOAT || action == Action.SWIM) {
            base = 0.16 + 0.22 * nearness;
            ground = Double.NaN;
            keep = kind == Subject.Kind.BOAT ? 0.9 : 0.62;
        }
        return new Pose(action, nearness, from, travel, base, ground, keep, seconds, phase);
    }

    boolean grounded() {
        return !Double.isNaN(ground);
    }

    At at(double t, CameraView camera) {
        double p = seconds <= 0 ? 0 : Math.min(1, t / seconds);
        double x = from - travel * p;
        double y = base;
        double scaleY = 1;
        double w = 2 * Math.PI;
        double lift = 0.22 * nearness; // about a figure's height at this depth, in frame heights
        switch (action) {
            case WALK -> y -= lift * 0.05 * Math.abs(Math.sin(w * (1.8 * t + phase)));
            case RUN -> {
                y -= lift * 0.12 * Math.abs(Math.sin(w * (2.6 * t + phase)));
                scaleY = 1 - 0.04 * Math.sin(w * (5.2 * t + phase));
            }
            case FLY -> {
                y -= 0.08 * Math.sin(Math.PI * p) + 0.012 * Math.sin(w * (0.9 * t + phase));
                scaleY = 1 - 0.08 * Math.abs(Math.sin(w * (4 * t + phase)));
            }
            case DRIVE -> y -= lift * 0.02 * Math.abs(Math.sin(w * (4 * t + phase)));
            case SWIM -> y += 0.012 * Math.sin(w * (0.6 * t + phase));
            case EAT -> scaleY = 1 - 0.07 * Math.max(0, Math.sin(w * (1.3 * t + phase)));
            case JUMP -> {
                double hop = (t / 0.8 + phase) % 1;
                y -= lift * 0.7 * 4 * hop * (1 - hop);
                scaleY = hop < 0.08 || hop > 0.94 ? 0.92 : 1;
            }
            case IDLE -> scaleY = 1 + 0.02 * Math.sin(w * (0.3 * t + phase));
        }
        CameraView view = camera.atDepth(nearness);
        double screenY = view.screenY(y);
        double groundY = grounded() ? view.screenY(ground) : Double.NaN;
        return new At(view.screenX(x, y), screenY, groundY, scaleY, keep);
    }
}
