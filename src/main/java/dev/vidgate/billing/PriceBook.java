package dev.vidgate.billing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Prices per second by model and resolution: the configured defaults, overridden by what the operator
 * sets at run time (shared by every node through the database).
 *
 * <p>Contract ({@code PriceBookContract}): {@link #priceOf} answers the override when one is set, else
 * the default, else empty; {@link #set} replaces an override; {@link #reset} removes it (the default
 * applies again) and answers whether there was one; {@link #list} gives every priced model and
 * resolution once, sorted by model then resolution.
 */
public interface PriceBook {

    List<Price> list();

    Optional<Long> priceOf(String model, String resolution);

    Price set(String model, String resolution, long pricePerSecond, Instant at);

    boolean reset(String model, String resolution);
}
