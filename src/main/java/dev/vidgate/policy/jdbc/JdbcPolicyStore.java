package dev.vidgate.policy.jdbc;

import dev.vidgate.policy.Block;
import dev.vidgate.policy.Category;
import dev.vidgate.policy.Level;
import dev.vidgate.policy.PolicyStore;
import dev.vidgate.policy.Source;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** {@link PolicyStore} on JDBC: {@code policy_tenant_levels} and {@code policy_blocks} (V12). */
public final class JdbcPolicyStore implements PolicyStore {
    private static final String SELECT = "SELECT id, tenant_id, key_id, model, category, source, blocked_at, prompt_sha256, excerpt, "
            + "video_id FROM policy_blocks ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final InstantSource clock;

    public JdbcPolicyStore(JdbcTemplate jdbc, InstantSource clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Level> tenantLevel(String tenantId) {
        return jdbc.queryForList("SELECT level FROM policy_tenant_levels WHERE tenant_id = ?", String.class, tenantId).stream()
                .findFirst().flatMap(Level::parse);
    }

    @Override
    public void setTenantLevel(String tenantId, Level level) {
        if (level == null) {
            jdbc.update("DELETE FROM policy_tenant_levels WHERE tenant_id = ?", tenantId);
            return;
        }
        long now = clock.millis();
        if (jdbc.update("UPDATE policy_tenant_levels SET level = ?, updated_at = ? WHERE tenant_id = ?", level.wireName(), now, tenantId) > 0) {
            return;
        }
        try {
            jdbc.update("INSERT INTO policy_tenant_levels (tenant_id, level, updated_at) VALUES (?, ?, ?)", tenantId, level.wireName(), now);
        } catch (DuplicateKeyException raced) {
            jdbc.update("UPDATE policy_tenant_levels SET level = ?, updated_at = ? WHERE tenant_id = ?", level.wireName(), now, tenantId);
        }
    }

    @Override
    public Block record(Block b) {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        String id = "blk_" + HexFormat.of().formatHex(random);
        jdbc.update("INSERT INTO policy_blocks (id, tenant_id, key_id, model, category, source, blocked_at, prompt_sha256, excerpt, video_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, b.tenantId(), b.keyId(), b.model(), b.category().wireName(),
                b.source().wireName(), b.at().toEpochMilli(), b.promptSha256(), b.excerpt(), b.videoId());
        return new Block(id, b.tenantId(), b.keyId(), b.model(), b.category(), b.source(), b.at(), b.promptSha256(), b.excerpt(),
                b.videoId());
    }

    @Override
    public List<Block> blocks(String tenantId, String afterId, int limit, boolean ascending) {
        var where = new ArrayList<String>();
        var args = new ArrayList<Object>();
        if (tenantId != null) {
            where.add("tenant_id = ?");
            args.add(tenantId);
        }
        if (afterId != null) {
            where.add("seq " + (ascending ? ">" : "<") + " (SELECT seq FROM policy_blocks WHERE id = ?)");
            args.add(afterId);
        }
        args.add(limit);
        return jdbc.query(SELECT + (where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where) + " ") + "ORDER BY seq "
                + (ascending ? "ASC" : "DESC") + " LIMIT ?", ROW, args.toArray());
    }

    private static final RowMapper<Block> ROW = (rs, n) -> new Block(rs.getString("id"), rs.getString("tenant_id"),
            rs.getString("key_id"), rs.getString("model"), Category.parse(rs.getString("category")).orElse(Category.UNSPECIFIED),
            Source.parse(rs.getString("source")), Instant.ofEpochMilli(rs.getLong("blocked_at")), rs.getString("prompt_sha256"),
            rs.getString("excerpt"), rs.getString("video_id"));
}
