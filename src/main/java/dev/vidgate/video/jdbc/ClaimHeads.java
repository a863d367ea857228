package dev.vidgate.video.jdbc;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The head of every key's line: its oldest job a claim may take among the given engines. Found without reading the
 * whole queue, so a claim costs about the same with a hundred or a hundred thousand queued jobs: the keys with queued
 * jobs by a loose index scan of {@code videos (status, key_id, seq)} (one step per key), each key's head by one probe of
 * the same index (the first row whose not-before time has come), and the jobs whose lease ran out (few: only those of
 * dead nodes) grouped by key. A key without a row in {@code api_keys} has the default limit of 2.
 */
final class ClaimHeads {
    /** A key's head: the sequence number of its oldest claimable job, and the key's concurrency limit. */
    record Head(String keyId, long seq, int maxConcurrent) {}

    private final JdbcTemplate jdbc;
    private final String queuedStates;
    private final String reclaimableStates;

    /** @param queuedStates and {@code reclaimableStates}: SQL lists of the states a CLAIM and a RECLAIM take */
    ClaimHeads(JdbcTemplate jdbc, String queuedStates, String reclaimableStates) {
        this.jdbc = jdbc;
        this.queuedStates = queuedStates;
        this.reclaimableStates = reclaimableStates;
    }

    Collection<Head> find(long nowMs, Collection<String> engines) {
        String in = String.join(", ", Collections.nCopies(engines.size(), "?"));
        Map<String, Head> heads = new HashMap<>();
        List<Object> args = new ArrayList<>();
        args.add(nowMs);
        args.addAll(engines);
        // The keys with queued jobs, one index step each (a loose scan of (status, key_id)), then each key's first job
        // that may go now.
        jdbc.query("WITH RECURSIVE queued_keys (key_id) AS (SELECT MIN(key_id) FROM videos WHERE status IN (" + queuedStates + ") "
                + "UNION ALL SELECT (SELECT MIN(v.key_id) FROM videos v WHERE v.status IN (" + queuedStates + ") AND v.key_id > q.key_id) "
                + "FROM queued_keys q WHERE q.key_id IS NOT NULL) "
                + "SELECT q.key_id, COALESCE(k.max_concurrent, 2), (SELECT v.seq FROM videos v WHERE v.status IN (" + queuedStates
                + ") AND v.key_id = q.key_id AND (v.not_before IS NULL OR v.not_before <= ?) AND v.engine IN (" + in + ") ORDER BY v.seq LIMIT 1) "
                + "FROM queued_keys q LEFT JOIN api_keys k ON k.id = q.key_id WHERE q.key_id IS NOT NULL",
                rs -> {
                    long seq = rs.getLong(3);
                    if (!rs.wasNull()) heads.put(rs.getString(1), new Head(rs.getString(1), seq, rs.getInt(2)));
                }, args.toArray());
        jdbc.query("SELECT v.key_id, MIN(v.seq), COALESCE(MAX(k.max_concurrent), 2) FROM videos v LEFT JOIN api_keys k ON k.id = v.key_id "
                + "WHERE v.status IN (" + reclaimableStates + ") AND v.lease_until < ? AND v.engine IN (" + in + ") GROUP BY v.key_id",
                rs -> {
                    Head lost = new Head(rs.getString(1), rs.getLong(2), rs.getInt(3));
                    heads.merge(lost.keyId(), lost, (a, b) -> a.seq() <= b.seq() ? a : b);
                }, args.toArray());
        return heads.values();
    }
}
