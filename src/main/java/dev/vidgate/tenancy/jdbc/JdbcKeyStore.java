package dev.vidgate.tenancy.jdbc;

import dev.vidgate.tenancy.ApiKey;
import dev.vidgate.tenancy.CreatedKey;
import dev.vidgate.tenancy.KeyChanges;
import dev.vidgate.tenancy.KeySpec;
import dev.vidgate.tenancy.KeyStore;
import dev.vidgate.tenancy.Principal;
import dev.vidgate.tenancy.Secrets;
import dev.vidgate.tenancy.Tenant;
import dev.vidgate.tenancy.TenantChanges;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@link KeyStore} on JDBC (H2 and PostgreSQL). */
public final class JdbcKeyStore implements KeyStore {
    private static final String KEY_COLUMNS = "id, tenant_id, name, secret_hint, max_concurrent, requests_per_minute, "
            + "max_queued, allowed_models, expires_at, disabled, created_at";
    private static final String TENANT_COLUMNS = "id, name, disabled, default_max_concurrent, created_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final InstantSource clock;

    public JdbcKeyStore(JdbcTemplate jdbc, TransactionTemplate tx, InstantSource clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Optional<Principal> authenticate(String secret) {
        return authenticateHash(Secrets.hash(secret));
    }

    @Override
    public Optional<Principal> authenticateHash(String secretHash) {
        return first(jdbc.query("SELECT k.id, k.tenant_id, k.max_concurrent, k.secret_hint, k.allowed_models, "
                        + "k.requests_per_minute, k.expires_at, k.disabled, t.disabled "
                        + "FROM api_keys k JOIN tenants t ON t.id = k.tenant_id WHERE k.secret_hash = ?",
                (rs, i) -> new Principal(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        models(rs.getString(5)), integer(rs, 6), instant(rs, 7), rs.getBoolean(8), rs.getBoolean(9)),
                secretHash));
    }

    @Override
    public Tenant createTenant(String name, Integer defaultMaxConcurrent) {
        String id = "ten_" + Secrets.randomToken(20);
        long now = clock.millis();
        try {
            jdbc.update("INSERT INTO tenants (id, name, default_max_concurrent, created_at) VALUES (?, ?, ?, ?)",
                    id, name, defaultMaxConcurrent, now);
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("a tenant named '" + name + "' already exists");
        }
        return new Tenant(id, name, false, defaultMaxConcurrent, Instant.ofEpochMilli(now));
    }

    @Override
    public Optional<Tenant> findTenant(String idOrName) {
        return first(jdbc.query("SELECT " + TENANT_COLUMNS + " FROM tenants WHERE id = ? OR name = ?", TENANT, idOrName, idOrName));
    }

    @Override
    public List<Tenant> listTenants(String afterId, int limit, boolean ascending) {
        return page("tenants", TENANT_COLUMNS, null, null, afterId, limit, ascending, TENANT);
    }

    @Override
    public Optional<Tenant> updateTenant(String tenantId, TenantChanges changes) {
        return tx.execute(status -> {
            Optional<Tenant> current = first(jdbc.query("SELECT " + TENANT_COLUMNS + " FROM tenants WHERE id = ? FOR UPDATE",
                    TENANT, tenantId));
            if (current.isEmpty()) return Optional.<Tenant>empty();
            Tenant t = current.get();
            Tenant updated = new Tenant(t.id(), t.name(), changes.disabled().orElse(t.disabled()),
                    changes.defaultMaxConcurrent().orElse(t.defaultMaxConcurrent()), t.createdAt());
            jdbc.update("UPDATE tenants SET disabled = ?, default_max_concurrent = ? WHERE id = ?",
                    updated.disabled(), updated.defaultMaxConcurrent(), tenantId);
            return Optional.of(updated);
        });
    }

    @Override
    public CreatedKey create(KeySpec spec) {
        if (spec.maxConcurrent() < 1) throw new IllegalArgumentException("max_concurrent must be at least 1");
        String secret = spec.secret() != null ? spec.secret() : Secrets.newSecret();
        Tenant tenant = findTenant(spec.tenantName()).filter(t -> t.name().equals(spec.tenantName()))
                .orElseThrow(() -> new IllegalArgumentException("no tenant named '" + spec.tenantName() + "'"));
        String keyId = "key_" + Secrets.randomToken(24);
        String name = spec.name() != null ? spec.name() : "key";
        try {
            jdbc.update("INSERT INTO api_keys (id, tenant_id, name, secret_hash, secret_hint, max_concurrent, requests_per_minute, "
                            + "max_queued, allowed_models, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    keyId, tenant.id(), name, Secrets.hash(secret), Secrets.mask(secret), spec.maxConcurrent(),
                    spec.requestsPerMinute(), spec.maxQueued(), joinModels(spec.allowedModels()), millis(spec.expiresAt()),
                    clock.millis());
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("a key with this secret already exists");
        }
        return new CreatedKey(keyId, tenant.id(), tenant.name(), name, secret, spec.maxConcurrent());
    }

    @Override
    public Optional<ApiKey> findKey(String keyId) {
        return first(jdbc.query("SELECT " + KEY_COLUMNS + " FROM api_keys WHERE id = ?", KEY, keyId));
    }

    @Override
    public List<ApiKey> listKeys(String tenantId, String afterId, int limit, boolean ascending) {
        return page("api_keys", KEY_COLUMNS, tenantId == null ? null : "tenant_id = ?", tenantId, afterId, limit, ascending, KEY);
    }

    @Override
    public Optional<ApiKey> updateKey(String keyId, KeyChanges c) {
        return tx.execute(status -> {
            Optional<ApiKey> current = first(jdbc.query("SELECT " + KEY_COLUMNS + " FROM api_keys WHERE id = ? FOR UPDATE", KEY, keyId));
            if (current.isEmpty()) return Optional.<ApiKey>empty();
            ApiKey k = current.get();
            ApiKey updated = new ApiKey(k.id(), k.tenantId(), c.name().orElse(k.name()), k.secretHint(),
                    c.maxConcurrent().orElse(k.maxConcurrent()), c.requestsPerMinute().orElse(k.requestsPerMinute()),
                    c.maxQueued().orElse(k.maxQueued()), c.allowedModels().map(Set::copyOf).orElse(k.allowedModels()),
                    c.expiresAt().orElse(k.expiresAt()), c.disabled().orElse(k.disabled()), k.createdAt());
            jdbc.update("UPDATE api_keys SET name = ?, max_concurrent = ?, requests_per_minute = ?, max_queued = ?, "
                            + "allowed_models = ?, expires_at = ?, disabled = ? WHERE id = ?",
                    updated.name(), updated.maxConcurrent(), updated.requestsPerMinute(), updated.maxQueued(),
                    joinModels(updated.allowedModels()), millis(updated.expiresAt()), updated.disabled(), keyId);
            return Optional.of(updated);
        });
    }

    @Override
    public Optional<CreatedKey> rotate(String keyId) {
        String secret = Secrets.newSecret();
        return tx.execute(status -> {
            int updated = jdbc.update("UPDATE api_keys SET secret_hash = ?, secret_hint = ? WHERE id = ?",
                    Secrets.hash(secret), Secrets.mask(secret), keyId);
            if (updated == 0) return Optional.<CreatedKey>empty();
            return first(jdbc.query("SELECT k.tenant_id, t.name, k.name, k.max_concurrent FROM api_keys k "
                            + "JOIN tenants t ON t.id = k.tenant_id WHERE k.id = ?",
                    (rs, i) -> new CreatedKey(keyId, rs.getString(1), rs.getString(2), rs.getString(3), secret, rs.getInt(4)), keyId));
        });
    }

    @Override
    public QueueCheck checkQueue(String keyId) {
        List<Integer> caps = jdbc.query("SELECT max_queued FROM api_keys WHERE id = ?", (rs, i) -> integer(rs, 1), keyId);
        if (caps.isEmpty() || caps.getFirst() == null) return new QueueCheck(0, null);
        // Capped: lock the key so concurrent creates of it are counted one after the other.
        Integer cap = jdbc.query("SELECT max_queued FROM api_keys WHERE id = ? FOR UPDATE", (rs, i) -> integer(rs, 1), keyId).getFirst();
        if (cap == null) return new QueueCheck(0, null);
        Integer queued = jdbc.queryForObject("SELECT COUNT(*) FROM videos WHERE key_id = ? AND status = 'QUEUED'", Integer.class, keyId);
        return new QueueCheck(queued == null ? 0 : queued, cap);
    }

    @Override
    public boolean isEmpty() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM api_keys", Integer.class);
        return n == null || n == 0;
    }

    /** A page in (created_at, id) order after the row named by {@code afterId}; empty when that row is unknown. */
    private <T> List<T> page(String table, String columns, String filter, String filterArg, String afterId, int limit,
                             boolean ascending, RowMapper<T> mapper) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        if (filter != null) {
            where.append(filter);
            args.add(filterArg);
        }
        if (afterId != null) {
            List<Long> at = jdbc.queryForList("SELECT created_at FROM " + table + " WHERE id = ?", Long.class, afterId);
            if (at.isEmpty()) return List.of();
            String cmp = ascending ? ">" : "<";
            if (!where.isEmpty()) where.append(" AND ");
            where.append("(created_at ").append(cmp).append(" ? OR (created_at = ? AND id ").append(cmp).append(" ?))");
            args.addAll(List.of(at.getFirst(), at.getFirst(), afterId));
        }
        String order = ascending ? "ASC" : "DESC";
        args.add(limit);
        return jdbc.query("SELECT " + columns + " FROM " + table + (where.isEmpty() ? "" : " WHERE " + where)
                + " ORDER BY created_at " + order + ", id " + order + " LIMIT ?", mapper, args.toArray());
    }

    private static final RowMapper<Tenant> TENANT = (rs, i) -> new Tenant(rs.getString(1), rs.getString(2), rs.getBoolean(3),
            integer(rs, 4), Instant.ofEpochMilli(rs.getLong(5)));

    private static final RowMapper<ApiKey> KEY = (rs, i) -> new ApiKey(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getInt(5), integer(rs, 6), integer(rs, 7), models(rs.getString(8)), instant(rs, 9),
            rs.getBoolean(10), Instant.ofEpochMilli(rs.getLong(11)));

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static Set<String> models(String joined) {
        if (joined == null || joined.isBlank()) return Set.of();
        return Set.copyOf(Arrays.asList(joined.split(",")));
    }

    private static String joinModels(Set<String> models) {
        return models.isEmpty() ? null : String.join(",", new TreeSet<>(models));
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }
}
