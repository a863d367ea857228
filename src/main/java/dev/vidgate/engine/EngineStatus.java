package dev.vidgate.engine;

/** What an engine says about a piece of work when asked with {@link Engine#check}. */
public sealed interface EngineStatus {

    /** Still working; {@code progress} is 0..99 and never goes down for one handle. */
    record Running(int progress) implements EngineStatus {
        public Running {
            if (progress < 0 || progress > 99) throw new IllegalArgumentException("progress must be 0..99: " + progress);
        }
    }

    /** Finished; the output stays readable until {@link Engine#release} is called for the handle. */
    record Done(EngineOutput output) implements EngineStatus {}

    /**
     * Finished without a video. {@code retryable} is true for transient causes (the same request may
     * succeed if started again), false for permanent ones (bad input, moderation).
     */
    record Failed(String code, String message, boolean retryable) implements EngineStatus {}

    /**
     * The provider is at capacity (its concurrency or rate limit answered, not a fault of the work): nothing runs,
     * nothing was charged upstream; the job goes back to the queue until {@code retryAfter} has passed, without
     * using up one of its attempts, and is started again then.
     */
    record Waiting(java.time.Duration retryAfter, String reason) implements EngineStatus {
        public Waiting {
            if (retryAfter == null || retryAfter.isNegative()) throw new IllegalArgumentException("retryAfter must be zero or more");
        }
    }

    /** The engine does not know this handle (for example the process restarted): start the work again. */
    record Lost() implements EngineStatus {}
}
