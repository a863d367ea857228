package dev.vidgate.billing;

import java.time.Instant;

/**
 * One row of the append-only ledger.
 *
 * @param amount       the signed change of the tenant's balance, in micro-credits
 * @param balanceAfter the tenant's balance right after this movement
 * @param seconds      held seconds (hold) or billed seconds (settle); null for top-ups and adjustments
 * @param unitPrice    the price per second the job was held at (and settles at)
 * @param charge       what the job cost (settle), 0 for a release, null otherwise
 */
public record Movement(String id, String tenantId, String keyId, String videoId, MovementKind kind, long amount, long balanceAfter,
                       String model, String resolution, Integer seconds, Long unitPrice, Long charge, String reason,
                       Instant createdAt) {}
