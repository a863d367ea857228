package dev.vidgate.billing;

import dev.vidgate.catalog.PriceUnit;

/**
 * What a completed job delivered, as its settlement counts it.
 *
 * @param seconds the whole seconds delivered (the provider's reported length, rounded up)
 * @param tokens  the tokens the provider reported, or null when it reported none
 */
public record Delivery(int seconds, Long tokens) {

    /**
     * The quantity of {@code unit} billed for this delivery, never more than the {@code heldQuantity} held for
     * {@code heldSeconds}: the seconds delivered; one clip; the tokens reported, or without a report the held tokens
     * for the share of the held seconds delivered (rounded up).
     */
    public long quantity(PriceUnit unit, long heldQuantity, int heldSeconds) {
        long billedSeconds = Math.clamp(seconds, 0, Math.max(heldSeconds, 0));
        long billed = switch (unit) {
            case SECOND -> billedSeconds;
            case CLIP -> 1;
            case THOUSAND_TOKENS -> tokens != null ? Math.max(tokens, 0)
                    : heldSeconds <= 0 ? heldQuantity : Math.ceilDiv(Math.multiplyExact(heldQuantity, billedSeconds), heldSeconds);
        };
        return Math.min(billed, heldQuantity);
    }
}
