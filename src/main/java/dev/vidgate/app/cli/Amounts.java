package dev.vidgate.app.cli;

import dev.vidgate.billing.Money;
import dev.vidgate.common.Change;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Money on the command line: whole micro-credits ({@code 2500000}) or credits with the {@code cr} unit
 * ({@code 2.5cr}), read exactly (never through floating point); {@code none} removes a limit.
 */
final class Amounts {
    private static final Pattern MICROS = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern CREDITS = Pattern.compile("-?[0-9]{1,13}(\\.[0-9]{1,6})?cr");

    private Amounts() {}

    static long parse(String value, String option) {
        String v = value.trim();
        try {
            if (MICROS.matcher(v).matches()) return Long.parseLong(v);
            if (CREDITS.matcher(v).matches()) {
                return new BigDecimal(v.substring(0, v.length() - 2)).movePointRight(6).longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // answered below
        }
        throw new Args.UsageException("--" + option + " takes whole micro-credits (2500000) or credits (2.5cr), got '" + value + "'");
    }

    /** An option that may clear a limit: absent keeps it, {@code none} removes it. */
    static Change<Long> limit(Args args, String option) {
        String value = args.option(option);
        if (value == null) return Change.keep();
        if (value.trim().equalsIgnoreCase("none")) return Change.to(null);
        return Change.to(parse(value, option));
    }

    static Change<Integer> count(Args args, String option) {
        String value = args.option(option);
        if (value == null) return Change.keep();
        if (value.trim().equalsIgnoreCase("none")) return Change.to(null);
        return Change.to(args.integer(option));
    }

    /** {@code 2.5 credits}, or {@code none} for a missing limit. */
    static String show(Long micros) {
        return micros == null ? "none" : Money.credits(micros) + " credits";
    }
}
