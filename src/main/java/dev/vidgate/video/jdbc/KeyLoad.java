package dev.vidgate.video.jdbc;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The running jobs of each API key ({@code key_load}, V18, and a copy on each of its {@code queue_heads}, V19), kept in the
 * caller's transaction, right after the job's own compare-and-set won: a claim of a queued job adds one, every move out of {@code IN_PROGRESS} takes one away, and a reclaim
 * of an expired lease changes nothing. The count includes jobs whose lease ran out; a claim subtracts those itself.
 * Lock order, in every transaction that takes more than one: a tenant's row, then the key's count, then its heads.
 */
final class KeyLoad {
    private KeyLoad() {
    }

    /** A job of {@code keyId} became IN_PROGRESS from the queue. */
    static void started(JdbcTemplate jdbc, String keyId) {
        Upserts.updateOrInsert(jdbc, "UPDATE key_load SET running = running + 1 WHERE key_id = ?", new Object[] {keyId},
                "INSERT INTO key_load (key_id, running) VALUES (?, 1) ON CONFLICT DO NOTHING", new Object[] {keyId});
        jdbc.update("UPDATE queue_heads SET running = running + 1 WHERE key_id = ?", keyId);
    }

    /** A job of {@code keyId} left IN_PROGRESS; its claim made the key's row. */
    static void ended(JdbcTemplate jdbc, String keyId) {
        jdbc.update("UPDATE key_load SET running = running - 1 WHERE key_id = ?", keyId);
        jdbc.update("UPDATE queue_heads SET running = running - 1 WHERE key_id = ?", keyId);
    }

    /**
     * The key's count, its row locked until the caller's transaction ends (0, and nothing locked, for a key without one):
     * a new head copies it, and the key's counts change only after this transaction.
     */
    static int lockedRunning(JdbcTemplate jdbc, String keyId) {
        return jdbc.query("SELECT running FROM key_load WHERE key_id = ? FOR UPDATE", (rs, i) -> rs.getInt(1), keyId)
                .stream().findFirst().orElse(0);
    }

    /**
     * The key's jobs in progress, counted in the index {@code (status, key_id, engine, seq)}: {@code engine > ''} (every job
     * has one) makes it a range there, where H2 otherwise read the key's whole history from {@code (key_id, ...)}.
     */
    static int inProgress(JdbcTemplate jdbc, String keyId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM videos WHERE status = 'IN_PROGRESS' AND key_id = ? AND engine > ''",
                Integer.class, keyId);
        return n == null ? 0 : n;
    }

    /**
     * Corrects the counts that differ from the jobs in progress (see {@code JobStore.recountRunning}); reads the counts
     * that are not zero and the jobs in flight, then each differing key in its own transaction: its count's row is locked
     * before its jobs are counted, and a move writes the job before the count, so a move either committed before the
     * recount (which then sees both) or adds its change on top of it.
     */
    static int recount(JdbcTemplate jdbc, TransactionTemplate tx) {
        Map<String, Integer> kept = new HashMap<>();
        jdbc.query("SELECT key_id, running FROM key_load WHERE running <> 0", rs -> {
            kept.put(rs.getString(1), rs.getInt(2));
        });
        Map<String, Integer> real = new HashMap<>();
        jdbc.query("SELECT key_id, COUNT(*) FROM videos WHERE status = 'IN_PROGRESS' GROUP BY key_id", rs -> {
            real.put(rs.getString(1), rs.getInt(2));
        });
        Set<String> keys = new HashSet<>(kept.keySet());
        keys.addAll(real.keySet());
        keys.removeIf(keyId -> kept.getOrDefault(keyId, 0).equals(real.getOrDefault(keyId, 0)));
        // the heads' copies of the count too
        jdbc.query("SELECT key_id, running FROM queue_heads", rs -> {
            if (rs.getInt(2) != real.getOrDefault(rs.getString(1), 0)) keys.add(rs.getString(1));
        });
        int corrected = 0;
        for (String keyId : keys) {
            Boolean changed = tx.execute(status -> {
                jdbc.update("INSERT INTO key_load (key_id, running) VALUES (?, 0) ON CONFLICT DO NOTHING", keyId);
                int count = lockedRunning(jdbc, keyId);
                int inProgress = inProgress(jdbc, keyId);
                boolean headsSet = jdbc.update("UPDATE queue_heads SET running = ? WHERE key_id = ? AND running <> ?",
                        inProgress, keyId, inProgress) > 0;
                boolean countSet = count != inProgress
                        && jdbc.update("UPDATE key_load SET running = ? WHERE key_id = ?", inProgress, keyId) == 1;
                return headsSet || countSet;
            });
            if (Boolean.TRUE.equals(changed)) corrected++;
        }
        return corrected;
    }
}
