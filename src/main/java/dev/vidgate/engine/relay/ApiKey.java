package dev.vidgate.engine.relay;

import java.util.Objects;

/**
 * An upstream credential. Its {@link #toString} shows only a masked form, so a channel's settings can
 * be logged or printed without leaking the key; {@link #reveal} is called only to build a request header.
 */
public final class ApiKey {
    private final String secret;

    private ApiKey(String secret) {
        this.secret = secret;
    }

    /** A key, or {@code null} for an upstream without authentication. */
    public static ApiKey of(String secret) {
        return secret == null || secret.isBlank() ? null : new ApiKey(secret.trim());
    }

    public String reveal() { return secret; }

    /** {@code sk-ab...wxyz}: enough to tell keys apart, never enough to use one. */
    public String masked() {
        if (secret.length() <= 8) return "****";
        return secret.substring(0, 5) + "..." + secret.substring(secret.length() - 4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other && secret.equals(other.secret);
    }

    @Override
    public int hashCode() { return Objects.hash(secret); }

    @Override
    public String toString() { return masked(); }
}
