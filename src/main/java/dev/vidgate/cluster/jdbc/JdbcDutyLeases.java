package dev.vidgate.cluster.jdbc;

import dev.vidgate.cluster.DutyLeases;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;

/** {@link DutyLeases} as one row per duty, taken over by a conditional update (H2 and PostgreSQL alike). */
public final class JdbcDutyLeases implements DutyLeases {
    private final JdbcTemplate jdbc;

    public JdbcDutyLeases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean tryHold(String duty, String node, Instant now, Duration ttl) {
        long until = now.plus(ttl).toEpochMilli();
        int updated = jdbc.update("UPDATE duty_leases SET owner = ?, lease_until = ? WHERE duty = ? AND (owner = ? OR lease_until < ?)",
                node, until, duty, node, now.toEpochMilli());
        if (updated == 1) return true;
        try {
            return jdbc.update("INSERT INTO duty_leases (duty, owner, lease_until) VALUES (?, ?, ?)", duty, node, until) == 1;
        } catch (DuplicateKeyException held) {
            return false; // the row exists and another node's lease is running
        }
    }

    @Override
    public void release(String duty, String node) {
        jdbc.update("UPDATE duty_leases SET lease_until = 0 WHERE duty = ? AND owner = ?", duty, node);
    }
}
