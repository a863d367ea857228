package dev.vidgate.billing;

import dev.vidgate.catalog.PriceUnit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Prices by model and resolution tier, each in its unit and with its audio surcharge: the configured defaults,
 * overridden by what the operator sets at run time (shared by every node through the database).
 *
 * <p>Contract ({@code PriceBookContract}): {@link #priceOf} answers the override when one is set, else the default,
 * else empty; {@link #set} replaces an override (unit, price and surcharge together); {@link #reset} removes it (the
 * default applies again) and answers whether there was one; {@link #list} gives every priced model and resolution
 * once, sorted by model then resolution.
 */
public interface PriceBook {

    List<Price> list();

    Optional<Price> priceOf(String model, String resolution);

    /** Sets the operator's price; {@code audioSurcharge} null for none. */
    Price set(String model, String resolution, PriceUnit unit, long price, Long audioSurcharge, Instant at);

    boolean reset(String model, String resolution);
}
