package dev.vidgate.video.jdbc;

import dev.vidgate.video.ActiveJobs;
import dev.vidgate.video.Adjustment;
import dev.vidgate.video.JobAttempt;
import dev.vidgate.video.JobStore;
import dev.vidgate.video.TransitionHook;
import dev.vidgate.video.NewVideo;
import dev.vidgate.video.ProviderUsage;
import dev.vidgate.video.Video;
import dev.vidgate.video.VideoError;
import dev.vidgate.video.VideoStatus;
import dev.vidgate.video.VideoStatus.Move;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.vidgate.video.VideoStatus.CANCELLED;
import static dev.vidgate.video.VideoStatus.COMPLETED;
import static dev.vidgate.video.VideoStatus.FAILED;
import static dev.vidgate.video.VideoStatus.IN_PROGRESS;
import static dev.vidgate.video.VideoStatus.QUEUED;

/**
 * {@link JobStore} on JDBC, for H2 and PostgreSQL alike (the SQL here is common to both). Claims lock
 * the API key's row ({@code SELECT ... FOR UPDATE}) while counting its running jobs, so a key's
 * concurrency limit holds across threads and across nodes sharing one database.
 */
public final class JdbcJobStore implements JobStore {
    private static final String SELECT = "SELECT " + VideoRowMapper.COLUMNS + " FROM videos ";

    private static final int HEARTBEAT_CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TransitionHook hook;

    public JdbcJobStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this(jdbc, tx, TransitionHook.NONE);
    }

    public JdbcJobStore(JdbcTemplate jdbc, TransactionTemplate tx, TransitionHook hook) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.hook = hook;
    }

    @Override
    public Video insert(NewVideo v, Instant idempotencySince) {
        return tx.execute(status -> insertInTransaction(v, idempotencySince));
    }

    private Video insertInTransaction(NewVideo v, Instant idempotencySince) {
        if (v.idempotencyKey() != null) {
            Optional<Video> earlier = findByIdempotencyKey(v.keyId(), v.idempotencyKey());
            if (earlier.isPresent()) {
                if (!earlier.get().createdAt().isBefore(idempotencySince)) return earlier.get();
                // Older than the window: free the key so it can name the new job.
                jdbc.update("UPDATE videos SET idempotency_key = NULL WHERE id = ?", earlier.get().id());
            }
        }
        try {
            jdbc.update("INSERT INTO videos (id, tenant_id, key_id, model, quality, status, progress, prompt, width, height, "
                            + "seconds, has_reference, remixed_from_video_id, engine, created_at, idempotency_key, negative_prompt, seed, "
                            + "generate_audio, has_last_frame, adjustments, job_seed, source_kind, source_video_id, source_seconds) "
                            + "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    v.id(), v.tenantId(), v.keyId(), v.model(), v.quality(), QUEUED.name(), v.prompt(),
                    v.size().width(), v.size().height(), v.seconds(), v.hasReference(), v.remixedFromVideoId(),
                    v.engine(), v.createdAt().toEpochMilli(), v.idempotencyKey(), v.options().negativePrompt(), v.options().seed(),
                    v.options().generateAudio(), v.options().hasLastFrame(), Adjustments.write(v.adjustments()), v.jobSeed(),
                    v.source() == null ? null : v.source().kind().wireName(), v.source() == null ? null : v.source().videoId(),
                    v.source() == null ? null : v.source().seconds());
        } catch (DuplicateKeyException raced) {
            if (v.idempotencyKey() == null) throw raced;
            return findByIdempotencyKey(v.keyId(), v.idempotencyKey()).orElseThrow(() -> raced);
        }
        Video created = findById(v.id()).orElseThrow();
        hook.created(created);
        return created;
    }

    private Optional<Video> findByIdempotencyKey(String keyId, String idempotencyKey) {
        return one(SELECT + "WHERE key_id = ? AND idempotency_key = ?", keyId, idempotencyKey);
    }

    @Override
    public Optional<Video> find(String tenantId, String id) {
        return one(SELECT + "WHERE id = ? AND tenant_id = ?", id, tenantId);
    }

    @Override
    public Optional<Video> findById(String id) {
        return one(SELECT + "WHERE id = ?", id);
    }

    @Override
    public List<Video> list(String tenantId, String afterId, int limit, boolean ascending) {
        String order = ascending ? "ASC" : "DESC";
        if (afterId == null) {
            return jdbc.query(SELECT + "WHERE tenant_id = ? ORDER BY seq " + order + " LIMIT ?",
                    VideoRowMapper.INSTANCE, tenantId, limit);
        }
        String cmp = ascending ? ">" : "<";
        return jdbc.query(SELECT + "WHERE tenant_id = ? AND seq " + cmp
                        + " (SELECT seq FROM videos WHERE id = ? AND tenant_id = ?) ORDER BY seq " + order + " LIMIT ?",
                VideoRowMapper.INSTANCE, tenantId, afterId, tenantId, limit);
    }

    /**
     * The jobs a claim may take, from the one transition table: those a {@code CLAIM} takes once their
     * not-before time (a delayed retry) has come, and those a {@code RECLAIM} takes once their lease ran out.
     * Two parameters, both now (epoch ms).
     */
    private static final String CLAIMABLE = "((status IN (" + quoted(VideoStatus.claimableFrom(Move.CLAIM))
            + ") AND (not_before IS NULL OR not_before <= ?)) OR (status IN ("
            + quoted(VideoStatus.claimableFrom(Move.RECLAIM)) + ") AND lease_until < ?))";

    /**
     * {@link #CLAIMABLE} as two index ranges, so a claim reads the queued and the expired-lease rows, not the whole
     * table: parameters now and the engines ({@code #} stands for their placeholders), twice.
     */
    private static final String CLAIMABLE_ROWS = "SELECT key_id, seq FROM videos WHERE status IN (" + quoted(VideoStatus.claimableFrom(Move.CLAIM))
            + ") AND (not_before IS NULL OR not_before <= ?) AND engine IN (#) UNION ALL SELECT key_id, seq FROM videos WHERE status IN ("
            + quoted(VideoStatus.claimableFrom(Move.RECLAIM)) + ") AND lease_until < ? AND engine IN (#)";

    private static String quoted(Set<VideoStatus> states) {
        return states.stream().map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(", "));
    }

    @Override
    public Optional<Video> claimNext(String workerId, Instant now, Duration lease, Set<String> engines) {
        if (engines.isEmpty()) return Optional.empty();
        long nowMs = now.toEpochMilli();
        List<Object> args = new ArrayList<>();
        args.add(nowMs);
        args.addAll(engines);
        args.add(nowMs);
        args.addAll(engines);
        // The oldest claimable job of every key among the engines with room: FIFO within a key. A job waiting
        // for its not-before time is not claimable yet and does not hold up the key's other jobs.
        List<Candidate> heads = jdbc.query(
                // The heads first, then each one's row by its seq: as an outer join this order is kept, where H2 would
                // otherwise run the grouping once per row of videos (seconds at 100,000 queued jobs).
                "SELECT v.id, v.key_id, v.version, v.seq, COALESCE(k.max_concurrent, 2) AS max_concurrent, v.lease_until FROM "
                        + "(SELECT key_id, MIN(seq) AS s FROM (" + CLAIMABLE_ROWS.replace("#", placeholders(engines.size()))
                        + ") c GROUP BY key_id) h LEFT JOIN videos v ON v.seq = h.s "
                        + "LEFT JOIN api_keys k ON k.id = v.key_id WHERE v.id IS NOT NULL",
                (rs, i) -> new Candidate(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5),
                        rs.getObject(6) == null ? nowMs : Math.min(nowMs, rs.getLong(6))),
                args.toArray());
        if (heads.isEmpty()) return Optional.empty();
        Map<String, Integer> running = runningPerKey(nowMs);
        // Fair across keys: the key with the fewest running jobs goes first, then the oldest job.
        List<Candidate> order = new ArrayList<>(heads.stream()
                .filter(c -> running.getOrDefault(c.keyId, 0) < c.maxConcurrent)
                .toList());
        order.sort(Comparator.<Candidate>comparingInt(c -> running.getOrDefault(c.keyId, 0)).thenComparingLong(c -> c.seq));
        for (Candidate c : order) {
            Optional<Video> claimed = tx.execute(status -> tryClaim(c, workerId, nowMs, nowMs + lease.toMillis()));
            if (claimed.isPresent()) return claimed;
        }
        return Optional.empty();
    }

    private Optional<Video> tryClaim(Candidate c, String workerId, long nowMs, long leaseUntil) {
        // Serialises claims of one key across threads and nodes while its running jobs are counted.
        jdbc.query("SELECT id FROM api_keys WHERE id = ? FOR UPDATE", rs -> null, c.keyId);
        Integer busy = jdbc.queryForObject(
                "SELECT COUNT(*) FROM videos WHERE key_id = ? AND status = 'IN_PROGRESS' AND lease_until >= ?",
                Integer.class, c.keyId, nowMs);
        if (busy != null && busy >= c.maxConcurrent) return Optional.empty();
        int updated = jdbc.update("UPDATE videos SET status = 'IN_PROGRESS', lease_owner = ?, lease_until = ?, "
                        + "started_at = COALESCE(started_at, ?), attempts = attempts + 1, version = version + 1 "
                        + "WHERE id = ? AND version = ? AND " + CLAIMABLE,
                workerId, leaseUntil, nowMs, c.id, c.version, nowMs, nowMs);
        if (updated != 1) return Optional.empty();
        Video claimed = findById(c.id).orElseThrow();
        // A previous attempt still open belonged to a node that died: it stopped counting against the key's
        // limit when its lease ran out, so that is when the attempt is recorded as ended. The lease read
        // with the candidate is that one: the claim succeeded only because it was still expired, and a
        // live owner's heartbeat only ever moves a lease into the future.
        endAttempt(c.id, c.lostAt, "lost");
        jdbc.update("INSERT INTO job_attempts (video_id, attempt, key_id, worker, started_at) VALUES (?, ?, ?, ?, ?)",
                c.id, claimed.attempts(), c.keyId, workerId, nowMs);
        return Optional.of(claimed);
    }

    private void endAttempt(String videoId, long atMs, String outcome) {
        jdbc.update("UPDATE job_attempts SET ended_at = ?, outcome = ? WHERE video_id = ? AND ended_at IS NULL", atMs, outcome, videoId);
    }

    private Map<String, Integer> runningPerKey(long nowMs) {
        Map<String, Integer> running = new HashMap<>();
        jdbc.query("SELECT key_id, COUNT(*) FROM videos WHERE status = 'IN_PROGRESS' AND lease_until >= ? GROUP BY key_id",
                rs -> {
                    running.put(rs.getString(1), rs.getInt(2));
                }, nowMs);
        return running;
    }

    @Override
    public int releaseLeases(String workerId) {
        return jdbc.update("UPDATE videos SET lease_until = 0 WHERE lease_owner = ? AND status = 'IN_PROGRESS'", workerId);
    }

    @Override
    public Set<String> heartbeat(String workerId, Collection<String> ids, Instant leaseUntil) {
        if (ids.isEmpty()) return Set.of();
        Set<String> held = new HashSet<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += HEARTBEAT_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + HEARTBEAT_CHUNK));
            String in = placeholders(chunk.size());
            List<Object> args = new ArrayList<>();
            args.add(leaseUntil.toEpochMilli());
            args.add(workerId);
            args.addAll(chunk);
            jdbc.update("UPDATE videos SET lease_until = ? WHERE lease_owner = ? AND status = 'IN_PROGRESS' AND id IN (" + in + ")",
                    args.toArray());
            held.addAll(jdbc.queryForList("SELECT id FROM videos WHERE lease_owner = ? AND status = 'IN_PROGRESS' AND id IN (" + in + ")",
                    String.class, args.subList(1, args.size()).toArray()));
        }
        return Collections.unmodifiableSet(held);
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    @Override
    public boolean recordProgress(String id, String workerId, int progress, String engineHandle) {
        return jdbc.update("UPDATE videos SET progress = GREATEST(progress, ?), engine_handle = ? "
                        + "WHERE id = ? AND lease_owner = ? AND status = 'IN_PROGRESS'",
                progress, engineHandle, id, workerId) == 1;
    }

    @Override
    public void recordPromptReading(String id, String reading) {
        // not a move: the version stays, so the worker's next compare-and-set still wins
        jdbc.update("UPDATE videos SET prompt_reading = ? WHERE id = ?", truncate(reading, 2000), id);
    }

    @Override
    public int countInProgressWithHandle(String handlePrefix) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM videos WHERE status = 'IN_PROGRESS' AND " + HandlePrefix.LIKE,
                Integer.class, HandlePrefix.pattern(handlePrefix));
        return n == null ? 0 : n;
    }

    @Override
    public Optional<Video> complete(Video current, int deliveredSeconds, ProviderUsage usage, List<Adjustment> adjusted,
                                    Instant completedAt, Instant expiresAt) {
        // The CAS on version makes current's adjustments the row's, so appending to them loses nothing.
        List<Adjustment> adjustments = new ArrayList<>(current.adjustments());
        adjustments.addAll(adjusted);
        return transition(current, COMPLETED, completedAt, "progress = 100, delivered_seconds = ?, usage_tokens = ?, usage_seconds = ?, "
                        + "adjustments = ?, completed_at = ?, expires_at = ?, lease_owner = NULL, lease_until = NULL",
                deliveredSeconds, usage.tokens(), usage.seconds(), Adjustments.write(adjustments), completedAt.toEpochMilli(),
                expiresAt.toEpochMilli());
    }

    @Override
    public Optional<Video> fail(Video current, VideoError error, Instant at) {
        return transition(current, FAILED, at, "error_code = ?, error_message = ?, lease_owner = NULL, lease_until = NULL",
                error.code(), truncate(error.message(), 2000));
    }

    @Override
    public Optional<Video> cancel(Video current, Instant at) {
        return transition(current, CANCELLED, at, "lease_owner = NULL, lease_until = NULL");
    }

    @Override
    public Optional<Video> requeue(Video current, Instant at, Instant notBefore) {
        // A retry starts afresh: the failed attempt's engine work is over.
        return transition(current, QUEUED, at, "lease_owner = NULL, lease_until = NULL, engine_handle = NULL, not_before = ?",
                notBefore.toEpochMilli());
    }

    @Override
    public Optional<Video> postpone(Video current, Instant at, Instant notBefore) {
        if (current.status() != IN_PROGRESS || !current.status().canBecome(QUEUED)) return Optional.empty();
        return tx.execute(status -> {
            Optional<Video> after = casUpdate(current, QUEUED, "lease_owner = NULL, lease_until = NULL, engine_handle = NULL, "
                    + "not_before = ?, attempts = attempts - 1", notBefore.toEpochMilli());
            after.ifPresent(changed -> jdbc.update("DELETE FROM job_attempts WHERE video_id = ? AND attempt = ?",
                    current.id(), current.attempts()));
            return after;
        });
    }

    private Optional<Video> transition(Video current, VideoStatus to, Instant at, String assignments, Object... values) {
        if (!current.status().canBecome(to)) return Optional.empty();
        return tx.execute(status -> {
            Optional<Video> after = casUpdate(current, to, assignments, values);
            after.ifPresent(changed -> {
                if (current.status() == IN_PROGRESS) endAttempt(current.id(), at.toEpochMilli(), to.name().toLowerCase(java.util.Locale.ROOT));
                if (to.isFinished()) hook.finished(current, changed);
            });
            return after;
        });
    }

    private Optional<Video> casUpdate(Video current, VideoStatus to, String assignments, Object... values) {
        Object[] args = new Object[values.length + 4];
        args[0] = to.name();
        System.arraycopy(values, 0, args, 1, values.length);
        args[values.length + 1] = current.id();
        args[values.length + 2] = current.status().name();
        args[values.length + 3] = current.version();
        int updated = jdbc.update("UPDATE videos SET status = ?, " + assignments + ", version = version + 1 "
                + "WHERE id = ? AND status = ? AND version = ?", args);
        return updated == 1 ? findById(current.id()) : Optional.empty();
    }

    @Override
    public List<Video> findExpired(Instant now, int limit) {
        return jdbc.query(SELECT + "WHERE status = 'COMPLETED' AND content_expired = FALSE AND expires_at <= ? ORDER BY expires_at LIMIT ?",
                VideoRowMapper.INSTANCE, now.toEpochMilli(), limit);
    }

    @Override
    public List<Video> findEndedUnswept(int limit) {
        return jdbc.query(SELECT + "WHERE status IN ('FAILED', 'CANCELLED') AND content_expired = FALSE ORDER BY seq LIMIT ?",
                VideoRowMapper.INSTANCE, limit);
    }

    @Override
    public boolean markContentExpired(Video current) {
        return jdbc.update("UPDATE videos SET content_expired = TRUE, version = version + 1 WHERE id = ? AND version = ? "
                + "AND status IN ('COMPLETED', 'FAILED', 'CANCELLED')", current.id(), current.version()) == 1;
    }

    @Override
    public boolean delete(Video current) {
        if (!current.status().isFinished()) return false;
        return jdbc.update("DELETE FROM videos WHERE id = ? AND version = ?", current.id(), current.version()) == 1;
    }

    @Override
    public List<JobAttempt> attemptsOfKey(String keyId) {
        return jdbc.query("SELECT video_id, attempt, key_id, worker, started_at, ended_at, outcome FROM job_attempts "
                        + "WHERE key_id = ? ORDER BY started_at, video_id, attempt",
                (rs, i) -> {
                    long ended = rs.getLong(6);
                    Instant endedAt = rs.wasNull() ? null : Instant.ofEpochMilli(ended);
                    return new JobAttempt(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            Instant.ofEpochMilli(rs.getLong(5)), endedAt, rs.getString(7));
                }, keyId);
    }

    @Override
    public int countInProgress(String keyId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM videos WHERE key_id = ? AND status = 'IN_PROGRESS'", Integer.class, keyId);
        return n == null ? 0 : n;
    }

    @Override
    public List<ActiveJobs> countActive() {
        return jdbc.query("SELECT status, engine, key_id, COUNT(*) FROM videos WHERE status IN ('QUEUED', 'IN_PROGRESS') "
                        + "GROUP BY status, engine, key_id",
                (rs, row) -> new ActiveJobs(VideoStatus.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getLong(4)));
    }

    private Optional<Video> one(String sql, Object... args) {
        List<Video> rows = jdbc.query(sql, VideoRowMapper.INSTANCE, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    private static String truncate(String s, int max) {
        if (s == null) return "";
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** @param lostAt when an expired lease on the job ran out (for a queued job: now; it has no open attempt) */
    private record Candidate(String id, String keyId, long version, long seq, int maxConcurrent, long lostAt) {}
}
