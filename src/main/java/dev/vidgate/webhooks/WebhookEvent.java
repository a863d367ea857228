package dev.vidgate.webhooks;

import java.time.Instant;

/** A job reached a final state: one OpenAI event ({@code evt_...}), sent to each endpoint of its tenant that asks for it. */
public record WebhookEvent(String id, EventType type, String videoId, String tenantId, Instant createdAt) {}
