package dev.vidgate.console;

import java.time.Instant;

/**
 * A signed-in console: who it acts as, and the token its pages send back on every unsafe request.
 *
 * @param tokenHash the SHA-256 of the cookie's token (the token itself is never stored)
 * @param keyHash   for {@link Role#TENANT}, the SHA-256 of the API key it was opened with (never the key); null for
 *                  {@link Role#OPERATOR}
 * @param csrfToken what the pages send in {@code X-CSRF-Token}
 */
public record ConsoleSession(String tokenHash, Role role, String keyHash, String csrfToken, Instant createdAt,
                             Instant expiresAt) {

    /** A tenant's view (an API key) or the operator's (the admin key). */
    public enum Role {
        TENANT, OPERATOR;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
