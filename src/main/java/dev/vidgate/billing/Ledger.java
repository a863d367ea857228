package dev.vidgate.billing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tenants' balances and the append-only ledger that explains them. Amounts are micro-credits (long).
 *
 * <p>Contract, shared by every adapter and checked by {@code LedgerContract}:
 * <ul>
 *   <li>Every change of a balance writes exactly one ledger row in the same transaction, so a
 *       tenant's balance always equals the sum of its rows ({@link #reconcile} proves it), and an
 *       aborted transaction leaves neither.</li>
 *   <li>{@link #hold}, {@link #settle} and {@link #release} run inside the caller's transaction (the
 *       job store's winning transition). A job is held at most once and settled or released at most
 *       once: a second attempt fails (an exception aborts the caller's transaction) instead of moving
 *       money twice.</li>
 *   <li>A hold is refused, writing nothing, when the tenant is disabled, when it would take the
 *       balance below minus the credit limit, or when it would take the day's or month's spending
 *       (UTC) above a spending limit. Concurrent holds of one tenant are decided one after the other,
 *       so no interleaving overdraws.</li>
 *   <li>A settle charges the hold's unit price for the quantity delivered in the hold's unit (the
 *       seconds delivered; one clip; the tokens the provider reported, else the held tokens for the
 *       share of the held seconds delivered), never more than the quantity held, so never more than
 *       the hold, and gives the rest back; a release gives back the whole hold. Both answer empty for
 *       a job that was never held (created before billing).</li>
 *   <li>{@link #credit} refuses (an {@link IllegalArgumentException}, nothing written) an unknown
 *       tenant or a balance leaving +/- {@link Money#MAX_AMOUNT}; a repeated request key of a tenant
 *       answers the first movement.</li>
 * </ul>
 */
public interface Ledger {

    Optional<Account> account(String tenantId, Instant now);

    Optional<Account> setLimits(String tenantId, SpendingLimits limits, Instant now);

    Movement credit(Credit credit);

    HoldOutcome hold(Hold hold);

    Optional<Movement> settle(String videoId, Delivery delivered, Instant at);

    /** Settles on {@code deliveredSeconds}, with no usage reported by a provider. */
    default Optional<Movement> settle(String videoId, int deliveredSeconds, Instant at) {
        return settle(videoId, new Delivery(deliveredSeconds, null), at);
    }

    Optional<Movement> release(String videoId, Instant at);

    Optional<Movement> movement(String id);

    /**
     * A page of ledger rows of one tenant (or all when null) in the order they were written.
     *
     * @param afterId exclusive cursor: a movement id, or null to start at the beginning (or end)
     */
    List<Movement> movements(String tenantId, String afterId, int limit, boolean ascending);

    List<UsageRow> usage(UsageQuery query);

    /**
     * Checks every tenant: balance = sum of its ledger rows, held = its open holds; and every job: no
     * finished job still held, no failed or cancelled job charged, no settle or release without a hold.
     * Empty when all is well.
     */
    List<Discrepancy> reconcile();
}
