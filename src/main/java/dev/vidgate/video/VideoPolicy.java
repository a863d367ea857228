package dev.vidgate.video;

import java.time.Duration;

/**
 * Service rules that operators may tune.
 *
 * @param retention          how long finished content stays downloadable after completion
 * @param idempotencyWindow  how long an {@code Idempotency-Key} names its first job
 * @param defaultModel       the model used when a request names none
 * @param defaultSize        the size used when a request names none
 * @param defaultSeconds     the duration used when a request names none
 */
public record VideoPolicy(Duration retention, Duration idempotencyWindow, String defaultModel, VideoSize defaultSize,
                          int defaultSeconds) {
    public static final java.util.List<String> ALLOWED_SECONDS = java.util.List.of("4", "8", "12");
}
