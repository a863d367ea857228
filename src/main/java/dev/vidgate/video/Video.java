package dev.vidgate.video;

import dev.vidgate.catalog.VideoSize;
import java.time.Instant;

/**
 * One video job as stored. Immutable: changes are made by the job store through compare-and-set on
 * {@code version}.
 *
 * <p>{@code seconds} is what the client asked for; {@code deliveredSeconds} is what the engine
 * delivered (0 until the job completes), the figure billing settles on; {@code usage} is what the provider reported
 * it used ({@link ProviderUsage#NONE} until then, and for engines that report nothing).
 */
public record Video(
        String id,
        String tenantId,
        String keyId,
        String model,
        String quality,
        VideoStatus status,
        int progress,
        String prompt,
        VideoSize size,
        int seconds,
        int deliveredSeconds,
        ProviderUsage usage,
        boolean hasReference,
        String remixedFromVideoId,
        String engine,
        String engineHandle,
        VideoError error,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        Instant expiresAt,
        boolean contentExpired,
        int attempts,
        long version) {

    /** The storage key prefix under which this video's files live. */
    public String storagePrefix() {
        return "videos/" + id;
    }

    public String storageKey(Variant variant) {
        return storagePrefix() + "/" + variant.fileName();
    }

    public String referenceKey() {
        return storagePrefix() + "/reference";
    }
}
