package dev.vidgate.engine;

import dev.vidgate.video.Variant;

import java.io.IOException;
import java.io.InputStream;

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

    /** Opens the bytes of one rendition; the caller closes the stream. */
    InputStream open(Variant variant) throws IOException;
}
