package dev.vidgate.engine.builtin.subject;

/** How a subject moves, as the prompt's verbs say ("walks", "奔跑"); without one it idles (breathes). */
public enum Action {
    IDLE, WALK, RUN, FLY, DRIVE, SWIM, EAT, JUMP;

    /** Whether the subject travels across the frame. */
    boolean travels() {
        return this == WALK || this == RUN || this == FLY || this == DRIVE || this == SWIM;
    }

    /** Frame widths per second it travels at, for a subject nearest the camera. */
    double speed() {
        return switch (this) {
            case WALK -> 0.05;
            case RUN -> 0.11;
            case FLY -> 0.08;
            case DRIVE -> 0.12;
            case SWIM -> 0.05;
            default -> 0;
        };
    }
}
