package dev.vidgate.engine.builtin;

/** Thrown inside the render loop once the job has been cancelled; unwinds the loop and its encoder. */
final class RenderCancelledException extends RuntimeException {
    RenderCancelledException() {
        super("render cancelled", null, false, false);
    }
}
