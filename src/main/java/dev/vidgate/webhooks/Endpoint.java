package dev.vidgate.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Where a tenant's events go.
 *
 * @param secret         the signing secret ({@code whsec_...}); never shown again after create or rotate
 * @param previousSecret the secret before the last rotation, still signing until {@code previousUntil}; or null
 * @param allowPrivate   delivers to private and loopback addresses too (set by the admin only)
 * @param disabledReason why deliveries stopped, when the gateway disabled the endpoint (or null)
 * @param failingSince   the first failed attempt since the last success; or null
 */
public record Endpoint(String id, String tenantId, String url, Set<EventType> events, boolean enabled, boolean allowPrivate,
                       String secret, String previousSecret, Instant previousUntil, String disabledReason,
                       Instant failingSince, Instant createdAt) {

    /** How long the old secret keeps signing after a rotation. */
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    public Endpoint {
        events = Set.copyOf(events);
    }

    /** The secrets that sign at {@code now}: the current one, and the previous one within its overlap. */
    public List<String> signingSecrets(Instant now) {
        if (previousSecret != null && previousUntil != null && now.isBefore(previousUntil)) return List.of(secret, previousSecret);
        return List.of(secret);
    }

    /** {@code whsec_...wxyz}: enough to tell secrets apart in lists. */
    public String secretHint() {
        return "whsec_..." + secret.substring(Math.max(0, secret.length() - 4));
    }
}
