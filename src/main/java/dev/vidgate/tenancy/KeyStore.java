package dev.vidgate.tenancy;

import java.util.Optional;

/**
 * Tenants and their API keys. Secrets are never stored: only a SHA-256 hash of each (keys are long
 * random strings, so a fast hash is enough) and a masked hint for people.
 *
 * <p>Contract: {@link #authenticate} finds a key by its secret and answers empty for unknown or
 * disabled keys; {@link #create} makes the tenant when it does not exist yet; two keys never share a
 * secret (an attempt is an {@link IllegalArgumentException}).
 */
public interface KeyStore {

    Optional<Principal> authenticate(String secret);

    CreatedKey create(KeySpec spec);

    /** True when no key exists yet (first start). */
    boolean isEmpty();
}
