package dev.vidgate.engine;

import dev.vidgate.catalog.VideoSize;

import java.io.IOException;
import java.io.InputStream;
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
 * @param remix          the video this one remixes, or {@code null}
 * @param options        what clients of other providers may add ({@code negative_prompt}, {@code seed},
 *                       {@code generate_audio}, a last frame); {@link Options#NONE} for a Sora client
 */
public record GenerationRequest(String jobId, String model, VideoSize size, int seconds, String prompt, byte[] referenceImage,
                                RemixSource remix, Options options, SourceFootage footage, byte[] character) {

    /** A request that starts from no footage. */
    public GenerationRequest(String jobId, String model, VideoSize size, int seconds, String prompt, byte[] referenceImage,
                             RemixSource remix, Options options) {
        this(jobId, model, size, seconds, prompt, referenceImage, remix, options, null, null);
    }

    /** A request that names no character ({@code character}: the still, PNG, of a character the prompt names, or null). */
    public GenerationRequest(String jobId, String model, VideoSize size, int seconds, String prompt, byte[] referenceImage,
                             RemixSource remix, Options options, SourceFootage footage) {
        this(jobId, model, size, seconds, prompt, referenceImage, remix, options, footage, null);
    }

    /**
     * The footage an edit or an extension starts from: an edit re-renders the job's length from its first frame with
     * the new prompt; an extension keeps it ({@code seconds} of it) and continues from its last frame, so the request's
     * {@code seconds} is the stitched total.
     *
     * @param extension whether the job extends the footage (else it edits it)
     * @param seconds   the footage's length in whole seconds
     * @param video     opens the footage's MP4; the caller closes the stream
     */
    public record SourceFootage(boolean extension, int seconds, VideoOpener video) {
        public SourceFootage {
            Objects.requireNonNull(video, "video");
        }
    }

    /** A request without the optional provider fields. */
    public GenerationRequest(String jobId, String model, VideoSize size, int seconds, String prompt, byte[] referenceImage,
                             RemixSource remix) {
        this(jobId, model, size, seconds, prompt, referenceImage, remix, Options.NONE);
    }

    /**
     * Optional create fields that Sora never had and other providers take; every one may be absent, and an engine
     * that cannot honour one ignores it only when the API let it through (the API refuses a last frame for a model
     * without one).
     *
     * @param negativePrompt what the video should not show, or {@code null}
     * @param seed           the provider's random seed, or {@code null}
     * @param generateAudio  whether to make sound where the model's audio is optional, or {@code null} for its default
     * @param lastFrame      encoded JPEG, PNG or WebP image whose pixels equal the size, for the last frame, or {@code null}
     * @param jobSeed        the job's own seed (the client's {@code seed}, or one drawn at create), which an engine making its
     *                       own randomness (the built-in renderer) varies its output by; never sent to a provider in place
     *                       of {@code seed}; {@code null} for a request of no job (the output then depends on the prompt only)
     */
    public record Options(String negativePrompt, Long seed, Boolean generateAudio, byte[] lastFrame, Long jobSeed) {
        public static final Options NONE = new Options(null, null, null, null, null);

        /** Options without a job seed. */
        public Options(String negativePrompt, Long seed, Boolean generateAudio, byte[] lastFrame) {
            this(negativePrompt, seed, generateAudio, lastFrame, null);
        }

        public boolean hasLastFrame() { return lastFrame != null; }
    }

    /** A request that is not a remix. */
    public GenerationRequest(String jobId, String model, VideoSize size, int seconds, String prompt, byte[] referenceImage) {
        this(jobId, model, size, seconds, prompt, referenceImage, null);
    }

    /**
     * The completed video a remix starts from.
     *
     * @param videoId      the source video's id
     * @param engine       the engine that made it
     * @param engineHandle that engine's handle for it (a remote engine's upstream task)
     * @param prompt       the source's prompt
     * @param video        opens the source MP4; the caller closes the stream
     */
    public record RemixSource(String videoId, String engine, String engineHandle, String prompt, VideoOpener video) {
        public RemixSource {
            Objects.requireNonNull(videoId, "videoId");
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(video, "video");
        }
    }

    /** Opens a stored video's bytes. */
    @FunctionalInterface
    public interface VideoOpener {
        InputStream open() throws IOException;
    }

    public GenerationRequest {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(prompt, "prompt");
        if (seconds <= 0) throw new IllegalArgumentException("seconds must be positive");
        if (options == null) options = Options.NONE;
    }

    public boolean hasReference() { return referenceImage != null; }

    public boolean isRemix() { return remix != null; }

    /** The frames an extension keeps from its footage before the new ones (0 for every other request), at {@code fps}. */
    public int keptFrames(int fps) {
        return footage != null && footage.extension() ? Math.multiplyExact(footage.seconds(), fps) : 0;
    }
}
