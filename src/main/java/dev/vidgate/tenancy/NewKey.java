package dev.vidgate.tenancy;

import dev.vidgate.common.Change;

import java.time.Instant;
import java.util.Set;

/**
 * An operator's request for a key, before defaults and checks. Null or {@link Change#keep()} fields
 * take the defaults ({@link KeyPolicy}, the tenant's default concurrency); {@code Change.to(null)}
 * asks for no limit.
 */
public record NewKey(String tenant, String name, Integer maxConcurrent, Change<Integer> requestsPerMinute,
                     Change<Integer> maxQueued, Set<String> allowedModels, Instant expiresAt) {

    public NewKey {
        allowedModels = allowedModels == null ? Set.of() : Set.copyOf(allowedModels);
    }

    /** A key in a tenant with every default. */
    public static NewKey in(String tenant) {
        return new NewKey(tenant, null, null, Change.keep(), Change.keep(), Set.of(), null);
    }
}
