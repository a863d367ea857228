package dev.vidgate.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether a model's videos carry sound: always, when asked ({@code generate_audio}), or never. */
public enum Audio {
    ALWAYS, OPTIONAL, NONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * What a client may count on when either of two models may make its video: the same audio when they agree, the
     * other's when one is optional; {@link #NONE} when one always has sound and the other never (a client can then
     * count on neither, and asking for sound is refused).
     */
    public Audio and(Audio other) {
        if (this == other || other == OPTIONAL) return this;
        if (this == OPTIONAL) return other;
        return NONE;
    }

    public static Optional<Audio> parse(String wire) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(wire)).findFirst();
    }
}
