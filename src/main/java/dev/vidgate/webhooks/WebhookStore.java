package dev.vidgate.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Durable endpoints, the outbox of deliveries and their attempt log.
 *
 * <p>Contract, shared by every adapter and checked by {@code WebhookStoreContract}:
 * <ul>
 *   <li>{@link #record} writes in the caller's transaction (the job store's winning transition), so an event exists
 *       exactly when its transition committed: never lost, never invented.</li>
 *   <li>{@link #claimDue} hands a pending delivery to one worker at a time, on any node, until its lease runs out; a
 *       worker that dies leaves it to the next claim after the lease.</li>
 *   <li>{@link #finish} applies only while the worker still holds the lease of a pending delivery (compare-and-set); a
 *       lost lease is a normal outcome ({@code false}).</li>
 *   <li>Reads by tenant never return another tenant's endpoints.</li>
 * </ul>
 */
public interface WebhookStore {

    void insertEndpoint(Endpoint endpoint);

    Optional<Endpoint> endpoint(String id);

    /** A page of endpoints in creation order, of one tenant or of all ({@code tenantId} null); {@code afterId} exclusive. */
    List<Endpoint> endpoints(String tenantId, String afterId, int limit, boolean ascending);

    /** Applies {@code changes}; empty if there is no such endpoint. */
    Optional<Endpoint> update(String id, EndpointChanges changes);

    /** Replaces the secret; the old one keeps signing until {@code previousUntil}. */
    boolean rotate(String id, String newSecret, Instant previousUntil);

    /** Forgets the previous secrets whose overlap has ended by {@code now} (they no longer sign); answers how many. */
    int forgetPreviousSecrets(Instant now);

    /** Removes an endpoint with its deliveries and their log. */
    boolean delete(String id);

    /**
     * Turns off an endpoint that kept failing, with a reason the operator sees; its pending deliveries fail. False if it
     * was already off.
     */
    boolean disable(String id, String reason, Instant at);

    /**
     * Writes one pending delivery (due at once, named by {@code deliveryIds}) for every enabled endpoint of the event's
     * tenant that asks for its type, in the caller's transaction; answers how many.
     */
    int record(WebhookEvent event, Supplier<String> deliveryIds);

    /** Runs {@code action} once the caller's transaction commits; at once without one. */
    void afterCommit(Runnable action);

    /** Leases up to {@code limit} pending deliveries that are due, of enabled endpoints, to {@code worker}. */
    List<Claim> claimDue(String worker, Instant now, Duration lease, int limit);

    /** When the earliest pending delivery is due (a leased one: when its lease runs out), if any. */
    Optional<Instant> nextDue();

    /**
     * Logs {@code attempt} and applies its {@code outcome}, while {@code attempt.worker()} holds the delivery's lease;
     * a delivered attempt ends the endpoint's failing streak, another starts it if none runs.
     */
    boolean finish(DeliveryAttempt attempt, Outcome outcome);

    /** Makes every lease held by {@code worker} claimable at once (a node calls it on start). */
    int releaseLeases(String worker);

    Optional<Delivery> delivery(String id);

    /** A page of an endpoint's deliveries in creation order; {@code afterId} exclusive. */
    List<Delivery> deliveries(String endpointId, String afterId, int limit, boolean ascending);

    /** Every attempt of a delivery, in order. */
    List<DeliveryAttempt> attempts(String deliveryId);

    /** Sends a delivery again (same webhook-id) at {@code now}, whatever became of it. False if there is none. */
    boolean redeliver(String deliveryId, Instant now);
}
