package dev.vidgate.webhooks;

import java.time.Instant;

/**
 * One event on its way to one endpoint. Its {@code id} is the {@code webhook-id} header, the same on every attempt.
 *
 * @param nextAttemptAt when a pending delivery is tried next
 * @param lastStatusCode the HTTP status of the last attempt, or null (none yet, or no answer)
 */
public record Delivery(String id, String eventId, String endpointId, String tenantId, EventType type, String videoId,
                       Instant eventCreatedAt, Status status, int attempts, Instant nextAttemptAt, Instant deliveredAt,
                       Integer lastStatusCode, String lastError) {

    public enum Status { PENDING, DELIVERED, FAILED }

    /** The event this delivery carries. */
    public WebhookEvent event() {
        return new WebhookEvent(eventId, type, videoId, tenantId, eventCreatedAt);
    }
}
