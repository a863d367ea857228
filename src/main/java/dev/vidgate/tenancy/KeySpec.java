package dev.vidgate.tenancy;

import java.time.Instant;
import java.util.Set;

/**
 * What to make a key with; validated by {@link Tenants} (the store trusts it).
 *
 * @param tenantName        the tenant to put the key in; it must exist
 * @param name              a label for people
 * @param secret            the secret to use (e.g. the operator's bootstrap key); null generates one
 * @param maxConcurrent     how many of this key's jobs may generate at once; at least 1
 * @param requestsPerMinute the key's rate limit; null means none
 * @param maxQueued         how many of its jobs may wait queued; null means no cap
 * @param allowedModels     empty allows every model
 * @param expiresAt         null means never
 */
public record KeySpec(String tenantName, String name, String secret, int maxConcurrent, Integer requestsPerMinute,
                      Integer maxQueued, Set<String> allowedModels, Instant expiresAt) {

    public KeySpec {
        allowedModels = Set.copyOf(allowedModels);
    }

    /** A key without limits beyond its concurrency. */
    public KeySpec(String tenantName, String name, String secret, int maxConcurrent) {
        this(tenantName, name, secret, maxConcurrent, null, null, Set.of(), null);
    }
}
