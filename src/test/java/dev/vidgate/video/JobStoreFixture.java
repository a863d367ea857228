package dev.vidgate.video;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * What every part of the {@link JobStore} contract starts from: a fresh database with two tenants and three keys,
 * a store on it with a recording {@link TransitionHook}, and the times and lease the tests use.
 */
public abstract class JobStoreFixture {
    protected static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    protected static final Duration LEASE = Duration.ofSeconds(60);
    protected static final Set<String> BUILTIN = Set.of("builtin");

    protected JobStore store;
    protected JdbcTemplate jdbc;
    protected final RecordingHook hook = new RecordingHook();

    /** A fresh, migrated, empty database. */
    protected abstract DataSource freshDatabase();

    protected abstract JobStore storeOn(JdbcTemplate jdbc, TransactionTemplate tx, TransitionHook hook);

    @BeforeEach
    void setUp() {
        DataSource ds = freshDatabase();
        jdbc = new JdbcTemplate(ds);
        store = storeOn(jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)), hook);
        jdbc.update("INSERT INTO tenants (id, name, created_at) VALUES ('ten_a', 'a', 0), ('ten_b', 'b', 0)");
        jdbc.update("INSERT INTO api_keys (id, tenant_id, name, secret_hash, secret_hint, max_concurrent, created_at) VALUES "
                + "('key_a', 'ten_a', 'a', 'h1', 'x', 2, 0), ('key_b', 'ten_b', 'b', 'h2', 'x', 2, 0), "
                + "('key_c', 'ten_b', 'c', 'h3', 'x', 1, 0)");
    }

    /** Records what it saw; can be told to throw, as a refusing billing hook would. */
    protected static final class RecordingHook implements TransitionHook {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        volatile boolean refuseCreates;
        volatile boolean refuseFinishes;

        @Override
        public void created(Video created) {
            if (refuseCreates) throw new IllegalStateException("refused by hook");
            events.add("created " + created.id());
        }

        @Override
        public void finished(Video before, Video after) {
            if (refuseFinishes) throw new IllegalStateException("refused by hook");
            events.add("finished " + after.id() + " " + before.status() + "->" + after.status() + " " + after.deliveredSeconds() + "s"
                    + (after.usage().tokens() == null ? "" : " " + after.usage().tokens() + " tokens"));
        }
    }
}
