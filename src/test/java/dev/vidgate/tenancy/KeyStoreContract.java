package dev.vidgate.tenancy;

import dev.vidgate.common.Change;
import dev.vidgate.testsupport.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@link KeyStore} contract; every adapter's test extends this and supplies a fresh database. */
public abstract class KeyStoreContract {
    protected KeyStore keys;
    protected JdbcTemplate jdbc;
    protected TransactionTemplate tx;
    private final TestClock clock = new TestClock();

    protected abstract DataSource freshDatabase();

    protected abstract KeyStore storeOn(JdbcTemplate jdbc, TransactionTemplate tx, TestClock clock);

    @BeforeEach
    void setUp() {
        DataSource ds = freshDatabase();
        jdbc = new JdbcTemplate(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        keys = storeOn(jdbc, tx, clock);
    }

    @Test
    void aKeyAnswersToItsSecretOnlyAndTheStoreKeepsNoSecret() {
        keys.createTenant("acme", null);
        CreatedKey key = keys.create(new KeySpec("acme", "ci", null, 2));
        assertThat(key.secret()).matches("sk-vg-[A-Za-z0-9]{40}");
        Principal p = keys.authenticate(key.secret()).orElseThrow();
        assertThat(p.keyId()).isEqualTo(key.keyId());
        assertThat(p.tenantId()).isEqualTo(key.tenantId());
        assertThat(keys.authenticate(key.secret() + "x")).isEmpty();
        String stored = jdbc.queryForList("SELECT * FROM api_keys").toString();
        assertThat(stored).doesNotContain(key.secret()).contains(Secrets.mask(key.secret()));
        assertThat(key.toString()).doesNotContain(key.secret());
    }

    @Test
    void tenantNamesAreUniqueAndADuplicateWritesNothing() {
        Tenant acme = keys.createTenant("acme", 3);
        assertThatThrownBy(() -> keys.createTenant("acme", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(keys.listTenants(null, 10, true)).containsExactly(acme);
        assertThat(keys.findTenant("acme")).contains(acme);
        assertThat(keys.findTenant(acme.id())).contains(acme);
        assertThat(keys.findTenant("nobody")).isEmpty();
    }

    @Test
    void aKeyNeedsAnExistingTenantAndAUniqueSecret() {
        assertThatThrownBy(() -> keys.create(new KeySpec("nobody", "k", null, 2))).isInstanceOf(IllegalArgumentException.class);
        keys.createTenant("acme", null);
        keys.create(new KeySpec("acme", "k", "sk-chosen-0123456789abcdef", 2));
        assertThatThrownBy(() -> keys.create(new KeySpec("acme", "k", "sk-chosen-0123456789abcdef", 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(keys.listKeys(null, null, 10, true)).hasSize(1);
    }

    @Test
    void updatesChangeOnlyWhatTheyNameAndNullClearsALimit() {
        keys.createTenant("acme", null);
        Instant expiry = Instant.parse("2030-01-01T00:00:00Z");
        CreatedKey created = keys.create(new KeySpec("acme", "ci", null, 2, 60, 50, Set.of("sora-2"), expiry));
        ApiKey before = keys.findKey(created.keyId()).orElseThrow();
        ApiKey after = keys.updateKey(created.keyId(), new KeyChanges(Change.keep(), Change.keep(), Change.to(120), Change.to(null),
                Change.keep(), Change.keep(), Change.keep())).orElseThrow();
        assertThat(after.requestsPerMinute()).isEqualTo(120);
        assertThat(after.maxQueued()).isNull();
        assertThat(after).usingRecursiveComparison().ignoringFields("requestsPerMinute", "maxQueued").isEqualTo(before);
        assertThat(keys.findKey(created.keyId())).contains(after);

        ApiKey opened = keys.updateKey(created.keyId(), new KeyChanges(Change.to("renamed"), Change.to(4), Change.keep(), Change.keep(),
                Change.to(Set.of()), Change.to(null), Change.keep())).orElseThrow();
        assertThat(opened.allowedModels()).isEmpty();
        assertThat(opened.expiresAt()).isNull();
        assertThat(opened.name()).isEqualTo("renamed");
        assertThat(keys.authenticate(created.secret()).orElseThrow().maxConcurrent()).isEqualTo(4);
        assertThat(keys.updateKey("key_nobody", KeyChanges.none())).isEmpty();

        Tenant tenant = keys.updateTenant(created.tenantId(), new TenantChanges(Change.to(5), Change.keep())).orElseThrow();
        assertThat(tenant.defaultMaxConcurrent()).isEqualTo(5);
        assertThat(tenant.disabled()).isFalse();
    }

    @Test
    void aDisabledKeyADisabledTenantAndAnExpiredKeyAreStillFoundAndSaySo() {
        Tenant acme = keys.createTenant("acme", null);
        Instant expiry = clock.instant().plus(Duration.ofHours(1));
        CreatedKey key = keys.create(new KeySpec("acme", "k", null, 2, 30, null, Set.of("sora-2"), expiry));
        Principal p = keys.authenticate(key.secret()).orElseThrow();
        assertThat(p.requestsPerMinute()).isEqualTo(30);
        assertThat(p.mayUse("sora-2")).isTrue();
        assertThat(p.mayUse("sora-2-pro")).isFalse();
        assertThat(p.expiredAt(expiry.minusSeconds(1))).isFalse();
        assertThat(p.expiredAt(expiry)).isTrue();

        keys.updateKey(key.keyId(), KeyChanges.none().withDisabled(true));
        assertThat(keys.authenticate(key.secret()).orElseThrow().keyDisabled()).isTrue();
        keys.updateTenant(acme.id(), new TenantChanges(Change.keep(), Change.to(true)));
        assertThat(keys.authenticate(key.secret()).orElseThrow().tenantDisabled()).isTrue();
    }

    @Test
    void rotatingGivesANewSecretAndKeepsTheKeysIdLimitsAndVideos() {
        keys.createTenant("acme", null);
        CreatedKey key = keys.create(new KeySpec("acme", "ci", null, 3, 90, 7, Set.of(), null));
        jdbc.update("INSERT INTO videos (id, tenant_id, key_id, model, quality, status, progress, prompt, width, height, seconds, "
                + "has_reference, engine, created_at) VALUES ('video_1', ?, ?, 'sora-2', 'standard', 'COMPLETED', 100, 'p', 1280, 720, 4, "
                + "FALSE, 'builtin', 0)", key.tenantId(), key.keyId());
        ApiKey before = keys.findKey(key.keyId()).orElseThrow();

        CreatedKey rotated = keys.rotate(key.keyId()).orElseThrow();
        assertThat(rotated.keyId()).isEqualTo(key.keyId());
        assertThat(rotated.secret()).isNotEqualTo(key.secret());
        assertThat(keys.authenticate(key.secret())).isEmpty();
        assertThat(keys.authenticate(rotated.secret()).orElseThrow().keyId()).isEqualTo(key.keyId());
        assertThat(keys.authenticateHash(Secrets.hash(key.secret()))).isEmpty();
        assertThat(keys.authenticateHash(Secrets.hash(rotated.secret()))).isEqualTo(keys.authenticate(rotated.secret()));
        ApiKey after = keys.findKey(key.keyId()).orElseThrow();
        assertThat(after).usingRecursiveComparison().ignoringFields("secretHint").isEqualTo(before);
        assertThat(after.secretHint()).isEqualTo(Secrets.mask(rotated.secret()));
        assertThat(jdbc.queryForObject("SELECT key_id FROM videos WHERE id = 'video_1'", String.class)).isEqualTo(key.keyId());
        assertThat(keys.rotate("key_nobody")).isEmpty();
    }

    @Test
    void tenantsAndKeysPageInCreationOrderEitherWayAfterAnExclusiveCursor() {
        List<String> names = List.of("t1", "t2", "t3", "t4");
        for (String name : names) {
            keys.createTenant(name, null);
            clock.advance(Duration.ofMillis(5));
        }
        List<Tenant> all = keys.listTenants(null, 10, true);
        assertThat(all).extracting(Tenant::name).containsExactlyElementsOf(names);
        assertThat(keys.listTenants(all.get(1).id(), 10, true)).extracting(Tenant::name).containsExactly("t3", "t4");
        assertThat(keys.listTenants(all.get(2).id(), 1, false)).extracting(Tenant::name).containsExactly("t2");

        for (int i = 0; i < 3; i++) {
            keys.create(new KeySpec(i == 2 ? "t2" : "t1", "k" + i, null, 2));
            clock.advance(Duration.ofMillis(5));
        }
        List<ApiKey> ofT1 = keys.listKeys(all.get(0).id(), null, 10, false);
        assertThat(ofT1).extracting(ApiKey::name).containsExactly("k1", "k0");
        assertThat(keys.listKeys(null, ofT1.getFirst().id(), 10, true)).extracting(ApiKey::name).containsExactly("k2");
    }

    @Test
    void theQueueCheckCountsTheKeysQueuedJobsTheNewOneIncluded() {
        keys.createTenant("acme", null);
        CreatedKey capped = keys.create(new KeySpec("acme", "capped", null, 2, null, 2, Set.of(), null));
        CreatedKey open = keys.create(new KeySpec("acme", "open", null, 2));
        int n = 0;
        for (String status : List.of("QUEUED", "QUEUED", "IN_PROGRESS", "COMPLETED")) {
            jdbc.update("INSERT INTO videos (id, tenant_id, key_id, model, quality, status, progress, prompt, width, height, seconds, "
                    + "has_reference, engine, created_at) VALUES (?, ?, ?, 'sora-2', 'standard', ?, 0, 'p', 1280, 720, 4, FALSE, 'builtin', 0)",
                    "video_" + n++, capped.tenantId(), capped.keyId(), status);
        }
        KeyStore.QueueCheck check = tx.execute(s -> keys.checkQueue(capped.keyId()));
        assertThat(check.queued()).isEqualTo(2);
        assertThat(check.exceeded()).isFalse();
        jdbc.update("INSERT INTO videos (id, tenant_id, key_id, model, quality, status, progress, prompt, width, height, seconds, "
                + "has_reference, engine, created_at) VALUES ('video_x', ?, ?, 'sora-2', 'standard', 'QUEUED', 0, 'p', 1280, 720, 4, FALSE, "
                + "'builtin', 0)", capped.tenantId(), capped.keyId());
        assertThat(tx.execute(s -> keys.checkQueue(capped.keyId())).exceeded()).isTrue();
        assertThat(tx.execute(s -> keys.checkQueue(open.keyId())).exceeded()).isFalse();
    }
}
