package dev.vidgate.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a model can start from besides nothing; {@code VIDEO}: an existing video, which it edits or extends. */
public enum Input {
    TEXT, FIRST_FRAME, LAST_FRAME, REFERENCE_IMAGES, VIDEO;

    /** {@code text}, {@code first_frame}, {@code last_frame}, {@code reference_images}, {@code video}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Input> parse(String wire) {
        return Arrays.stream(values()).filter(i -> i.wireName().equals(wire)).findFirst();
    }
}
