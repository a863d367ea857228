package dev.vidgate.engine.relay.kling;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;

/**
 * Kling's API token: a JWT signed HS256 with the secret key, {@code {iss: access key, exp: now + 30 min, nbf: now - 5 s}},
 * sent as {@code Authorization: Bearer <jwt>}. A token is reused until five minutes before it expires, so a busy channel
 * signs about one token every 25 minutes instead of one per request.
 */
final class KlingTokens {
    static final Duration LIFETIME = Duration.ofSeconds(1800);
    static final Duration EARLY = Duration.ofSeconds(5);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final KlingKey key;
    private final InstantSource clock;
    private final MACSigner signer;
    private String token;
    private Instant renewAt = Instant.MIN;

    KlingTokens(KlingKey key, InstantSource clock) {
        this.key = key;
        this.clock = clock;
        try {
            this.signer = new MACSigner(key.secretKey());
        } catch (JOSEException e) {
            // KlingKey.parse refused short secrets at start
            throw new IllegalArgumentException("api-key: the secret key cannot sign HS256 tokens", null);
        }
    }

    /** A token valid now and for at least the next five minutes. */
    synchronized String current() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(renewAt)) {
            Instant issued = Instant.ofEpochSecond(now.getEpochSecond());
            Instant expires = issued.plus(LIFETIME);
            token = sign(issued, expires);
            renewAt = expires.minus(RENEW_BEFORE_EXPIRY);
        }
        return token;
    }

    private String sign(Instant issued, Instant expires) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(key.accessKey())
                .expirationTime(Date.from(expires))
                .notBeforeTime(Date.from(issued.minus(EARLY)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a Kling token failed", null);
        }
        return jwt.serialize();
    }
}
