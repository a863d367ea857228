package dev.vidgate.tenancy;

import dev.vidgate.common.ApiException;
import dev.vidgate.common.Change;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import static dev.vidgate.testsupport.ApiAssertions.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/** Who gets in, on the real key store (H2) and a test clock: wrong keys, disabled and expired keys, request rates. */
class GatekeeperTest {
    private static final Duration CACHE_TTL = Duration.ofSeconds(10);
    private static final int WRONG_KEYS_PER_WINDOW = 3;
    private static final Duration WRONG_KEY_WINDOW = Duration.ofMinutes(1);
    private static final String CLIENT = "203.0.113.7";

    private final TestClock clock = new TestClock();
    private JdbcKeyStore keys;
    private Gatekeeper gatekeeper;

    @BeforeEach
    void setUp() {
        DataSource ds = TestDatabases.freshH2();
        keys = new JdbcKeyStore(new JdbcTemplate(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)), clock);
        keys.createTenant("acme", null);
        gatekeeper = new Gatekeeper(new CachingAuthenticator(keys, clock, CACHE_TTL), new RequestRateLimiter(clock),
                new WrongKeyThrottle(clock, WRONG_KEYS_PER_WINDOW, WRONG_KEY_WINDOW), clock);
    }

    @Test
    void aKnownKeyIsAdmittedAsItsTenantsPrincipal() {
        CreatedKey key = keys.create(new KeySpec("acme", "main", null, 3));

        Principal admitted = gatekeeper.admit(key.secret(), CLIENT);

        assertThat(admitted).extracting(Principal::keyId, Principal::tenantId, Principal::maxConcurrent)
                .containsExactly(key.keyId(), key.tenantId(), 3);
    }

    @Test
    void aConsoleSessionIsAdmittedByTheKeysHashUntilTheKeyIsRotatedOrDisabledAndNeverCountsAsAWrongKey() {
        CreatedKey key = keys.create(new KeySpec("acme", "main", null, 3));
        String hash = Secrets.hash(key.secret());
        assertThat(gatekeeper.admitHashed(hash).keyId()).isEqualTo(key.keyId());

        keys.updateKey(key.keyId(), new KeyChanges(Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.to(true)));
        clock.advance(CACHE_TTL.plusSeconds(1));
        assertThat(refusal(() -> gatekeeper.admitHashed(hash)).getMessage()).contains("disabled").doesNotContain(key.secret());
        CreatedKey rotated = keys.rotate(key.keyId()).orElseThrow();
        clock.advance(CACHE_TTL.plusSeconds(1)); // as on a node that did not rotate it
        for (int i = 0; i <= WRONG_KEYS_PER_WINDOW; i++) {
            assertThat(refusal(() -> gatekeeper.admitHashed(hash)).getMessage()).contains("Sign in again");
        }
        assertThat(refusal(() -> gatekeeper.admit(rotated.secret(), CLIENT)).getMessage()).contains("disabled");
    }

    @Test
    void anAddressThatSentTooManyWrongKeysIsRefusedEvenWithTheRightOneUntilTheWindowPassed() {
        CreatedKey key = keys.create(new KeySpec("acme", "main", null, 1));
        for (int i = 0; i < WRONG_KEYS_PER_WINDOW; i++) {
            String wrong = "sk-vg-wrong-" + i;
            assertThat(refusal(() -> gatekeeper.admit(wrong, CLIENT)).status()).isEqualTo(401);
        }

        ApiException throttled = refusal(() -> gatekeeper.admit(key.secret(), CLIENT));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.retryAfterSeconds()).isBetween(1L, WRONG_KEY_WINDOW.toSeconds());
        assertThat(gatekeeper.admit(key.secret(), "198.51.100.1").keyId()).as("another address").isEqualTo(key.keyId());

        clock.advance(WRONG_KEY_WINDOW.plusSeconds(1));
        assertThat(gatekeeper.admit(key.secret(), CLIENT).keyId()).isEqualTo(key.keyId());
    }

    @Test
    void aDisabledKeyIsRefusedOnceTheCachedOneRanOutAndTheRefusalShowsTheKeyOnlyMasked() {
        CreatedKey key = keys.create(new KeySpec("acme", "main", null, 1));
        gatekeeper.admit(key.secret(), CLIENT);
        keys.updateKey(key.keyId(), KeyChanges.none().withDisabled(true));

        assertThat(gatekeeper.admit(key.secret(), CLIENT).keyId()).as("remembered for the cache's ttl").isEqualTo(key.keyId());
        clock.advance(CACHE_TTL);

        ApiException refusal = refusal(() -> gatekeeper.admit(key.secret(), CLIENT));
        assertThat(refusal.status()).isEqualTo(401);
        assertThat(refusal.getMessage()).contains("has been disabled").doesNotContain(key.secret());
    }

    @Test
    void theKeysOfADisabledTenantAreRefused() {
        CreatedKey key = keys.create(new KeySpec("acme", "main", null, 1));
        keys.updateTenant(key.tenantId(), new TenantChanges(Change.keep(), Change.to(true)));

        assertThat(refusal(() -> gatekeeper.admit(key.secret(), CLIENT)).getMessage()).contains("account", "is disabled");
    }

    @Test
    void aKeyIsRefusedFromTheMomentItExpires() {
        Instant expiry = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        CreatedKey key = keys.create(new KeySpec("acme", "main", null, 1, null, null, Set.of(), expiry));
        gatekeeper.admit(key.secret(), CLIENT);

        clock.advance(Duration.ofHours(1));

        ApiException refusal = refusal(() -> gatekeeper.admit(key.secret(), CLIENT));
        assertThat(refusal.status()).isEqualTo(401);
        assertThat(refusal.getMessage()).contains("expired at " + expiry);
    }

    @Test
    void aKeysRequestsPerMinuteAreLimitedWith429AndARetryAfterWhileOtherKeysGoOn() {
        CreatedKey limited = keys.create(new KeySpec("acme", "limited", null, 1, 2, null, Set.of(), null));
        CreatedKey other = keys.create(new KeySpec("acme", "other", null, 1, 2, null, Set.of(), null));
        gatekeeper.admit(limited.secret(), CLIENT);
        gatekeeper.admit(limited.secret(), CLIENT);

        ApiException refusal = refusal(() -> gatekeeper.admit(limited.secret(), CLIENT));
        assertThat(refusal).extracting(ApiException::status, ApiException::code).containsExactly(429, "rate_limit_exceeded");
        assertThat(refusal.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(gatekeeper.admit(other.secret(), CLIENT).keyId()).isEqualTo(other.keyId());

        clock.advance(Duration.ofMinutes(1));
        assertThat(gatekeeper.admit(limited.secret(), CLIENT).keyId()).isEqualTo(limited.keyId());
    }

}
