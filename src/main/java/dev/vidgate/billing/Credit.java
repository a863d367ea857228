package dev.vidgate.billing;

import java.time.Instant;

/**
 * An operator's movement: a top-up or an adjustment.
 *
 * @param requestKey an idempotency key: the same key for the same tenant answers the first movement
 *                   instead of moving money again; null for none
 */
public record Credit(String tenantId, MovementKind kind, long amount, String reason, String requestKey, Instant at) {}
