package dev.vidgate.video.jdbc;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The running jobs of each API key ({@code key_load}, V18), kept in the caller's transaction, right after the job's own
 * compare-and-set won: a claim of a queued job adds one, every move out of {@code IN_PROGRESS} takes one away, and a reclaim
 * of an expired lease changes nothing. The count includes jobs whose lease ran out; a claim subtracts those itself.
 */
final class KeyLoad {
    private KeyLoad() {
    }

    /** A job of {@code keyId} became IN_PROGRESS from the queue. */
    static void started(JdbcTemplate jdbc, String keyId) {
        Upserts.updateOrInsert(jdbc, "UPDATE key_load SET running = running + 1 WHERE key_id = ?", new Object[] {keyId},
                "INSERT INTO key_load (key_id, running) VALUES (?, 1) ON CONFLICT DO NOTHING", new Object[] {keyId});
    }

    /** A job of {@code keyId} left IN_PROGRESS; its claim made the key's row. */
    static void ended(JdbcTemplate jdbc, String keyId) {
        jdbc.update("UPDATE key_load SET running = running - 1 WHERE key_id = ?", keyId);
    }
}
