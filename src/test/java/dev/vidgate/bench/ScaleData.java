package dev.vidgate.bench;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Fills a migrated database with many jobs through the store's own tables in bulk (INSERT ... SELECT from a row
 * generator: SYSTEM_RANGE on H2, generate_series on PostgreSQL), for bench/scale.sh. Every job's engine is
 * {@link #ENGINE}, which no server runs, so only the benchmark claims them. Of {@code jobs}: the newest tenth queued
 * (spread over the keys), the oldest tenth completed with content whose expiry passes at {@link #expiredBy} (the
 * sweep's backlog), the rest completed (one in fifty failed, already swept) and held and settled in the ledger; and the queue's
 * heads per key and engine and the running jobs per key.
 */
final class ScaleData {
    static final String ENGINE = "bench";
    static final int TENANTS = 100;
    static final int BATCH = 50_000;

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final Instant now;

    ScaleData(JdbcTemplate jdbc, boolean postgres, Instant now) {
        this.jdbc = jdbc;
        this.postgres = postgres;
        this.now = now;
    }

    /** When the backlog's content is past its expiry (the server's clock is far before it). */
    Instant expiredBy() {
        return now.plusSeconds(10 * 86_400L);
    }

    /** Key {@code k} is the bootstrap key for k = 0 and its tenant holds every 100th key; the rest are new. */
    void fill(int jobs, int keys, String bootstrapKey, String bootstrapTenant) {
        long ms = now.toEpochMilli();
        for (int t = 1; t < TENANTS; t++) {
            jdbc.update("INSERT INTO tenants (id, name, created_at, credit_limit) VALUES (?, ?, ?, NULL)", tenant(t), "bench " + t, ms);
        }
        // 8 jobs at a time per key: room at 1,000 keys for the claims the bench makes (1,000 after start, 2,000 measured,
        // and those during the sweep) before every key is full
        for (int k = 1; k < keys; k++) {
            jdbc.update("INSERT INTO api_keys (id, tenant_id, name, secret_hash, secret_hint, max_concurrent, created_at) "
                    + "VALUES (?, ?, ?, ?, 'sk-...', 8, ?)", key(k), tenantOf(k, bootstrapTenant), "bench " + k, "hash-" + k, ms);
        }
        int queuedFrom = jobs - jobs / 10, expiredTo = jobs / 10;
        String keyId = "CASE WHEN MOD(x, " + keys + ") = 0 THEN '" + bootstrapKey + "' ELSE 'key_bench_' || CAST(MOD(x, " + keys + ") AS VARCHAR) END";
        String tenantId = "CASE WHEN MOD(MOD(x, " + keys + "), " + TENANTS + ") = 0 THEN '" + bootstrapTenant
                + "' ELSE 'ten_bench_' || CAST(MOD(MOD(x, " + keys + "), " + TENANTS + ") AS VARCHAR) END";
        String status = "CASE WHEN x > " + queuedFrom + " THEN 'QUEUED' WHEN MOD(x, 50) = 7 THEN 'FAILED' ELSE 'COMPLETED' END";
        long expired = expiredBy().toEpochMilli() - 86_400_000L, valid = ms + 30 * 86_400_000L;
        for (long from = 1; from <= jobs; from += BATCH) {
            long to = Math.min(jobs, from + BATCH - 1);
            jdbc.update("INSERT INTO videos (seq, id, tenant_id, key_id, model, quality, status, progress, prompt, width, height, seconds, "
                    + "has_reference, engine, created_at, started_at, completed_at, expires_at, content_expired, delivered_seconds) "
                    + "SELECT x, " + ID + ", " + tenantId + ", " + keyId + ", 'sora-2', 'standard', " + status
                    + ", CASE WHEN x > " + queuedFrom + " THEN 0 ELSE 100 END, 'a benchmark prompt about a lighthouse', 1280, 720, 4, FALSE, '"
                    + ENGINE + "', " + (ms - jobs) + " + x, "
                    + "CASE WHEN x > " + queuedFrom + " THEN NULL ELSE " + (ms - jobs) + " + x END, "
                    + "CASE WHEN x > " + queuedFrom + " THEN NULL ELSE " + (ms - jobs + 1000) + " + x END, "
                    + "CASE WHEN x > " + queuedFrom + " OR MOD(x, 50) = 7 THEN NULL WHEN x <= " + expiredTo + " THEN " + expired + " ELSE " + valid + " END, "
                    + "MOD(x, 50) = 7 AND x <= " + queuedFrom + ", CASE WHEN x > " + queuedFrom + " THEN 0 ELSE 4 END FROM " + range(from, to));
            long today = LocalDate.ofInstant(now, ZoneOffset.UTC).toEpochDay();
            jdbc.update("INSERT INTO ledger (seq, id, tenant_id, key_id, video_id, kind, phase, amount, balance_after, model, resolution, "
                    + "seconds, price_unit, quantity, unit_price, audio, charge, created_at, usage_day) "
                    + "SELECT x, 'led_bench' || CAST(x AS VARCHAR), " + tenantId + ", " + keyId + ", " + ID + ", "
                    + "'SETTLE', 'CLOSE', 0, 0, 'sora-2', '720p', 4, 'per_second', 4, 100000, FALSE, 400000, " + ms + ", "
                    + today + " - MOD(x, 28) FROM " + range(from, to) + " WHERE x <= " + queuedFrom + " AND MOD(x, 50) <> 7");
            // each settle closes a hold, as the billing hook writes them (else the ledger reconciliation at start-up
            // reports every settled job, one ERROR line each)
            jdbc.update("INSERT INTO ledger (seq, id, tenant_id, key_id, video_id, kind, phase, amount, balance_after, created_at, usage_day) "
                    + "SELECT " + jobs + " + x, 'led_bench_h' || CAST(x AS VARCHAR), " + tenantId + ", " + keyId + ", " + ID + ", 'HOLD', "
                    + "'OPEN', 0, 0, " + ms + ", " + today + " - MOD(x, 28) FROM " + range(from, to) + " WHERE x <= " + queuedFrom
                    + " AND MOD(x, 50) <> 7");
        }
        // the queue's heads, as the store keeps them when it queues a job
        jdbc.update("INSERT INTO queue_heads (key_id, engine, seq) SELECT key_id, engine, MIN(seq) FROM videos WHERE status = 'QUEUED' "
                + "GROUP BY key_id, engine");
        // and the running jobs per key, as the store counts them when it claims a job (none here: the bench claims them)
        jdbc.update("INSERT INTO key_load (key_id, running) SELECT key_id, COUNT(*) FROM videos WHERE status = 'IN_PROGRESS' GROUP BY key_id");
        // the identities go on after the rows given explicit numbers
        if (postgres) {
            jdbc.execute("SELECT setval(pg_get_serial_sequence('videos', 'seq'), " + (jobs + 1) + ")");
            jdbc.execute("SELECT setval(pg_get_serial_sequence('ledger', 'seq'), " + (2L * jobs + 1) + ")");
            jdbc.execute("ANALYZE");
        } else {
            jdbc.execute("ALTER TABLE videos ALTER COLUMN seq RESTART WITH " + (jobs + 1));
            jdbc.execute("ALTER TABLE ledger ALTER COLUMN seq RESTART WITH " + (2L * jobs + 1));
            jdbc.execute("ANALYZE");
        }
    }

    private String range(long from, long to) {
        return postgres ? "generate_series(" + from + ", " + to + ") AS g(x)" : "(SELECT \"X\" AS x FROM SYSTEM_RANGE(" + from + ", " + to + ")) g";
    }

    /** Job x's id: well formed ({@code video_} and 32 hex digits, here decimal ones), as the API accepts only such. */
    static String id(long x) {
        return "video_" + String.format("%032d", x);
    }

    private static final String ID = "'video_' || LPAD(CAST(x AS VARCHAR), 32, '0')";

    static String key(int k) {
        return "key_bench_" + k;
    }

    private static String tenant(int t) {
        return "ten_bench_" + t;
    }

    private static String tenantOf(int k, String bootstrapTenant) {
        return k % TENANTS == 0 ? bootstrapTenant : tenant(k % TENANTS);
    }
}
