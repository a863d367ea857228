package dev.vidgate.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates API keys through a {@link KeyStore}, remembering answers for a short time so that a
 * busy polling client costs no database round trip per request. A key disabled or rotated on another
 * node stops working within {@code ttl}; on this node at once ({@link #forget}).
 */
public final class CachingAuthenticator {
    private static final int MAX_ENTRIES = 10_000;

    private final KeyStore keys;
    private final InstantSource clock;
    private final Duration ttl;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    public CachingAuthenticator(KeyStore keys, InstantSource clock, Duration ttl) {
        this.keys = keys;
        this.clock = clock;
        this.ttl = ttl;
    }

    public Optional<Principal> authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 200) return Optional.empty();
        String hash = Secrets.hash(secret);
        Instant now = clock.instant();
        Entry cached = cache.get(hash);
        if (cached != null && now.isBefore(cached.until)) return cached.principal;
        Optional<Principal> found = keys.authenticate(secret);
        if (cache.size() >= MAX_ENTRIES) cache.clear();
        cache.put(hash, new Entry(found, now.plus(ttl)));
        return found;
    }

    /** Drops what this node remembers about a key, after it was changed, disabled or rotated. */
    public void forget(String keyId) {
        cache.values().removeIf(e -> e.principal.map(p -> p.keyId().equals(keyId)).orElse(false));
    }

    /** Drops everything this node remembers about a tenant's keys, after the tenant changed. */
    public void forgetTenant(String tenantId) {
        cache.values().removeIf(e -> e.principal.map(p -> p.tenantId().equals(tenantId)).orElse(false));
    }

    private record Entry(Optional<Principal> principal, Instant until) {}
}
