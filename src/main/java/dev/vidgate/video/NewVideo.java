package dev.vidgate.video;

import dev.vidgate.catalog.VideoSize;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

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
        String idempotencyKey,
        VideoOptions options,
        List<Adjustment> adjustments,
        Long jobSeed,
        SourceClip source) {

    public NewVideo {
        Objects.requireNonNull(options, "options");
        adjustments = List.copyOf(adjustments);
    }

    /** A job without a recorded seed of its own, that starts from no footage. */
    public NewVideo(String id, String tenantId, String keyId, String model, String quality, String prompt, VideoSize size,
                    int seconds, boolean hasReference, String remixedFromVideoId, String engine, Instant createdAt,
                    String idempotencyKey, VideoOptions options, List<Adjustment> adjustments) {
        this(id, tenantId, keyId, model, quality, prompt, size, seconds, hasReference, remixedFromVideoId, engine, createdAt,
                idempotencyKey, options, adjustments, null, null);
    }

    /** A job without optional fields or adjustments (what a Sora client creates). */
    public NewVideo(String id, String tenantId, String keyId, String model, String quality, String prompt, VideoSize size,
                    int seconds, boolean hasReference, String remixedFromVideoId, String engine, Instant createdAt,
                    String idempotencyKey) {
        this(id, tenantId, keyId, model, quality, prompt, size, seconds, hasReference, remixedFromVideoId, engine, createdAt,
                idempotencyKey, VideoOptions.NONE, List.of(), null, null);
    }
}
