package dev.vidgate.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's default prices, in micro-credits per {@link PriceUnit} and resolution tier ({@code 720p}): the
 * price book starts from these, and the operator's prices override them.
 */
public record Pricing(PriceUnit unit, Map<String, Long> prices) {
    /** Frames per second that the token estimate assumes (Seedance bills width x height x frames / 1024 tokens). */
    static final int TOKEN_FPS = 24;

    public Pricing {
        prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
    }

    public static Pricing perSecond(Map<String, Long> prices) {
        return new Pricing(PriceUnit.SECOND, prices);
    }

    /**
     * What one second of {@code seconds} of video at {@code size} costs at {@code unitPrice} (per this unit), rounded
     * up: a clip's price spread over its seconds, or the tokens the provider will count for one second of such
     * frames. The hold and the settlement per second use it until providers report their own usage.
     */
    public long perSecond(long unitPrice, VideoSize size, int seconds) {
        return switch (unit) {
            case SECOND -> unitPrice;
            case CLIP -> Math.ceilDiv(unitPrice, seconds);
            case THOUSAND_TOKENS -> Math.ceilDiv(unitPrice * tokensPerSecond(size), 1000);
        };
    }

    static long tokensPerSecond(VideoSize size) {
        return Math.ceilDiv((long) size.width() * size.height() * TOKEN_FPS, 1024);
    }
}
