package dev.vidgate.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/** Real databases for tests: a fresh in-memory H2, or the one embedded PostgreSQL of this JVM, both migrated by Flyway. */
public final class TestDatabases {
    private static EmbeddedPostgres postgres;

    private TestDatabases() {}

    /** A new, empty, migrated H2 database in PostgreSQL mode, as the product configures it. */
    public static DataSource freshH2() {
        var ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        migrate(ds, false);
        return ds;
    }

    /** The embedded PostgreSQL server (started on first use, stopped when the JVM exits), cleaned and migrated. */
    public static synchronized DataSource freshPostgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting anyway
                }
            }));
        }
        DataSource ds = postgres.getPostgresDatabase();
        migrate(ds, true);
        return ds;
    }

    /**
     * The JDBC URL of a fresh, empty PostgreSQL database on the embedded server (not migrated: the
     * application that connects migrates it), for tests that start whole nodes on one database.
     */
    public static synchronized String freshPostgresUrl() {
        DataSource admin = freshPostgres();
        String name = "vg_" + UUID.randomUUID().toString().replace("-", "");
        new org.springframework.jdbc.core.JdbcTemplate(admin).execute("CREATE DATABASE " + name);
        return postgres.getJdbcUrl("postgres", name);
    }

    private static void migrate(DataSource ds, boolean clean) {
        Flyway flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration").cleanDisabled(false).load();
        if (clean) flyway.clean();
        flyway.migrate();
    }
}
