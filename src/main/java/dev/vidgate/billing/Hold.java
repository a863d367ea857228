package dev.vidgate.billing;

import java.time.Instant;

/** What a new job asks to hold: {@code unitPrice x seconds}. */
public record Hold(String tenantId, String keyId, String videoId, String model, String resolution, int seconds, long unitPrice,
                   Instant at) {

    /** The amount held; {@link ArithmeticException} if it does not fit (prices are bounded, so it always does). */
    public long amount() {
        return Math.multiplyExact(unitPrice, seconds);
    }
}
