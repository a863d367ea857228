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
 * The claim of {@link JdbcJobStore}, at a cost that does not grow with the queue: it reads the few best rows of the small
 * table {@code queue_heads} (per API key and engine, a lower bound of the oldest queued job's seq), ordered by the database
 * with their key's running jobs and limit, and the expired leases, then seeks candidates best first, fewest running jobs
 * and then oldest job, one index seek per pair it looks at (usually one); more heads only when the first give no job.
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

    /** How many heads a claim reads first; when none of them gives a job it reads eight times as many, and so on. */
    static final int FIRST_HEADS = 8;

    /** Fewest running first, then oldest; the boundary of the heads read before a candidate equal to it. */
    private static final Comparator<Candidate> BEST_FIRST = Comparator.<Candidate>comparingInt(c -> c.running)
            .thenComparingLong(c -> c.seq).thenComparing(c -> !c.boundary);

    /**
     * The best heads of keys without running jobs (a live lease), which always have room. The keys with running jobs are
     * read once, as a set (NOT IN, not a NOT EXISTS per head: H2 answered that from the idempotency index, reading every
     * job of the key). Parameters: the engines, now, the limit.
     */
    private static final String IDLE_HEADS = "SELECT h.key_id, h.engine, h.seq, h.version, 0 AS running FROM queue_heads h WHERE h.engine IN (%s) "
            + "AND h.key_id NOT IN (SELECT key_id FROM videos WHERE status = 'IN_PROGRESS' AND lease_until >= ?) "
            + "ORDER BY h.seq, h.key_id, h.engine LIMIT ?";

    /**
     * The best heads of keys with running jobs and room (a key that is gone has {@link #DEFAULT_LIMIT}): the running jobs
     * counted once and joined to their keys' heads (the left joins keep H2 from counting again for every head).
     * Parameters: now, the engines, the limit.
     */
    private static final String BUSY_HEADS = "SELECT h.key_id, h.engine, h.seq, h.version, r.n AS running FROM "
            + "(SELECT key_id, COUNT(*) AS n FROM videos WHERE status = 'IN_PROGRESS' AND lease_until >= ? GROUP BY key_id) r "
            + "LEFT JOIN queue_heads h ON h.key_id = r.key_id LEFT JOIN api_keys k ON k.id = r.key_id "
            + "WHERE h.key_id IS NOT NULL AND h.engine IN (%s) AND r.n < COALESCE(k.max_concurrent, " + DEFAULT_LIMIT + ") "
            + "ORDER BY r.n, h.seq, h.key_id, h.engine LIMIT ?";

    /**
     * Around {@link #IDLE_HEADS} and {@link #BUSY_HEADS}: each of those heads with its pair's oldest queued job (an index seek per head read, in
     * the same statement, so the usual claim makes one read before its transaction), or nulls when none is left.
     */
    private static final String WITH_OLDEST = "SELECT c.key_id, c.engine, c.seq, c.version, c.running, j.id, j.version, j.seq, j.not_before "
            + "FROM (SELECT b.key_id, b.engine, b.seq, b.version, b.running, (SELECT q.id FROM videos q WHERE q.status IN ("
            + QUEUED_STATES + ") AND q.key_id = b.key_id AND q.engine = b.engine AND q.seq >= b.seq ORDER BY q.seq LIMIT 1) AS oldest "
            + "FROM ((" + IDLE_HEADS + ") UNION ALL (" + BUSY_HEADS + ")) b) c LEFT JOIN videos j ON j.id = c.oldest";

    /** In the running column of {@link #LOST}'s rows, which are jobs whose lease ran out. */
    private static final int LOST_MARK = -1;
    /** Rows shaped like {@link #WITH_OLDEST}'s: the jobs of these engines whose lease ran out. Parameters: now, the engines. */
    private static final String LOST = "SELECT key_id, engine, seq, version, " + LOST_MARK + ", id, version, seq, lease_until FROM videos "
            + "WHERE status IN (" + LEASED_STATES + ") AND lease_until < ? AND engine IN (";

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
        Set<String> tried = new HashSet<>();
        for (int limit = FIRST_HEADS; ; limit *= 8) {
            PriorityQueue<Candidate> best = new PriorityQueue<>(BEST_FIRST);
            List<Candidate> lost = new ArrayList<>();
            List<Candidate> heads = bestHeads(engines, nowMs, limit + 1, lost);
            // Past the heads read lie only pairs whose (running, lower bound) is at least the last one's: a candidate
            // ordered before that boundary is the best there is; reaching the boundary reads more heads.
            if (heads.size() > limit) best.add(heads.removeLast().asBoundary());
            best.addAll(heads);
            if (!lost.isEmpty()) best.addAll(withRoom(lost, nowMs));
            boolean more = false;
            for (Candidate c; (c = best.poll()) != null; ) {
                if (c.boundary) {
                    more = true;
                    break;
                }
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
            if (!more) return Optional.empty();
        }
    }

    /**
     * The {@code limit} best heads of these engines whose key has room, best first: fewest running jobs (a live lease),
     * then the lowest seq; counted and ordered by the database, so a claim reads a few rows, not one per key. The same
     * statement adds to {@code lost} the jobs whose worker's lease ran out (its node died), taken in their key's order
     * like queued ones; usually none.
     */
    private List<Candidate> bestHeads(Set<String> engines, long nowMs, int limit, List<Candidate> lost) {
        String in = placeholders(engines.size());
        List<Object> args = new ArrayList<>(engines);
        args.addAll(List.of(nowMs, limit, nowMs));
        args.addAll(engines);
        args.add(limit);
        args.add(nowMs);
        args.addAll(engines);
        List<Candidate> heads = new ArrayList<>();
        jdbc.query(WITH_OLDEST.formatted(in, in) + " UNION ALL " + LOST + in + ")",
                rs -> {
                    if (rs.getInt(5) == LOST_MARK) {
                        lost.add(new Candidate(rs.getString(6), rs.getString(1), null, rs.getLong(7), rs.getLong(8),
                                Math.min(nowMs, rs.getLong(9)), 0, false, null));
                        return;
                    }
                    Candidate head = new Candidate(null, rs.getString(1), rs.getString(2), rs.getLong(4), rs.getLong(3), 0, rs.getInt(5),
                            false, null);
                    if (rs.getString(6) == null) {
                        heads.add(head);
                        return;
                    }
                    long notBefore = rs.getLong(9);
                    boolean due = rs.wasNull() || notBefore <= nowMs;
                    heads.add(head.withOldest(new Candidate(rs.getString(6), head.keyId, null, rs.getLong(7), rs.getLong(8),
                            due ? nowMs : -1, head.running, false, head)));
                }, args.toArray());
        // the database's order, which the boundary relies on: the best of both lists, as many as the limit
        heads.sort(Comparator.<Candidate>comparingInt(c -> c.running).thenComparingLong(c -> c.seq)
                .thenComparing(Candidate::keyId).thenComparing(Candidate::engine));
        return new ArrayList<>(heads.subList(0, Math.min(limit, heads.size())));
    }

    /** Those of the jobs whose lease ran out whose key has room, with its running jobs. */
    private List<Candidate> withRoom(List<Candidate> lost, long nowMs) {
        Set<String> keys = lost.stream().map(Candidate::keyId).collect(Collectors.toSet());
        Map<String, Integer> running = runningPerKey(keys, nowMs);
        // a key without running jobs has room (a limit is at least 1), the others are looked up
        Map<String, Integer> limits = limits(running.keySet());
        List<Candidate> withRoom = new ArrayList<>();
        for (Candidate c : lost) {
            int n = running.getOrDefault(c.keyId, 0);
            if (n == 0 || n < limits.getOrDefault(c.keyId, DEFAULT_LIMIT)) withRoom.add(c.running(n));
        }
        return withRoom;
    }

    /**
     * The oldest job of a head's pair that may be claimed now (a job waiting for its not-before time does not hold up the
     * others), moving the head up to the pair's oldest queued job, or removing it when none is left; both compare-and-set
     * on the version read with it.
     */
    private Optional<Candidate> oldestClaimable(Candidate head, long nowMs) {
        Candidate oldest = head.oldest;
        if (oldest == null) {
            jdbc.update("DELETE FROM queue_heads WHERE key_id = ? AND engine = ? AND version = ?", head.keyId, head.engine, head.version);
            return Optional.empty();
        }
        // the oldest job may be claimed now: the claim moves the head past it in its own transaction
        if (oldest.lostAt == nowMs) return Optional.of(oldest);
        if (oldest.seq > head.seq) {
            jdbc.update("UPDATE queue_heads SET seq = ?, version = version + 1 WHERE key_id = ? AND engine = ? AND version = ?",
                    oldest.seq, head.keyId, head.engine, head.version);
        }
        return jdbc.query(OLDEST_QUEUED + "AND (not_before IS NULL OR not_before <= ?) ORDER BY seq LIMIT 1",
                (rs, i) -> queued(rs, head, nowMs), head.keyId, head.engine, oldest.seq, nowMs).stream().findFirst();
    }

    /** A queued job of the head's pair; its {@code lostAt} is now when it may be claimed now, else -1. */
    private static Candidate queued(java.sql.ResultSet rs, Candidate head, long nowMs) throws java.sql.SQLException {
        long notBefore = rs.getLong(4);
        boolean due = rs.wasNull() || notBefore <= nowMs;
        return new Candidate(rs.getString(1), head.keyId, null, rs.getLong(2), rs.getLong(3), due ? nowMs : -1, head.running, false, null);
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
        if (c.head != null) {
            // the pair's oldest queued job was this one: its head moves past it, unless a job was queued since it was read
            jdbc.update("UPDATE queue_heads SET seq = ?, version = version + 1 WHERE key_id = ? AND engine = ? AND version = ?",
                    c.seq + 1, c.keyId, c.head.engine, c.head.version);
        }
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

    /** The running jobs (a live lease) of these keys. */
    private Map<String, Integer> runningPerKey(Set<String> keys, long nowMs) {
        Map<String, Integer> running = new HashMap<>();
        List<Object> args = new ArrayList<>(List.of(nowMs));
        args.addAll(keys);
        jdbc.query("SELECT key_id, COUNT(*) FROM videos WHERE status = 'IN_PROGRESS' AND lease_until >= ? AND key_id IN ("
                        + placeholders(keys.size()) + ") GROUP BY key_id",
                rs -> {
                    running.put(rs.getString(1), rs.getInt(2));
                }, args.toArray());
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
     * when an expired lease on it ran out; for a queued job now, or -1 while it waits for its not-before time). A head
     * carries its pair's {@code oldest} queued job read with it; that job carries its {@code head}, which its claim moves.
     */
    private record Candidate(String id, String keyId, String engine, long version, long seq, long lostAt, int running,
                             boolean boundary, Candidate head, Candidate oldest) {
        Candidate(String id, String keyId, String engine, long version, long seq, long lostAt, int running, boolean boundary,
                  Candidate head) {
            this(id, keyId, engine, version, seq, lostAt, running, boundary, head, null);
        }

        Candidate running(int n) {
            return new Candidate(id, keyId, engine, version, seq, lostAt, n, boundary, head, oldest);
        }

        /** This head as the boundary of the heads read: it and everything after it are not read yet. */
        Candidate asBoundary() {
            return new Candidate(id, keyId, engine, version, seq, lostAt, running, true, head, oldest);
        }

        /** This head with its pair's oldest queued job, read with it. */
        Candidate withOldest(Candidate job) {
            return new Candidate(id, keyId, engine, version, seq, lostAt, running, boundary, head, job);
        }
    }
}
