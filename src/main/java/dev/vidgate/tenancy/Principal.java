package dev.vidgate.tenancy;

import java.time.Instant;
import java.util.Set;

/**
 * Who a request acts for: an API key and the tenant that owns it, with the key's limits as they were
 * when it was looked up.
 *
 * @param secretHint        the masked secret ({@code sk-vg...wxyz}), for messages
 * @param allowedModels     model names the key may use; empty allows every model
 * @param requestsPerMinute the key's request rate limit; null means none
 * @param expiresAt         when the key stops working; null means never
 */
public record Principal(String keyId, String tenantId, int maxConcurrent, String secretHint, Set<String> allowedModels,
                        Integer requestsPerMinute, Instant expiresAt, boolean keyDisabled, boolean tenantDisabled) {

    public Principal {
        allowedModels = Set.copyOf(allowedModels);
    }

    /** A working key without limits beyond its concurrency. */
    public Principal(String keyId, String tenantId, int maxConcurrent) {
        this(keyId, tenantId, maxConcurrent, "", Set.of(), null, null, false, false);
    }

    /** Whether the key may use a model, given by its catalog name (aliases are resolved before). */
    public boolean mayUse(String model) {
        return allowedModels.isEmpty() || allowedModels.contains(model);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
