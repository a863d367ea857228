package dev.vidgate.billing;

import dev.vidgate.catalog.PriceUnit;

import java.util.Objects;

/**
 * The price of a model at a resolution tier, in micro-credits per {@code unit}.
 *
 * @param resolution     the tier: {@code 720p}, {@code 1080p}, {@code 4k}, as the catalog names the model's sizes
 * @param unit           what {@code price} buys: a second, a clip, or 1,000 provider tokens
 * @param price          micro-credits per unit
 * @param audioSurcharge micro-credits a unit costs more when the job asks for sound, for a model whose sound is
 *                       optional; null for the others (their sound, if any, is in the price)
 * @param overridden     true when set by the operator (admin API or command), false for a configured default
 */
public record Price(String model, String resolution, PriceUnit unit, long price, Long audioSurcharge, boolean overridden) {
    public Price {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(unit, "unit");
    }

    /** A default price per second, without a surcharge. */
    public static Price perSecond(String model, String resolution, long price) {
        return new Price(model, resolution, PriceUnit.SECOND, price, null, false);
    }

    /** What a unit costs with sound ({@code withAudio} and a surcharge) or without. */
    public long unitPrice(boolean withAudio) {
        return withAudio && audioSurcharge != null ? price + audioSurcharge : price;
    }
}
