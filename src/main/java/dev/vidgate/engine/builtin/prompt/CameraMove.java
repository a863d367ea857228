package dev.vidgate.engine.builtin.prompt;

import dev.vidgate.engine.builtin.prompt.PromptDirection.MoveKind;

/**
 * One camera move of a prompt.
 *
 * @param kind     what the camera does
 * @param strength how far and how fast, 1 for a normal move (slow and gentle are less, fast and dramatic more)
 * @param step     position in the sequence: moves with the same step happen together, higher steps later
 */
public record CameraMove(MoveKind kind, double strength, int step) {
    public CameraMove {
        if (!(strength > 0) || strength > 10) throw new IllegalArgumentException("strength " + strength);
        if (step < 0) throw new IllegalArgumentException("step " + step);
    }
}
