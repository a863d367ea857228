package dev.vidgate.tenancy;

import java.time.Instant;
import java.util.Set;

/**
 * An API key as people see it: never its secret, only a masked hint.
 *
 * @param requestsPerMinute null means no rate limit
 * @param maxQueued         how many of its jobs may wait queued at once; null means no cap
 * @param allowedModels     empty allows every model
 * @param expiresAt         null means never
 */
public record ApiKey(String id, String tenantId, String name, String secretHint, int maxConcurrent, Integer requestsPerMinute,
                     Integer maxQueued, Set<String> allowedModels, Instant expiresAt, boolean disabled, Instant createdAt) {
    public ApiKey {
        allowedModels = Set.copyOf(allowedModels);
    }
}
