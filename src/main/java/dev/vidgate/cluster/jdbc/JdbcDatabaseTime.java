package dev.vidgate.cluster.jdbc;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

/** The database server's current time (H2 and PostgreSQL alike). */
public final class JdbcDatabaseTime implements Supplier<Instant> {
    private final JdbcTemplate jdbc;

    public JdbcDatabaseTime(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Instant get() {
        OffsetDateTime now = jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", (rs, i) -> rs.getObject(1, OffsetDateTime.class));
        if (now == null) throw new IllegalStateException("the database returned no time");
        return now.toInstant();
    }
}
