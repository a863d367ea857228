package dev.vidgate.console.jdbc;

import dev.vidgate.console.ConsoleSession;
import dev.vidgate.console.SessionStore;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Optional;

/** {@link SessionStore} on JDBC (H2 and PostgreSQL), table {@code console_sessions}. */
public final class JdbcSessionStore implements SessionStore {
    private final JdbcTemplate jdbc;

    public JdbcSessionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(ConsoleSession s) {
        jdbc.update("INSERT INTO console_sessions (token_hash, role, key_hash, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                s.tokenHash(), s.role().name(), s.keyHash(), s.csrfToken(), s.createdAt().toEpochMilli(), s.expiresAt().toEpochMilli());
    }

    @Override
    public Optional<ConsoleSession> find(String tokenHash) {
        return jdbc.query("SELECT token_hash, role, key_hash, csrf_token, created_at, expires_at FROM console_sessions WHERE token_hash = ?",
                (rs, i) -> new ConsoleSession(rs.getString(1), ConsoleSession.Role.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6))),
                tokenHash).stream().findFirst();
    }

    @Override
    public void delete(String tokenHash) {
        jdbc.update("DELETE FROM console_sessions WHERE token_hash = ?", tokenHash);
    }

    @Override
    public int deleteExpired(Instant now) {
        return jdbc.update("DELETE FROM console_sessions WHERE expires_at <= ?", now.toEpochMilli());
    }
}
