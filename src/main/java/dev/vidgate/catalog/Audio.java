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

    public static Optional<Audio> parse(String wire) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(wire)).findFirst();
    }
}
