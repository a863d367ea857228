package dev.vidgate.video;

import dev.vidgate.catalog.VideoSize;
import java.time.Instant;
import java.util.List;

/**
 * One video job as stored. Immutable: changes are made by the job store through compare-and-set on
 * {@code version}.
 *
 * <p>{@code seconds} is what the client asked for; {@code deliveredSeconds} is what the engine
 * delivered (0 until the job completes), the figure billing settles on; {@code usage} is what the provider reported
 * it used ({@link ProviderUsage#NONE} until then, and for engines that report nothing). {@code seconds} and {@code size}
 * are what the job makes; where that differs from what the client sent, {@code adjustments} says so.
 *
 * <p>{@code jobSeed} is the job's own seed: the client's {@code seed} when it sent one ({@link VideoOptions#seed()}, the
 * only one a provider is sent), otherwise drawn at create; an engine that makes its own randomness varies its output by
 * it. {@code null} for jobs created before it was recorded. {@code promptReading} is what the built-in renderer read in
 * the prompt, once it has ({@code null} until then, and for other engines).
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
        long version,
        VideoOptions options,
        List<Adjustment> adjustments,
        Long jobSeed,
        String promptReading,
        SourceClip source) {

    public Video {
        options = options == null ? VideoOptions.NONE : options;
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
    }

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

    /** Where the source MP4 of an edit or an extension ({@link #source()}) is stored. */
    public String sourceKey() {
        return storagePrefix() + "/source";
    }

    /** The seconds a job is billed for: an extension's added seconds, else its whole length. */
    public int billedSeconds() {
        return billed(seconds);
    }

    /** Of {@code total} seconds made, those billed: an extension's source is not made again. */
    public int billed(int total) {
        return source != null && source.isExtension() ? Math.max(0, total - source.seconds()) : total;
    }

    /** Where the last-frame image of a job that has one ({@link VideoOptions#hasLastFrame()}) is stored. */
    public String lastFrameKey() {
        return storagePrefix() + "/last_frame";
    }
}
