package dev.vidgate.billing;

/** The answer to a hold: the movement written, or why nothing was. */
public sealed interface HoldOutcome {

    record Held(Movement movement) implements HoldOutcome {}

    /**
     * @param needed  the hold asked for
     * @param limit   the figure it ran into: the balance available, or the spending limit
     * @param spent   for spending limits, what was spent in the period already
     */
    record Refused(Reason reason, long needed, long limit, long spent) implements HoldOutcome {}

    enum Reason { BALANCE, DAILY_LIMIT, MONTHLY_LIMIT, TENANT_DISABLED }
}
