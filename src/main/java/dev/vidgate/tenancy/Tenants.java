package dev.vidgate.tenancy;

import dev.vidgate.common.ApiException;

import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The operator's use cases for tenants and keys, shared by the admin API and the commands: input is
 * checked here once, and every refusal is a clear client error.
 */
public final class Tenants {
    /** Tenant names are slugs, so they read well on a command line and never look like an id ({@code ten_...}). */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    public static final int MAX_CONCURRENT = 1000;
    public static final int MAX_REQUESTS_PER_MINUTE = 1_000_000;
    public static final int MAX_QUEUED = 100_000;

    private final KeyStore keys;
    private final KeyPolicy policy;
    private final Function<String, Optional<String>> modelNames;
    private final CachingAuthenticator authenticator;
    private final InstantSource clock;

    /**
     * @param modelNames the catalog name of a model or alias, empty for an unknown model
     */
    public Tenants(KeyStore keys, KeyPolicy policy, Function<String, Optional<String>> modelNames,
                   CachingAuthenticator authenticator, InstantSource clock) {
        this.keys = keys;
        this.policy = policy;
        this.modelNames = modelNames;
        this.authenticator = authenticator;
        this.clock = clock;
    }

    public Tenant createTenant(String name, Integer defaultMaxConcurrent) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw TenancyErrors.invalid("name", "A tenant name is 1 to 63 lower-case letters, digits and '-', starting with a "
                    + "letter or digit; got '" + TenancyErrors.clip(name) + "'.");
        }
        checkRange("default_max_concurrent", defaultMaxConcurrent, 1, MAX_CONCURRENT);
        try {
            return keys.createTenant(name, defaultMaxConcurrent);
        } catch (IllegalArgumentException duplicate) {
            throw ApiException.invalid("A tenant named '" + name + "' already exists.", "name", "duplicate_name");
        }
    }

    public Tenant tenant(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) throw TenancyErrors.invalid("tenant", "Name the tenant (its id or name).");
        return keys.findTenant(idOrName.trim()).orElseThrow(() -> TenancyErrors.tenantNotFound(idOrName));
    }

    /** The id of the tenant named (by id or name), or null when none is named: "all tenants" in reports. */
    public String idOrAll(String tenant) {
        return tenant == null || tenant.isEmpty() ? null : tenant(tenant).id();
    }

    public List<Tenant> tenants(String afterId, int limit, boolean ascending) {
        if (afterId != null) tenant(afterId);
        return keys.listTenants(afterId, limit, ascending);
    }

    public Tenant updateTenant(String idOrName, TenantChanges changes) {
        Tenant tenant = tenant(idOrName);
        checkRange("default_max_concurrent", changes.defaultMaxConcurrent().orElse(null), 1, MAX_CONCURRENT);
        Tenant updated = keys.updateTenant(tenant.id(), changes).orElseThrow(() -> TenancyErrors.tenantNotFound(idOrName));
        authenticator.forgetTenant(tenant.id());
        return updated;
    }

    public CreatedKey createKey(NewKey request) {
        Tenant tenant = tenant(request.tenant());
        if (tenant.disabled()) {
            throw ApiException.invalid("Tenant '" + tenant.name() + "' is disabled; enable it before making keys.", "tenant", "tenant_disabled");
        }
        int maxConcurrent = request.maxConcurrent() != null ? request.maxConcurrent()
                : tenant.defaultMaxConcurrent() != null ? tenant.defaultMaxConcurrent() : policy.defaultMaxConcurrent();
        checkRange("max_concurrent", maxConcurrent, 1, MAX_CONCURRENT);
        Integer rpm = checkRange("requests_per_minute", request.requestsPerMinute().orElse(policy.defaultRequestsPerMinute()),
                1, MAX_REQUESTS_PER_MINUTE);
        Integer maxQueued = checkRange("max_queued", request.maxQueued().orElse(policy.defaultMaxQueued()), 1, MAX_QUEUED);
        checkFuture(request.expiresAt());
        return keys.create(new KeySpec(tenant.name(), checkName(request.name()), null, maxConcurrent, rpm, maxQueued,
                canonicalModels(request.allowedModels()), request.expiresAt()));
    }

    public ApiKey key(String keyId) {
        if (keyId == null || keyId.isBlank()) throw TenancyErrors.invalid("key_id", "Name the key by its id (key_...).");
        return keys.findKey(keyId.trim()).orElseThrow(() -> TenancyErrors.keyNotFound(keyId));
    }

    /** Keys of a tenant (by id or name), or of every tenant when {@code tenant} is null. */
    public List<ApiKey> keys(String tenant, String afterId, int limit, boolean ascending) {
        String tenantId = tenant == null ? null : tenant(tenant).id();
        if (afterId != null) key(afterId);
        return keys.listKeys(tenantId, afterId, limit, ascending);
    }

    public ApiKey updateKey(String keyId, KeyChanges c) {
        key(keyId);
        if (c.name().present() && c.name().value() == null) throw TenancyErrors.invalid("name", "A key name cannot be removed.");
        if (c.maxConcurrent().present() && c.maxConcurrent().value() == null) {
            throw TenancyErrors.invalid("max_concurrent", "max_concurrent cannot be removed; give a number from 1 to " + MAX_CONCURRENT + ".");
        }
        checkRange("max_concurrent", c.maxConcurrent().orElse(null), 1, MAX_CONCURRENT);
        checkRange("requests_per_minute", c.requestsPerMinute().orElse(null), 1, MAX_REQUESTS_PER_MINUTE);
        checkRange("max_queued", c.maxQueued().orElse(null), 1, MAX_QUEUED);
        checkFuture(c.expiresAt().orElse(null));
        KeyChanges canonical = new KeyChanges(c.name().map(this::checkName), c.maxConcurrent(), c.requestsPerMinute(), c.maxQueued(),
                c.allowedModels().map(this::canonicalModels), c.expiresAt(), c.disabled());
        ApiKey updated = keys.updateKey(keyId, canonical).orElseThrow(() -> TenancyErrors.keyNotFound(keyId));
        authenticator.forget(keyId);
        return updated;
    }

    /** A new secret for the same key: same id, tenant, limits and videos; the old secret stops working. */
    public CreatedKey rotateKey(String keyId) {
        key(keyId);
        CreatedKey rotated = keys.rotate(keyId).orElseThrow(() -> TenancyErrors.keyNotFound(keyId));
        authenticator.forget(keyId);
        return rotated;
    }

    private String checkName(String name) {
        if (name == null) return null;
        String trimmed = name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw TenancyErrors.invalid("name", "A key name is 1 to 200 characters.");
        }
        return trimmed;
    }

    private void checkFuture(Instant expiresAt) {
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw TenancyErrors.invalid("expires_at", "expires_at must be in the future; to stop a key now, disable it.");
        }
    }

    private Set<String> canonicalModels(Set<String> models) {
        Set<String> canonical = new LinkedHashSet<>();
        for (String model : models) {
            canonical.add(modelNames.apply(model == null ? "" : model.trim()).orElseThrow(() -> ApiException.invalid(
                    "Unknown model '" + TenancyErrors.clip(model) + "' in allowed_models.", "allowed_models", "model_not_found")));
        }
        return canonical;
    }

    private static Integer checkRange(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw TenancyErrors.invalid(field, field + " must be a whole number from " + min + " to " + max + ".");
        }
        return value;
    }
}
