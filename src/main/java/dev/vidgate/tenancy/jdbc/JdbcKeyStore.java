package dev.vidgate.tenancy.jdbc;

import dev.vidgate.tenancy.CreatedKey;
import dev.vidgate.tenancy.KeySpec;
import dev.vidgate.tenancy.KeyStore;
import dev.vidgate.tenancy.Principal;
import dev.vidgate.tenancy.Secrets;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/** {@link KeyStore} on JDBC (H2 and PostgreSQL). */
public final class JdbcKeyStore implements KeyStore {
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
        List<Principal> rows = jdbc.query(
                "SELECT id, tenant_id, max_concurrent FROM api_keys WHERE secret_hash = ? AND disabled = FALSE",
                (rs, i) -> new Principal(rs.getString(1), rs.getString(2), rs.getInt(3)), Secrets.hash(secret));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    @Override
    public CreatedKey create(KeySpec spec) {
        if (spec.maxConcurrent() < 1) throw new IllegalArgumentException("max_concurrent must be at least 1");
        String secret = spec.secret() != null ? spec.secret() : Secrets.newSecret();
        return tx.execute(status -> {
            long now = clock.millis();
            String tenantName = spec.tenantName() != null ? spec.tenantName() : "tenant-" + Secrets.randomToken(10).toLowerCase();
            String tenantId = tenantId(tenantName, now);
            String keyId = "key_" + Secrets.randomToken(24);
            String name = spec.name() != null ? spec.name() : "key";
            try {
                jdbc.update("INSERT INTO api_keys (id, tenant_id, name, secret_hash, secret_hint, max_concurrent, created_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        keyId, tenantId, name, Secrets.hash(secret), Secrets.mask(secret), spec.maxConcurrent(), now);
            } catch (DuplicateKeyException e) {
                throw new IllegalArgumentException("a key with this secret already exists");
            }
            return new CreatedKey(keyId, tenantId, tenantName, name, secret, spec.maxConcurrent());
        });
    }

    private String tenantId(String tenantName, long now) {
        List<String> existing = jdbc.queryForList("SELECT id FROM tenants WHERE name = ?", String.class, tenantName);
        if (!existing.isEmpty()) return existing.getFirst();
        String id = "ten_" + Secrets.randomToken(20);
        jdbc.update("INSERT INTO tenants (id, name, created_at) VALUES (?, ?, ?)", id, tenantName, now);
        return id;
    }

    @Override
    public boolean isEmpty() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM api_keys", Integer.class);
        return n == null || n == 0;
    }
}
