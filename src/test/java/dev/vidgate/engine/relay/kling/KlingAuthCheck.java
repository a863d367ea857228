package dev.vidgate.engine.relay.kling;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;

/**
 * Kling's check of {@code Authorization: Bearer <jwt>}, as its error table describes it: 1001 empty, 1002 invalid
 * (not a JWT, not HS256 with {@code typ: JWT}, a bad signature), 1000 an unknown access key, 1003 not yet valid ({@code nbf}), 1004 expired
 * ({@code exp}); all HTTP 401. Time comes from the fake's own clock, which a test may set apart from Vidgate's.
 */
final class KlingAuthCheck {
    /** A refusal: Kling's service code and message. */
    record Refusal(int code, String message) {}

    private final String accessKey;
    private final byte[] secretKey;
    private final InstantSource clock;

    KlingAuthCheck(String accessKey, String secretKey, InstantSource clock) {
        this.accessKey = accessKey;
        this.secretKey = secretKey.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** {@code null} when the header carries a token Kling accepts now, else why not. */
    Refusal check(String authorization) {
        if (authorization == null || authorization.isBlank()) return new Refusal(1001, "Authorization is empty");
        if (!authorization.startsWith("Bearer ")) return new Refusal(1002, "Authorization is invalid");
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return new Refusal(1002, "Authorization is invalid");
        }
        boolean typed = jwt.getHeader().getType() != null && "JWT".equals(jwt.getHeader().getType().getType());
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !typed) return new Refusal(1002, "Authorization is invalid");
        if (!accessKey.equals(claims.getIssuer())) return new Refusal(1000, "Authentication failed");
        try {
            if (!jwt.verify(new MACVerifier(secretKey))) return new Refusal(1002, "Authorization is invalid");
        } catch (JOSEException e) {
            return new Refusal(1002, "Authorization is invalid");
        }
        Instant now = clock.instant();
        Date notBefore = claims.getNotBeforeTime();
        Date expires = claims.getExpirationTime();
        if (expires == null || notBefore == null) return new Refusal(1002, "Authorization is invalid");
        if (notBefore.toInstant().isAfter(now)) return new Refusal(1003, "Authorization is not yet valid");
        if (!expires.toInstant().isAfter(now)) return new Refusal(1004, "Authorization has expired");
        return null;
    }
}
