package dev.vidgate.tenancy;

import dev.vidgate.common.ApiException;

import java.time.InstantSource;
import java.util.Optional;

/**
 * Admits a request by its secret: the client address must not be throttled for wrong keys, and the key
 * must exist, be enabled, belong to an enabled tenant, not be expired, and be within its requests per
 * minute. Every refusal names the key only masked.
 */
public final class Gatekeeper {
    private final CachingAuthenticator authenticator;
    private final RequestRateLimiter rateLimiter;
    private final WrongKeyThrottle wrongKeys;
    private final InstantSource clock;

    public Gatekeeper(CachingAuthenticator authenticator, RequestRateLimiter rateLimiter, WrongKeyThrottle wrongKeys,
                      InstantSource clock) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.wrongKeys = wrongKeys;
        this.clock = clock;
    }

    /**
     * The key's principal, if {@code clientAddress} is not {@link WrongKeyThrottle throttled} for wrong keys
     * and the key is admitted; an unknown key counts against the address.
     */
    public Principal admit(String secret, String clientAddress) {
        wrongKeys.refuseIfBlocked(clientAddress);
        Optional<Principal> found = authenticator.authenticate(secret);
        if (found.isEmpty()) {
            wrongKeys.recordFailure(clientAddress);
            throw TenancyErrors.rejected("Incorrect API key provided: " + Secrets.mask(secret)
                    + ". Check the key, or ask the operator of this Vidgate server for one.");
        }
        return checked(found.get(), Secrets.mask(secret));
    }

    /**
     * The principal of a console session, by the hash of the key it was opened with: a key rotated since no longer
     * answers to it; a disabled or expired key, or a key over its rate, is refused as on {@link #admit}.
     */
    public Principal admitHashed(String secretHash) {
        Principal p = authenticator.authenticateHash(secretHash).orElseThrow(() -> TenancyErrors.rejected(
                "The API key this console session was opened with no longer works (rotated or removed). Sign in again."));
        return checked(p, p.secretHint());
    }

    private Principal checked(Principal p, String shown) {
        if (p.keyDisabled()) {
            throw TenancyErrors.rejected("The API key " + shown + " has been disabled. Ask the operator of this Vidgate server for a working key.");
        }
        if (p.tenantDisabled()) {
            throw TenancyErrors.rejected("The account of the API key " + shown + " is disabled. Ask the operator of this Vidgate server.");
        }
        if (p.expiredAt(clock.instant())) {
            throw TenancyErrors.rejected("The API key " + shown + " expired at " + p.expiresAt()
                    + ". Ask the operator of this Vidgate server for a new key.");
        }
        if (p.requestsPerMinute() != null) {
            rateLimiter.tryAcquire(p.keyId(), p.requestsPerMinute()).ifPresent(refusal -> {
                long seconds = Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000);
                throw new ApiException(429, "requests", "Rate limit reached for key " + p.keyId()
                        + " on requests per min (RPM): Limit " + p.requestsPerMinute() + ", Used " + refusal.used()
                        + ", Requested 1. Please try again in " + seconds + "s.", null, "rate_limit_exceeded", seconds);
            });
        }
        return p;
    }
}
