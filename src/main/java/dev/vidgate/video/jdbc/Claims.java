package dev.vidgate.video.jdbc;

import dev.vidgate.video.Video;
import dev.vidgate.video.VideoStatus;
import dev.vidgate.video.VideoStatus.Move;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The claim of {@link JdbcJobStore}, at a cost that grows neither with the queue nor with the jobs in flight: one query
 * reads the best few heads of {@code queue_heads} (per API key and engine, a lower bound of the oldest queued job's seq)
 * whose key has room by its count of running jobs (each head carries its key's, {@link KeyLoad}) and limit, fewest running jobs and
 * then oldest job first; another reads the expired leases (a range of {@code (status, lease_until)}, usually empty). It
 * then seeks candidates best first, one index seek per pair it looks at (usually one). A pair's head is only a lower
 * bound, so a candidate is taken only once its real oldest claimable job is known and still comes first. Claims lock the
 * API key's row ({@code SELECT ... FOR UPDATE}) while counting its running jobs, so a key's concurrency limit holds
 * across threads and across nodes sharing one database whatever the counts said.
 */
final class Claims {
    private static final String QUEUED_STATES = quoted(VideoStatus.claimableFrom(Move.CLAIM));
    private static final String LEASED_STATES = quoted(VideoStatus.claimableFrom(Move.RECLAIM));

    /**
     * The jobs a claim may take, from the one transition table: those a {@code CLAIM} takes once their not-before time (a
     * delayed retry) has come, and those a {@code RECLAIM} takes once their lease ran out. Two parameters, both now.
     */
    static final String CLAIMABLE = "((status IN (" + QUEUED_STATES + ") AND (not_before IS NULL OR not_before <= ?)) "
            + "OR (status IN (" + LEASED_STATES + ") AND lease_until < ?))";

    /** The concurrency limit of a job whose key is gone. */
    private static final int DEFAULT_LIMIT = 2;
    /** Heads read at a time: usually the first is taken, unless its key's oldest job is younger than the next head. */
    private static final int PAGE = 16;
    private static final Comparator<Candidate> BEST_FIRST = Comparator.<Candidate>comparingInt(c -> c.running).thenComparingLong(c -> c.seq);

    /** A key's limit, from its api_keys row joined as {@code k}. */
    private static final String LIMIT = "COALESCE(k.max_concurrent, " + DEFAULT_LIMIT + ")";

    private static final String OLDEST_QUEUED = "SELECT id, version, seq, not_before FROM videos WHERE status IN (" + QUEUED_STATES
            + ") AND key_id = ? AND engine = ? AND seq >= ? ";
    /**
     * In the order of the whole index (status, key_id, engine, seq), the first columns fixed: H2 sorts by an index only when
     * the ORDER BY starts with its columns, else it read every queued job of the pair and sorted them (a hundred per key
     * at a million jobs) for the first.
     */
    private static final String FIRST = "ORDER BY status, key_id, engine, seq LIMIT 1";

    /** The store's connections: {@link #enqueued} runs in its caller's transaction there. */
    private final JdbcTemplate queueing;
    /** The claim's own (on the same database), where {@link #claimNext} runs. */
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    Claims(JdbcTemplate queueing, JdbcTemplate claiming, TransactionTemplate claimTx) {
        this.queueing = queueing;
        this.jdbc = claiming;
        this.tx = claimTx;
    }

    /**
     * Lowers the head of {@code videoId}'s key and engine to that job, which just became queued; in the caller's transaction,
     * after the job's row changed. Always writes the row (version + 1), so a claim that read the head before fails its
     * compare-and-set instead of moving the head past this job.
     */
    void enqueued(String videoId) {
        Map<String, Object> job = queueing.queryForMap("SELECT key_id, engine, seq FROM videos WHERE id = ?", videoId);
        Object keyId = job.get("key_id"), engine = job.get("engine"), seq = job.get("seq");
        String lower = "UPDATE queue_heads SET seq = LEAST(seq, ?), version = version + 1 WHERE key_id = ? AND engine = ?";
        Object[] lowerArgs = {seq, keyId, engine};
        if (queueing.update(lower, lowerArgs) == 1) return; // the usual case: the pair has a head, which already counts
        // a new head starts with its key's running jobs; the count's row stays locked until this commits, so a claim or an
        // end of the key's jobs meanwhile waits and then counts on this head too
        int running = KeyLoad.lockedRunning(queueing, (String) keyId);
        Upserts.updateOrInsert(queueing, lower, lowerArgs,
                "INSERT INTO queue_heads (key_id, engine, seq, version, running) VALUES (?, ?, ?, 0, ?) ON CONFLICT DO NOTHING",
                new Object[] {keyId, engine, seq, running});
    }

    Optional<Video> claimNext(String workerId, Instant now, Duration lease, Set<String> engines) {
        if (engines.isEmpty()) return Optional.empty();
        long nowMs = now.toEpochMilli();
        // the jobs whose worker's lease ran out (its node died), of every engine: still in their key's count, so taken out
        // of it; those of these engines are taken in their key's order like queued ones. Usually none: the key's count
        // and limit are subqueries run per job found, not joins, which PostgreSQL planned again at every claim (its
        // planning 0.32 ms for the joins, 0.11 ms for this, both plans running in 0.03 ms)
        List<Candidate> lost = jdbc.query("SELECT v.id, v.key_id, v.engine, v.version, v.seq, v.lease_until, "
                        + "COALESCE((SELECT l.running FROM key_load l WHERE l.key_id = v.key_id), 0), "
                        + "COALESCE((SELECT k.max_concurrent FROM api_keys k WHERE k.id = v.key_id), " + DEFAULT_LIMIT + ") "
                        + "FROM videos v WHERE v.status IN (" + LEASED_STATES + ") AND v.lease_until < ?",
                (rs, i) -> new Candidate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        Math.min(nowMs, rs.getLong(6)), rs.getInt(7), rs.getInt(8)), nowMs);
        Map<String, Integer> lostPerKey = lost.stream().collect(Collectors.groupingBy(Candidate::keyId, Collectors.summingInt(c -> 1)));
        PriorityQueue<Candidate> best = new PriorityQueue<>(BEST_FIRST);
        for (Candidate c : lost) if (engines.contains(c.engine)) offer(best, c, lostPerKey);
        HeadPages heads = new HeadPages(engines, lostPerKey.isEmpty());
        Set<String> tried = new HashSet<>();
        while (true) {
            // a head not read yet comes after the last one read: read on while the best so far might come after it
            if (heads.more && (heads.last == null || best.isEmpty() || BEST_FIRST.compare(best.peek(), heads.last) > 0)) {
                for (Candidate head : heads.next()) offer(best, head, lostPerKey);
                continue;
            }
            Candidate c = best.poll();
            if (c == null) return Optional.empty();
            if (tried.contains(c.keyId)) continue;
            if (c.id == null) {
                // a head: the pair's oldest claimable job goes back in line at its real place
                oldestClaimable(c, nowMs).ifPresent(best::add);
                continue;
            }
            // Fair across keys and FIFO within one: this is the key's first job among the engines with room.
            tried.add(c.keyId);
            Candidate chosen = c;
            Optional<Video> claimed = tx.execute(status -> tryClaim(chosen, workerId, nowMs, nowMs + lease.toMillis()));
            if (claimed.isPresent()) return claimed;
        }
    }

    /**
     * Puts {@code c} in line with its key's running jobs (its count less those whose lease ran out), if the key has room:
     * a key without running jobs has room (a limit is at least 1).
     */
    private static void offer(PriorityQueue<Candidate> best, Candidate c, Map<String, Integer> lostPerKey) {
        int running = c.running - lostPerKey.getOrDefault(c.keyId, 0);
        if (running <= 0 || running < c.limit) best.add(c.running(Math.max(0, running)));
    }

    /**
     * The heads of these engines' pairs whose key has room, best first (fewest running jobs by the head's count, then
     * oldest), a page at a time from the database. While some lease ran out, the counts of those keys are too high by
     * their lost jobs, so then every head is read at once and {@link #offer} corrects them.
     */
    private final class HeadPages {
        private final String sql;
        private final List<String> engines;
        private final boolean paged;
        boolean more = true;
        Candidate last;

        HeadPages(Set<String> engines, boolean paged) {
            this.paged = paged;
            this.engines = List.copyOf(engines);
            String heads = "SELECT h.key_id, h.engine, h.seq, h.version, h.running, " + LIMIT + " FROM queue_heads h LEFT JOIN api_keys k ON k.id = h.key_id ";
            if (!paged) {
                this.sql = heads + "WHERE h.engine IN (" + placeholders(engines.size()) + ")";
                return;
            }
            // One engine's page in the order of the index (engine, running, seq), from the last head read on. H2 reads just
            // the page from the index only when the ORDER BY starts with the index's own columns (it does not skip the fixed
            // engine) and the range starts at the cursor's running; else it read and sorted every head of the engine. The
            // pages of several engines are merged: each holds every head of its engine up to the last of the merged page.
            String page = heads + "WHERE h.engine = ? AND h.running < " + LIMIT + " AND h.running >= ? "
                    + "AND (h.running > ? OR (h.running = ? AND h.seq > ?)) ORDER BY h.engine, h.running, h.seq LIMIT " + PAGE;
            this.sql = engines.size() == 1 ? page
                    : String.join(" UNION ALL ", Collections.nCopies(engines.size(), "(" + page + ")")) + " ORDER BY running, seq LIMIT " + PAGE;
        }

        List<Candidate> next() {
            List<Object> all = new ArrayList<>();
            for (String engine : engines) {
                all.add(engine);
                if (paged) all.addAll(last == null ? List.of(-1, -1, -1, -1L) : List.of(last.running, last.running, last.running, last.seq));
            }
            List<Candidate> page = jdbc.query(sql, (rs, i) -> new Candidate(null, rs.getString(1), rs.getString(2), rs.getLong(4),
                    rs.getLong(3), 0, rs.getInt(5), rs.getInt(6)), all.toArray());
            more = paged && page.size() == PAGE;
            if (!page.isEmpty()) last = page.getLast();
            return page;
        }
    }

    /**
     * The oldest job of a head's pair that may be claimed now (a job waiting for its not-before time does not hold up the
     * others), moving the head up to the pair's oldest queued job, or removing it when none is left; both compare-and-set
     * on the version read with it.
     */
    private Optional<Candidate> oldestClaimable(Candidate head, long nowMs) {
        List<Candidate> first = jdbc.query(OLDEST_QUEUED + FIRST, (rs, i) -> queued(rs, head, nowMs),
                head.keyId, head.engine, head.seq);
        if (first.isEmpty()) {
            jdbc.update("DELETE FROM queue_heads WHERE key_id = ? AND engine = ? AND version = ?", head.keyId, head.engine, head.version);
            return Optional.empty();
        }
        Candidate oldest = first.getFirst();
        if (oldest.seq > head.seq) {
            jdbc.update("UPDATE queue_heads SET seq = ?, version = version + 1 WHERE key_id = ? AND engine = ? AND version = ?",
                    oldest.seq, head.keyId, head.engine, head.version);
        }
        if (oldest.lostAt == nowMs) return Optional.of(oldest);
        return jdbc.query(OLDEST_QUEUED + "AND (not_before IS NULL OR not_before <= ?) " + FIRST,
                (rs, i) -> queued(rs, head, nowMs), head.keyId, head.engine, oldest.seq, nowMs).stream().findFirst();
    }

    /** A queued job of the head's pair; its {@code lostAt} is now when it may be claimed now, else -1. */
    private static Candidate queued(java.sql.ResultSet rs, Candidate head, long nowMs) throws java.sql.SQLException {
        long notBefore = rs.getLong(4);
        boolean due = rs.wasNull() || notBefore <= nowMs;
        return new Candidate(rs.getString(1), head.keyId, null, rs.getLong(2), rs.getLong(3), due ? nowMs : -1, head.running, head.limit);
    }

    private Optional<Video> tryClaim(Candidate c, String workerId, long nowMs, long leaseUntil) {
        // Serialises claims of one key across threads and nodes while its running jobs are counted.
        List<Integer> limit = jdbc.query("SELECT max_concurrent FROM api_keys WHERE id = ? FOR UPDATE", (rs, i) -> rs.getInt(1), c.keyId);
        int maxConcurrent = limit.isEmpty() ? DEFAULT_LIMIT : limit.getFirst();
        // engine > '' (every engine) makes it a range of (status, key_id, engine, seq): else H2 read the key's whole
        // history from (key_id, idempotency_key), about a thousand rows per key at a million jobs
        Integer busy = jdbc.queryForObject(
                "SELECT COUNT(*) FROM videos WHERE status = 'IN_PROGRESS' AND key_id = ? AND engine > '' AND lease_until >= ?",
                Integer.class, c.keyId, nowMs);
        if (busy != null && busy >= maxConcurrent) return Optional.empty();
        int updated = jdbc.update("UPDATE videos SET status = 'IN_PROGRESS', lease_owner = ?, lease_until = ?, "
                        + "started_at = COALESCE(started_at, ?), attempts = attempts + 1, version = version + 1 "
                        + "WHERE id = ? AND version = ? AND " + CLAIMABLE,
                workerId, leaseUntil, nowMs, c.id, c.version, nowMs, nowMs);
        if (updated != 1) return Optional.empty();
        Video claimed = jdbc.query("SELECT " + VideoRowMapper.COLUMNS + " FROM videos WHERE id = ?", VideoRowMapper.INSTANCE, c.id).getFirst();
        // A previous attempt still open belonged to a node that died: it stopped counting against the key's
        // limit when its lease ran out, so that is when the attempt is recorded as ended. The lease read
        // with the candidate is that one: the claim succeeded only because it was still expired, and a
        // live owner's heartbeat only ever moves a lease into the future.
        // A queued job has none (every move out of IN_PROGRESS ends its attempt), so only a reclaim looks.
        if (c.lostAt != nowMs) endAttempt(jdbc, c.id, c.lostAt, "lost");
        else KeyLoad.started(jdbc, c.keyId); // a reclaim was counted when its job was first claimed
        jdbc.update("INSERT INTO job_attempts (video_id, attempt, key_id, worker, started_at) VALUES (?, ?, ?, ?, ?)",
                c.id, claimed.attempts(), c.keyId, workerId, nowMs);
        return Optional.of(claimed);
    }

    static void endAttempt(JdbcTemplate jdbc, String videoId, long atMs, String outcome) {
        jdbc.update("UPDATE job_attempts SET ended_at = ?, outcome = ? WHERE video_id = ? AND ended_at IS NULL", atMs, outcome, videoId);
    }

    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static String quoted(Set<VideoStatus> states) {
        return states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    }

    /**
     * A head of {@code queue_heads} ({@code id} null: seq is a lower bound) or a job that may be claimed now ({@code lostAt}:
     * when an expired lease on it ran out; for a queued job now, or -1 while it waits for its not-before time).
     */
    private record Candidate(String id, String keyId, String engine, long version, long seq, long lostAt, int running, int limit) {
        Candidate running(int n) {
            return new Candidate(id, keyId, engine, version, seq, lostAt, n, limit);
        }
    }
}
