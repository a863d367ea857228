package dev.vidgate.tenancy;

import java.time.Instant;

/**
 * A customer of the gateway: owns keys and videos. Its money (balance, limits) is billing's business.
 *
 * @param defaultMaxConcurrent the concurrency given to its new keys; null means the server default
 */
public record Tenant(String id, String name, boolean disabled, Integer defaultMaxConcurrent, Instant createdAt) {}
