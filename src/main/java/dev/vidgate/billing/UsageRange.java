package dev.vidgate.billing;

import dev.vidgate.common.ApiException;

import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The UTC days a usage report, statistics or export covers, both included: by default the last 30 days up to today, at
 * most {@link Billing#MAX_USAGE_DAYS} days back from {@code to}.
 */
public record UsageRange(LocalDate from, LocalDate to) {

    /** The range asked for, either end optional; a 400 naming {@code from} when it is reversed or too long. */
    public static UsageRange of(LocalDate from, LocalDate to, InstantSource clock) {
        LocalDate end = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate start = from != null ? from : end.minusDays(29);
        if (start.isAfter(end)) throw ApiException.invalid("from must not be after to.", "from", "invalid_value");
        if (start.plusDays(Billing.MAX_USAGE_DAYS).isBefore(end)) {
            throw ApiException.invalid("A usage report covers at most " + Billing.MAX_USAGE_DAYS + " days.", "from", "invalid_value");
        }
        return new UsageRange(start, end);
    }
}
