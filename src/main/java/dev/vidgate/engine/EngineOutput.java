package dev.vidgate.engine;

import dev.vidgate.video.Adjustment;
import dev.vidgate.video.Variant;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The finished renditions of one generation. Each variant is opened as a fresh stream, so the
 * caller can copy it into the content store without holding it in memory.
 */
public interface EngineOutput {
    /**
     * Whole seconds of video actually delivered, which billing settles on: the requested length for
     * a renderer, the upstream's reported length for a remote engine (rounded up).
     */
    int deliveredSeconds();

    /**
     * What the provider reported it used for this video, which billing settles on for models priced per token; for
     * a renderer, {@link Usage#NONE}. Never more than the caller held money for: billing caps the charge at the hold.
     */
    default Usage usage() {
        return Usage.NONE;
    }

    /**
     * What the engine changed of its model's output to fit the job (a length padded or trimmed, a size scaled), which
     * the job adds to its {@code adjustments}; none by default.
     */
    default List<Adjustment> adjustments() {
        return List.of();
    }

    /**
     * A provider's own account of one video.
     *
     * @param tokens the tokens it counted ({@code usage.total_tokens} of Seedance), or {@code null}
     * @param seconds the length it reported, or {@code null}
     */
    record Usage(Long tokens, Double seconds) {
        public static final Usage NONE = new Usage(null, null);
    }

    /** Opens the bytes of one rendition; the caller closes the stream. */
    InputStream open(Variant variant) throws IOException;
}
