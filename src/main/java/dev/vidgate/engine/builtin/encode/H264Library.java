package dev.vidgate.engine.builtin.encode;

import java.util.Locale;
import java.util.Optional;

/**
 * Which OpenH264 the built-in engine encodes with. {@link #AUTO} (the default) takes the machine's own
 * library when it has one ({@value SystemOpenH264#LIBRARY}, e.g. Debian's {@code libopenh264-7}, on a JDK
 * 22 or newer) and the one bundled with FFmpeg otherwise; the machine's is about twice as fast, because
 * the bundled one is compiled without its assembly code.
 */
public enum H264Library {
    /** The machine's library when it loads, else the bundled one. */
    AUTO,
    /** Always the OpenH264 bundled with FFmpeg (works everywhere, slower). */
    BUNDLED,
    /** Always the machine's library; the engine refuses to start without it. */
    SYSTEM;

    /** Parses {@code auto}, {@code bundled} or {@code system} (any case); null for anything else. */
    public static H264Library parse(String value) {
        if (value == null) return null;
        for (H264Library choice : values()) if (choice.name().equals(value.trim().toUpperCase(Locale.ROOT))) return choice;
        return null;
    }

    /** Whether this choice can be had here ({@link #SYSTEM} only where the machine's library loads). */
    public boolean isAvailable() {
        return this != SYSTEM || SystemOpenH264.find().isPresent();
    }

    /** The encoders this choice gives here; {@link #SYSTEM} without the library is an {@link IllegalStateException}. */
    public VideoEncoder.Factory encoders() {
        return this == BUNDLED ? H264Encoder.BUNDLED : encoders(SystemOpenH264.find());
    }

    /** As {@link #encoders()}, with the machine's library as found (or not). */
    VideoEncoder.Factory encoders(Optional<SystemOpenH264> library) {
        if (this == BUNDLED) return H264Encoder.BUNDLED;
        if (library.isPresent()) return SystemOpenH264Encoder.factory(library.get());
        if (this == SYSTEM) {
            throw new IllegalStateException("the machine's OpenH264 (" + SystemOpenH264.LIBRARY + ") could not be loaded: "
                    + "install the library (Debian and Ubuntu: apt-get install libopenh264-7)");
        }
        return H264Encoder.BUNDLED;
    }
}
