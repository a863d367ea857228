package dev.vidgate.video;

import dev.vidgate.catalog.VideoSize;
import java.time.Instant;

/** A job about to be inserted, already validated. */
public record NewVideo(
        String id,
        String tenantId,
        String keyId,
        String model,
        String quality,
        String prompt,
        VideoSize size,
        int seconds,
        boolean hasReference,
        String remixedFromVideoId,
        String engine,
        Instant createdAt,
        String idempotencyKey) {}
