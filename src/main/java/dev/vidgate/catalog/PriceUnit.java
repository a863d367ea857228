package dev.vidgate.catalog;

import java.util.Arrays;
import java.util.Optional;

/** What one price of a model buys: a second of video (the default), a whole clip, or 1,000 provider tokens. */
public enum PriceUnit {
    SECOND("per_second"), CLIP("per_clip"), THOUSAND_TOKENS("per_1k_tokens");

    private final String wireName;

    PriceUnit(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<PriceUnit> parse(String wire) {
        return Arrays.stream(values()).filter(u -> u.wireName.equals(wire)).findFirst();
    }
}
