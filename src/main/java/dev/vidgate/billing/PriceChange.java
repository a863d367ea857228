package dev.vidgate.billing;

import dev.vidgate.common.Change;

/**
 * An operator's change to the price of a model at a tier, as the admin API and the commands send it.
 *
 * @param resolution     the tier ({@code 720p}) or a size of it ({@code 1280x720})
 * @param unit           {@code per_second}, {@code per_clip} or {@code per_1k_tokens}; null keeps the unit in force
 * @param priceField     the name the price was sent under, which a refusal names ({@code price}, {@code price_per_second})
 * @param price          micro-credits per unit
 * @param audioSurcharge micro-credits a unit costs more with sound: kept as in force, set, or removed ({@code null})
 */
public record PriceChange(String model, String resolution, String unit, String priceField, long price, Change<Long> audioSurcharge) {

    /** A new price in the unit in force, its surcharge kept. */
    public static PriceChange of(String model, String resolution, long price) {
        return new PriceChange(model, resolution, null, "price", price, Change.keep());
    }
}
