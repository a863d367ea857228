package dev.vidgate.tenancy;

import dev.vidgate.tenancy.jdbc.JdbcKeyStore;
import dev.vidgate.testsupport.TestClock;
import dev.vidgate.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key cache in front of the real key store (H2). A key disabled straight in the store, behind the cache's
 * back, shows whether an answer came from the cache (still enabled) or from the store (disabled).
 */
class CachingAuthenticatorTest {
    private static final Duration TTL = Duration.ofSeconds(10);

    private final TestClock clock = new TestClock();
    private KeyStore keys;
    private CachingAuthenticator authenticator;

    @BeforeEach
    void setUp() {
        DataSource ds = TestDatabases.freshH2();
        keys = new JdbcKeyStore(new JdbcTemplate(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)), clock);
        keys.createTenant("acme", null);
        authenticator = new CachingAuthenticator(keys, clock, TTL);
    }

    @Test
    void aFloodOfUnknownKeysDoesNotPushAValidKeyOutOfTheCache() {
        // The flood takes seconds of real time: a long time to live keeps the valid key from simply expiring.
        authenticator = new CachingAuthenticator(keys, clock, Duration.ofHours(1));
        CreatedKey valid = keys.create(new KeySpec("acme", "ci", null, 2));
        assertThat(authenticator.authenticate(valid.secret())).isPresent();
        keys.updateKey(valid.keyId(), KeyChanges.none().withDisabled(true));

        for (int i = 0; i < 12_000; i++) assertThat(authenticator.authenticate("sk-guess-" + i)).isEmpty();

        Principal cached = authenticator.authenticate(valid.secret()).orElseThrow();
        assertThat(cached.keyDisabled()).as("answered from the cache, not looked up again").isFalse();
    }

    @Test
    void anUnknownKeyIsNotRememberedSoAKeyMadeRightAfterAFailedAttemptWorksAtOnce() {
        String secret = "sk-chosen-0123456789abcdefghijkl";
        assertThat(authenticator.authenticate(secret)).isEmpty();
        keys.create(new KeySpec("acme", "chosen", secret, 2));
        assertThat(authenticator.authenticate(secret)).isPresent();
    }

    @Test
    void aCachedKeyIsLookedUpAgainOnceItsTimeHasPassedOnTheInjectedClock() {
        CreatedKey valid = keys.create(new KeySpec("acme", "ci", null, 2));
        assertThat(authenticator.authenticate(valid.secret())).isPresent();
        keys.updateKey(valid.keyId(), KeyChanges.none().withDisabled(true));

        clock.advance(TTL.minusSeconds(1));
        assertThat(authenticator.authenticate(valid.secret()).orElseThrow().keyDisabled()).isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(authenticator.authenticate(valid.secret()).orElseThrow().keyDisabled()).isTrue();
    }

    @Test
    void forgettingAKeyOrItsTenantDropsItAtOnce() {
        CreatedKey valid = keys.create(new KeySpec("acme", "ci", null, 2));
        assertThat(authenticator.authenticate(valid.secret())).isPresent();
        keys.updateKey(valid.keyId(), KeyChanges.none().withDisabled(true));
        authenticator.forget(valid.keyId());
        assertThat(authenticator.authenticate(valid.secret()).orElseThrow().keyDisabled()).isTrue();

        keys.updateKey(valid.keyId(), KeyChanges.none().withDisabled(false));
        authenticator.forgetTenant(valid.tenantId());
        assertThat(authenticator.authenticate(valid.secret()).orElseThrow().keyDisabled()).isFalse();
    }
}
