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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The claim of {@link JdbcJobStore}, at a cost that does not grow with the queue: it reads the small table
 * {@code queue_heads} (per API key and engine, a lower bound of the oldest queued job's seq) and the expired leases, then
 * seeks candidates best first, fewest running jobs and then oldest job, one index seek per pair it looks at (usually one).
 * A pair's head is only a lower bound, so a candidate is taken only once its real oldest claimable job is known and still
 * comes first. Claims lock the API key's row ({@code SELECT ... FOR UPDATE}) while counting its running jobs, so a key's
 * concurrency limit holds across threads and across nodes sharing one database.
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
    private static final int CHUNK = 500;

    private static final String OLDEST_QUEUED = "SELECT id, version, seq, not_before FROM videos WHERE status IN (" + QUEUED_STATES
            + ") AND key_id = ? AND engine = ? AND seq >= ? ";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    Claims(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * Lowers the head of {@code videoId}'s key and engine to that job, which just became queued; in the caller's transaction,
     * after the job's row changed. Always writes the row (version + 1), so a claim that read the head before fails its
     * compare-and-set instead of moving the head past this job.
     */
    void enqueued(String videoId) {
        Map<String, Object> job = jdbc.queryForMap("SELECT key_id, engine, seq FROM videos WHERE id = ?", videoId);
        Object keyId = job.get("key_id"), engine = job.get("engine"), seq = job.get("seq");
        while (jdbc.update("UPDATE queue_heads SET seq = LEAST(seq, ?), version = version + 1 WHERE key_id = ? AND engine = ?",
                seq, keyId, engine) == 0) {
            // absent: insert it, unless a concurrent transaction just did (then the update above finds it)
            if (jdbc.update("INSERT INTO queue_heads (key_id, engine, seq, version) VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING",
                    keyId, engine, seq) == 1) return;
        }
    }

    Optional<Video> claimNext(String workerId, Instant now, Duration lease, Set<String> engines) {
        if (engines.isEmpty()) return Optional.empty();
        long nowMs = now.toEpochMilli();
        String in = placeholders(engines.size());
        PriorityQueue<Candidate> best = new PriorityQueue<>(Comparator.<Candidate>comparingInt(c -> c.running).thenComparingLong(c -> c.seq));
        List<Candidate> found = new ArrayList<>(jdbc.query("SELECT key_id, engine, seq, version FROM queue_heads WHERE engine IN (" + in + ")",
                (rs, i) -> new Candidate(null, rs.getString(1), rs.getString(2), rs.getLong(4), rs.getLong(3), 0, 0), engines.toArray()));
        List<Object> args = new ArrayList<>(List.of(nowMs));
        args.addAll(engines);
        // the jobs whose worker's lease ran out (its node died): taken in their key's order like queued ones
        found.addAll(jdbc.query("SELECT id, key_id, version, seq, lease_until FROM videos WHERE status IN (" + LEASED_STATES
                        + ") AND lease_until < ? AND engine IN (" + in + ")",
                (rs, i) -> new Candidate(rs.getString(1), rs.getString(2), null, rs.getLong(3), rs.getLong(4), Math.min(nowMs, rs.getLong(5)), 0),
                args.toArray()));
        if (found.isEmpty()) return Optional.empty();
        Map<String, Integer> running = runningPerKey(nowMs);
        // only keys with room: a key without running jobs has room (a limit is at least 1), the others are looked up
        Map<String, Integer> limits = limits(running.keySet());
        for (Candidate c : found) {
            int n = running.getOrDefault(c.keyId, 0);
            if (n == 0 || n < limits.getOrDefault(c.keyId, DEFAULT_LIMIT)) best.add(c.running(n));
        }
        Set<String> tried = new HashSet<>();
        for (Candidate c; (c = best.poll()) != null; ) {
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
        return Optional.empty();
    }

    /**
     * The oldest job of a head's pair that may be claimed now (a job waiting for its not-before time does not hold up the
     * others), moving the head up to the pair's oldest queued job, or removing it when none is left; both compare-and-set
     * on the version read with it.
     */
    private Optional<Candidate> oldestClaimable(Candidate head, long nowMs) {
        List<Candidate> first = jdbc.query(OLDEST_QUEUED + "ORDER BY seq LIMIT 1", (rs, i) -> queued(rs, head, nowMs),
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
        return jdbc.query(OLDEST_QUEUED + "AND (not_before IS NULL OR not_before <= ?) ORDER BY seq LIMIT 1",
                (rs, i) -> queued(rs, head, nowMs), head.keyId, head.engine, oldest.seq, nowMs).stream().findFirst();
    }

    /** A queued job of the head's pair; its {@code lostAt} is now when it may be claimed now, else -1. */
    private static Candidate queued(java.sql.ResultSet rs, Candidate head, long nowMs) throws java.sql.SQLException {
        long notBefore = rs.getLong(4);
        boolean due = rs.wasNull() || notBefore <= nowMs;
        return new Candidate(rs.getString(1), head.keyId, null, rs.getLong(2), rs.getLong(3), due ? nowMs : -1, head.running);
    }

    private Optional<Video> tryClaim(Candidate c, String workerId, long nowMs, long leaseUntil) {
        // Serialises claims of one key across threads and nodes while its running jobs are counted.
        List<Integer> limit = jdbc.query("SELECT max_concurrent FROM api_keys WHERE id = ? FOR UPDATE", (rs, i) -> rs.getInt(1), c.keyId);
        int maxConcurrent = limit.isEmpty() ? DEFAULT_LIMIT : limit.getFirst();
        Integer busy = jdbc.queryForObject(
                "SELECT COUNT(*) FROM videos WHERE key_id = ? AND status = 'IN_PROGRESS' AND lease_until >= ?",
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
        jdbc.update("INSERT INTO job_attempts (video_id, attempt, key_id, worker, started_at) VALUES (?, ?, ?, ?, ?)",
                c.id, claimed.attempts(), c.keyId, workerId, nowMs);
        return Optional.of(claimed);
    }

    /** The concurrency limits of these keys (those with running jobs: a range of the jobs in flight), by primary key. */
    private Map<String, Integer> limits(Set<String> keys) {
        Map<String, Integer> limits = new HashMap<>();
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            jdbc.query("SELECT id, max_concurrent FROM api_keys WHERE id IN (" + placeholders(chunk.size()) + ")",
                    rs -> {
                        limits.put(rs.getString(1), rs.getInt(2));
                    }, chunk.toArray());
        }
        return limits;
    }

    static void endAttempt(JdbcTemplate jdbc, String videoId, long atMs, String outcome) {
        jdbc.update("UPDATE job_attempts SET ended_at = ?, outcome = ? WHERE video_id = ? AND ended_at IS NULL", atMs, outcome, videoId);
    }

    /** The running jobs per key: a range of the in-progress rows with a live lease, so it follows the jobs in flight. */
    private Map<String, Integer> runningPerKey(long nowMs) {
        Map<String, Integer> running = new HashMap<>();
        jdbc.query("SELECT key_id, COUNT(*) FROM videos WHERE status = 'IN_PROGRESS' AND lease_until >= ? GROUP BY key_id",
                rs -> {
                    running.put(rs.getString(1), rs.getInt(2));
                }, nowMs);
        return running;
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
    private record Candidate(String id, String keyId, String engine, long version, long seq, long lostAt, int running) {
        Candidate running(int n) {
            return new Candidate(id, keyId, engine, version, seq, lostAt, n);
        }
    }
}
