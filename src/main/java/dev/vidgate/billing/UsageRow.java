package dev.vidgate.billing;

import dev.vidgate.catalog.PriceUnit;

import java.time.LocalDate;

/**
 * Billed usage of one key, one UTC day, one model, resolution and price unit: seconds, the quantity billed in that
 * unit (seconds, clips or tokens), completed jobs, credits charged.
 */
public record UsageRow(LocalDate day, String tenantId, String keyId, String model, String resolution, PriceUnit unit, long seconds,
                       long quantity, long jobs, long credits) {}
