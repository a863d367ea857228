package dev.vidgate.engine;

import dev.vidgate.video.VideoSize;

import java.util.Objects;

/**
 * Everything an engine needs to generate one video. Immutable and rebuildable from the stored job,
 * so the same request can be handed to an engine again after a restart or on another node.
 *
 * @param jobId          the video id (unique; engines may use it to name their work)
 * @param model          the public model name the client asked for, e.g. {@code sora-2}
 * @param size           exact output size in pixels
 * @param seconds        exact output duration in seconds
 * @param prompt         the user's prompt, 1..32000 characters, any language
 * @param referenceImage encoded bytes of a JPEG, PNG or WebP image whose pixels equal {@code size},
 *                       to be used as the first frame; {@code null} for text-to-video
 */
public record GenerationRequest(String jobId, String model, VideoSize size, int seconds, String prompt, byte[] referenceImage) {
    public GenerationRequest {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(prompt, "prompt");
        if (seconds <= 0) throw new IllegalArgumentException("seconds must be positive");
    }

    public boolean hasReference() { return referenceImage != null; }
}
