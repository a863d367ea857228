package dev.vidgate.billing;

/** Something reconciliation found wrong; {@code videoId} is null for a tenant-wide problem. */
public record Discrepancy(String tenantId, String videoId, String problem) {}
