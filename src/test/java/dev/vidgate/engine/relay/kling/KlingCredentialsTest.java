package dev.vidgate.engine.relay.kling;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.vidgate.engine.relay.ApiKey;
import dev.vidgate.engine.relay.ChannelSettings;
import dev.vidgate.testsupport.TestClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The channel key's form, checked at start, and the tokens signed from it: Kling's claims, reused until near expiry. */
class KlingCredentialsTest {
    private static final String KEY = FakeKling.ACCESS_KEY + ":" + FakeKling.SECRET_KEY;

    @Test
    void aTokenCarriesTheAccessKeyAsIssuerAndExpiresThirtyMinutesAfterItIsSignedWithTheSecretKey() throws Exception {
        TestClock clock = new TestClock();
        Instant now = clock.instant();
        SignedJWT jwt = SignedJWT.parse(new KlingTokens(KlingKey.parse(ApiKey.of(KEY)), clock).current());
        assertThat(jwt.verify(new MACVerifier(FakeKling.SECRET_KEY.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWT");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(FakeKling.ACCESS_KEY);
        assertThat(claims.getExpirationTime().toInstant().getEpochSecond()).isEqualTo(now.getEpochSecond() + 1800);
        assertThat(claims.getNotBeforeTime().toInstant().getEpochSecond()).isEqualTo(now.getEpochSecond() - 5);
    }

    @Test
    void aTokenIsReusedUntilFiveMinutesBeforeItExpiresThenSignedAnew() {
        TestClock clock = new TestClock();
        KlingTokens tokens = new KlingTokens(KlingKey.parse(ApiKey.of(KEY)), clock);
        String first = tokens.current();
        clock.advance(Duration.ofMinutes(24));
        assertThat(tokens.current()).isEqualTo(first);
        clock.advance(Duration.ofMinutes(2));
        assertThat(tokens.current()).isNotEqualTo(first);
    }

    @Test
    void aKeyInAnotherFormIsRefusedAtStartNamingApiKeyWithoutRepeatingIt() {
        KlingProvider provider = new KlingProvider();
        for (String wrong : new String[] {"sk-just-one-key-0123456789abcdef", "AKonly:", ":SKonly0123456789abcdef0123456789ab",
                "AK:SK:with0123456789abcdef0123456789abcd", "AKshort:tooShortSecret"}) {
            ChannelSettings channel = ChannelSettings.of("k", URI.create("https://api-singapore.klingai.com"), ApiKey.of(wrong), provider);
            assertThatThrownBy(() -> provider.check(channel)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("api-key").message().doesNotContain(wrong).doesNotContain("tooShortSecret");
        }
        ChannelSettings none = ChannelSettings.of("k", URI.create("https://api-singapore.klingai.com"), null, provider);
        assertThatThrownBy(() -> provider.check(none)).hasMessageStartingWith("api-key is required");
        provider.check(ChannelSettings.of("k", URI.create("https://api-singapore.klingai.com"), ApiKey.of(KEY), provider));
    }
}
