package dev.vidgate.billing;

import dev.vidgate.catalog.PriceUnit;

import java.time.Instant;
import java.util.Objects;

/**
 * What a new job asks to hold: {@code quantity} of {@code unit} at {@code unitPrice} each (per 1,000 for tokens).
 *
 * @param seconds   the seconds asked for
 * @param quantity  the seconds, one clip, or the tokens estimated for them
 * @param unitPrice micro-credits per unit, the audio surcharge included when {@code audio}
 * @param audio     whether the job asked for sound and pays the model's audio surcharge
 */
public record Hold(String tenantId, String keyId, String videoId, String model, String resolution, int seconds, PriceUnit unit,
                   long quantity, long unitPrice, boolean audio, Instant at) {
    public Hold {
        Objects.requireNonNull(unit, "unit");
    }

    /** A hold of {@code seconds} at a price per second, without sound. */
    public Hold(String tenantId, String keyId, String videoId, String model, String resolution, int seconds, long unitPrice,
                Instant at) {
        this(tenantId, keyId, videoId, model, resolution, seconds, PriceUnit.SECOND, seconds, unitPrice, false, at);
    }

    /** The amount held, rounded up; {@link Long#MAX_VALUE} when it does not fit (which no balance covers). */
    public long amount() {
        return unit.cost(unitPrice, quantity);
    }
}
