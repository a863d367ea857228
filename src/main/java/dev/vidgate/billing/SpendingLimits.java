package dev.vidgate.billing;

import dev.vidgate.common.Change;

/** A partial update of a tenant's money limits; {@code Change.to(null)} removes a limit. */
public record SpendingLimits(Change<Long> creditLimit, Change<Long> dailyLimit, Change<Long> monthlyLimit) {

    public static SpendingLimits none() {
        return new SpendingLimits(Change.keep(), Change.keep(), Change.keep());
    }
}
