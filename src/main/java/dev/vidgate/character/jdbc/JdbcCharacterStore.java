package dev.vidgate.character.jdbc;

import dev.vidgate.character.Character;
import dev.vidgate.character.CharacterStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link CharacterStore} on the {@code characters} table (H2 and PostgreSQL alike). */
public final class JdbcCharacterStore implements CharacterStore {
    private static final String SELECT = "SELECT id, tenant_id, name, created_at, expires_at FROM characters ";
    private static final RowMapper<Character> ROW = (rs, n) -> new Character(rs.getString("id"), rs.getString("tenant_id"),
            rs.getString("name"), Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at")));

    private final JdbcTemplate jdbc;

    public JdbcCharacterStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Character c) {
        jdbc.update("INSERT INTO characters (id, tenant_id, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                c.id(), c.tenantId(), c.name(), c.createdAt().toEpochMilli(), c.expiresAt().toEpochMilli());
    }

    @Override
    public Optional<Character> find(String tenantId, String id) {
        return jdbc.query(SELECT + "WHERE id = ? AND tenant_id = ?", ROW, id, tenantId).stream().findFirst();
    }

    @Override
    public List<Character> live(String tenantId, Instant now) {
        return jdbc.query(SELECT + "WHERE tenant_id = ? AND expires_at > ? ORDER BY created_at, id", ROW, tenantId, now.toEpochMilli());
    }

    @Override
    public List<Character> expired(Instant now, int limit) {
        return jdbc.query(SELECT + "WHERE expires_at <= ? ORDER BY expires_at LIMIT ?", ROW, now.toEpochMilli(), limit);
    }

    @Override
    public void delete(String id) {
        jdbc.update("DELETE FROM characters WHERE id = ?", id);
    }
}
