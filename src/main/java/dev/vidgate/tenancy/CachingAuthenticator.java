package dev.vidgate.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import dev.vidgate.common.ClockedCaches;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Authenticates API keys through a {@link KeyStore}, remembering found keys for a short time so that a
 * busy polling client costs no database round trip per request. A key disabled or rotated on another
 * node stops working within {@code ttl}; on this node at once ({@link #forget}).
 *
 * <p>Only keys that exist are remembered, in a bounded cache (least recently used ones leave first):
 * unknown secrets are looked up every time, so a stream of wrong keys can neither push the real keys
 * out nor keep a key made a moment later from working. How often one address may try a wrong key is
 * {@link WrongKeyThrottle}'s business.
 */
public final class CachingAuthenticator {
    private static final int MAX_ENTRIES = 10_000;

    private final KeyStore keys;
    private final Cache<String, Principal> cache;

    public CachingAuthenticator(KeyStore keys, InstantSource clock, Duration ttl) {
        this.keys = keys;
        this.cache = ClockedCaches.bounded(clock, MAX_ENTRIES).expireAfterWrite(ttl).build();
    }

    public Optional<Principal> authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 200) return Optional.empty();
        return authenticateHash(Secrets.hash(secret));
    }

    /** As {@link #authenticate}, by the secret's {@link Secrets#hash}. */
    public Optional<Principal> authenticateHash(String hash) {
        Principal cached = cache.getIfPresent(hash);
        if (cached != null) return Optional.of(cached);
        Optional<Principal> found = keys.authenticateHash(hash);
        found.ifPresent(p -> cache.put(hash, p));
        return found;
    }

    /** Drops what this node remembers about a key, after it was changed, disabled or rotated. */
    public void forget(String keyId) {
        cache.asMap().values().removeIf(p -> p.keyId().equals(keyId));
    }

    /** Drops everything this node remembers about a tenant's keys, after the tenant changed. */
    public void forgetTenant(String tenantId) {
        cache.asMap().values().removeIf(p -> p.tenantId().equals(tenantId));
    }
}
