package dev.vidgate.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's default prices, in micro-credits per {@link PriceUnit} and resolution tier ({@code 720p}): the price book
 * starts from these, and the operator's prices override them.
 *
 * @param audioSurcharges what sound adds to the price of a unit, by tier, where the model's audio is optional (a job
 *                        that asks for sound pays price + surcharge per unit); empty for the other models
 */
public record Pricing(PriceUnit unit, Map<String, Long> prices, Map<String, Long> audioSurcharges) {
    /** Frames per second that the token estimate assumes (Seedance bills width x height x frames / 1024 tokens). */
    static final int TOKEN_FPS = 24;

    public Pricing {
        prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
        audioSurcharges = Collections.unmodifiableMap(new LinkedHashMap<>(audioSurcharges));
    }

    public Pricing(PriceUnit unit, Map<String, Long> prices) {
        this(unit, prices, Map.of());
    }

    public static Pricing perSecond(Map<String, Long> prices) {
        return new Pricing(PriceUnit.SECOND, prices);
    }

    /** These prices with sound adding {@code surcharges} (by tier) to a unit. */
    public Pricing withAudioSurcharges(Map<String, Long> surcharges) {
        return new Pricing(unit, prices, surcharges);
    }

    /** The tokens a provider counts for one second of frames of {@code size}: width x height x 24 / 1024, rounded up. */
    public static long tokensPerSecond(VideoSize size) {
        return Math.ceilDiv((long) size.width() * size.height() * TOKEN_FPS, 1024);
    }
}
