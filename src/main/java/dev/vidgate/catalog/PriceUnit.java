package dev.vidgate.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * What one price of a model buys: a second of video (the default), a whole clip, or 1,000 provider tokens. A job is
 * held for {@link #quantity} of its unit and settled on the quantity the provider reports, both priced by {@link #cost}.
 */
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

    /** The wire names, for messages: "per_second, per_clip or per_1k_tokens". */
    public static String wireNames() {
        return SECOND.wireName + ", " + CLIP.wireName + " or " + THOUSAND_TOKENS.wireName;
    }

    /**
     * How much of this unit {@code seconds} of video at {@code size} is: the seconds, one clip, or the tokens the
     * provider is expected to count ({@link Pricing#tokensPerSecond} a second).
     */
    public long quantity(VideoSize size, int seconds) {
        return switch (this) {
            case SECOND -> seconds;
            case CLIP -> 1;
            case THOUSAND_TOKENS -> Pricing.tokensPerSecond(size) * seconds;
        };
    }

    /**
     * What {@code quantity} of this unit costs at {@code unitPrice} micro-credits per unit (per 1,000 tokens), rounded
     * up; {@link Long#MAX_VALUE} when it is more than a long holds (which no balance covers).
     */
    public long cost(long unitPrice, long quantity) {
        try {
            long product = Math.multiplyExact(unitPrice, quantity);
            return this == THOUSAND_TOKENS ? Math.ceilDiv(product, 1000) : product;
        } catch (ArithmeticException tooLarge) {
            return Long.MAX_VALUE;
        }
    }
}
