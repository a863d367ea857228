package dev.vidgate.billing;

import dev.vidgate.catalog.PriceUnit;

import java.time.Instant;

/**
 * One row of the append-only ledger.
 *
 * @param amount       the signed change of the tenant's balance, in micro-credits
 * @param balanceAfter the tenant's balance right after this movement
 * @param seconds      held seconds (hold) or billed seconds (settle); null for top-ups and adjustments
 * @param unit         what the job is priced by (hold, settle, release); null for top-ups and adjustments
 * @param quantity     the units held (hold) or billed (settle: seconds, 1 clip or tokens; 0 for a release)
 * @param unitPrice    the price per unit the job was held at (and settles at), its audio surcharge included
 * @param audio        whether the job pays the audio surcharge; null for top-ups and adjustments
 * @param charge       what the job cost (settle), 0 for a release, null otherwise
 */
public record Movement(String id, String tenantId, String keyId, String videoId, MovementKind kind, long amount, long balanceAfter,
                       String model, String resolution, Integer seconds, PriceUnit unit, Long quantity, Long unitPrice,
                       Boolean audio, Long charge, String reason, Instant createdAt) {}
