package dev.vidgate.video;

import dev.vidgate.catalog.VideoSize;
import java.time.Duration;

/**
 * Service rules that operators may tune.
 *
 * @param retention          how long finished content stays downloadable after completion
 * @param idempotencyWindow  how long an {@code Idempotency-Key} names its first job
 * @param defaultModel       the model used when a request names none
 * @param defaultSize        the size used when a request names none (the model's first size when it does not make this one)
 * @param defaultSeconds     the duration used when a request names none (the model's shortest when it does not make this one)
 */
public record VideoPolicy(Duration retention, Duration idempotencyWindow, String defaultModel, VideoSize defaultSize,
                          int defaultSeconds) {
}
