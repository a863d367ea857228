package dev.vidgate.engine.relay.vertex;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.vidgate.engine.relay.Answer;
import dev.vidgate.engine.relay.Transport;
import dev.vidgate.engine.relay.UpstreamAnswers;
import dev.vidgate.engine.relay.UpstreamException;
import dev.vidgate.engine.relay.UpstreamException.Kind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bearer token of a Vertex channel: either the configured static OAuth access token, or one obtained for a
 * service account (its JSON key) by the JWT-bearer grant: an RS256 assertion signed with the account's private key
 * (by Nimbus JOSE+JWT), exchanged at the key's {@code token_uri}, and kept until a minute before it expires.
 * Neither the key nor a token is ever logged or put into a message.
 */
abstract sealed class VertexCredentials {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";
    static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /** The value of {@code Authorization}, fetching a token first where needed. */
    abstract String authorization(Transport transport) throws UpstreamException, InterruptedException;

    /** Refuses a service-account key that cannot be used; the message names {@code api-key}. */
    static void check(String secret) {
        if (secret.startsWith("{")) ServiceAccount.parse(secret);
    }

    static VertexCredentials of(String secret, InstantSource clock) {
        return secret.startsWith("{") ? new ServiceAccount(ServiceAccount.parse(secret), clock) : new Static(secret);
    }

    /** A token configured as it is. */
    static final class Static extends VertexCredentials {
        private final String token;

        Static(String token) {
            this.token = token;
        }

        @Override
        String authorization(Transport transport) {
            return "Bearer " + token;
        }
    }

    /** What a service account's JSON key holds that the grant needs. */
    record Key(String email, String keyId, RSAPrivateKey privateKey, URI tokenUri) {}

    static final class ServiceAccount extends VertexCredentials {
        private static final Duration MARGIN = Duration.ofMinutes(1);
        private final Key key;
        private final InstantSource clock;
        private final ReentrantLock renewing = new ReentrantLock();
        private volatile String token;
        private volatile Instant expires = Instant.MIN;

        ServiceAccount(Key key, InstantSource clock) {
            this.key = key;
            this.clock = clock;
        }

        static Key parse(String secret) {
            JsonNode node;
            try {
                node = JSON.readTree(secret);
            } catch (JacksonException e) {
                throw new IllegalArgumentException("api-key starts with '{' but is not a JSON service-account key");
            }
            String email = text(node, "client_email");
            String pem = text(node, "private_key");
            String tokenUri = node.path("token_uri").asString("https://oauth2.googleapis.com/token");
            URI uri;
            try {
                uri = URI.create(tokenUri);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("api-key: the service account's token_uri is not a URL");
            }
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("api-key: the service account's token_uri must be an http(s) URL");
            }
            String keyId = node.path("private_key_id").asString(null);
            return new Key(email, keyId, privateKey(pem), uri);
        }

        private static String text(JsonNode node, String name) {
            String value = node.path(name).asString("");
            if (value.isBlank()) throw new IllegalArgumentException("api-key: the service account's JSON key has no " + name);
            return value;
        }

        private static RSAPrivateKey privateKey(String pem) {
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            try {
                byte[] der = Base64.getDecoder().decode(base64);
                return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
                throw new IllegalArgumentException("api-key: the service account's private_key is not a PKCS#8 RSA key in PEM");
            }
        }

        @Override
        String authorization(Transport transport) throws UpstreamException, InterruptedException {
            if (fresh()) return "Bearer " + token;
            renewing.lock();
            try {
                if (!fresh()) renew(transport);
                return "Bearer " + token;
            } finally {
                renewing.unlock();
            }
        }

        private boolean fresh() {
            return token != null && clock.instant().isBefore(expires.minus(MARGIN));
        }

        private void renew(Transport transport) throws UpstreamException, InterruptedException {
            Instant now = clock.instant();
            String form = "grant_type=" + URLEncoder.encode(GRANT, StandardCharsets.UTF_8)
                    + "&assertion=" + URLEncoder.encode(assertion(now), StandardCharsets.UTF_8);
            HttpRequest post = transport.request(key.tokenUri())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            Answer answer = transport.observed(() -> transport.exchange(post));
            if (answer.status() == 400 || answer.status() == 401 || answer.status() == 403) {
                throw new UpstreamException(Kind.DENIED, "Google refused the service account's credentials (HTTP "
                        + answer.status() + ").", answer.status(), null, null);
            }
            if (!answer.ok()) throw new UpstreamAnswers(JSON).failure(answer);
            JsonNode node;
            try {
                node = JSON.readTree(answer.body());
            } catch (JacksonException e) {
                node = null;
            }
            String access = node == null ? null : node.path("access_token").asString(null);
            if (access == null || access.isBlank()) {
                throw new UpstreamException(Kind.BROKEN, "Google's token endpoint answered without an access token.");
            }
            long seconds = Math.max(60, node.path("expires_in").asLong(3600));
            token = access;
            expires = now.plusSeconds(seconds);
        }

        private String assertion(Instant now) throws UpstreamException {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(key.email())
                    .audience(key.tokenUri().toString())
                    .claim("scope", SCOPE)
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(key.keyId()).build(), claims);
            try {
                jwt.sign(new RSASSASigner(key.privateKey()));
            } catch (JOSEException e) {
                throw new UpstreamException(Kind.DENIED, "The service account's key could not sign a token request.");
            }
            return jwt.serialize();
        }
    }
}
