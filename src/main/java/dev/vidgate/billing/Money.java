package dev.vidgate.billing;

import java.math.BigDecimal;

/** Credits are counted in whole micro-credits (1 credit = 1,000,000), never in floating point. */
public final class Money {
    public static final long MICROS_PER_CREDIT = 1_000_000L;
    /** The largest top-up, adjustment or balance (either sign): a billion credits. */
    public static final long MAX_AMOUNT = 1_000_000_000L * MICROS_PER_CREDIT;
    /** The largest price per second: a million credits. */
    public static final long MAX_PRICE_PER_SECOND = 1_000_000L * MICROS_PER_CREDIT;

    private Money() {}

    /** {@code 1250000} as {@code "1.25"}: credits for people, exact. */
    public static String credits(long micros) {
        return BigDecimal.valueOf(micros).movePointLeft(6).stripTrailingZeros().toPlainString();
    }
}
