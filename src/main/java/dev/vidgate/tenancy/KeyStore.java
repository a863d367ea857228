package dev.vidgate.tenancy;

import java.util.List;
import java.util.Optional;

/**
 * Tenants and their API keys. Secrets are never stored: only a SHA-256 hash of each (keys are long
 * random strings, so a fast hash is enough) and a masked hint for people.
 *
 * <p>Contract, shared by every adapter and checked by {@code KeyStoreContract}:
 * <ul>
 *   <li>{@link #authenticate} finds a key by its secret, also when the key or its tenant is disabled
 *       or the key expired (the {@link Principal} says so, so callers can tell the client why); it is
 *       empty only for an unknown secret. A rotated key answers to its new secret only.</li>
 *   <li>Tenant names are unique, and so are secrets: creating a duplicate is an
 *       {@link IllegalArgumentException}, and nothing is written.</li>
 *   <li>{@link #create} puts a key in an existing tenant, found by name; an unknown tenant is an
 *       {@link IllegalArgumentException}.</li>
 *   <li>Updates change only what the change names; rotating keeps the key's id, tenant, limits and
 *       videos and replaces only its secret.</li>
 *   <li>Lists are pages in creation order ({@code ascending}) or its reverse, after an exclusive
 *       cursor (an id of the same list) or from the start when it is null.</li>
 *   <li>{@link #checkQueue} runs inside the transaction that inserts a job (a {@code TransitionHook}):
 *       for a key with a queue cap it locks the key, so concurrent creates of one key are counted one
 *       after the other, and counts the key's queued jobs, the new one included.</li>
 * </ul>
 */
public interface KeyStore {

    Optional<Principal> authenticate(String secret);

    /** As {@link #authenticate}, by the secret's {@link Secrets#hash} (a console session keeps only that). */
    Optional<Principal> authenticateHash(String secretHash);

    Tenant createTenant(String name, Integer defaultMaxConcurrent);

    /** A tenant by its id or its name. */
    Optional<Tenant> findTenant(String idOrName);

    List<Tenant> listTenants(String afterId, int limit, boolean ascending);

    Optional<Tenant> updateTenant(String tenantId, TenantChanges changes);

    CreatedKey create(KeySpec spec);

    Optional<ApiKey> findKey(String keyId);

    /** Keys of one tenant, or of every tenant when {@code tenantId} is null. */
    List<ApiKey> listKeys(String tenantId, String afterId, int limit, boolean ascending);

    Optional<ApiKey> updateKey(String keyId, KeyChanges changes);

    /** Gives the key a new secret; the old one stops working. */
    Optional<CreatedKey> rotate(String keyId);

    /** Locks the key and counts its queued jobs, for the queue cap; see the contract above. */
    QueueCheck checkQueue(String keyId);

    /** True when no key exists yet (first start). */
    boolean isEmpty();

    /** How many of a key's jobs wait queued, and its cap (null: none). */
    record QueueCheck(int queued, Integer cap) {
        public boolean exceeded() {
            return cap != null && queued > cap;
        }
    }
}
