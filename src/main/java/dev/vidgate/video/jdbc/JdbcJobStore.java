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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.vidgate.video.VideoStatus.CANCELLED;
import static dev.vidgate.video.VideoStatus.COMPLETED;
import static dev.vidgate.video.VideoStatus.FAILED;
import static dev.vidgate.video.VideoStatus.IN_PROGRESS;
import static dev.vidgate.video.VideoStatus.QUEUED;

/**
 * {@link JobStore} on JDBC, for H2 and PostgreSQL alike (the SQL here is common to both). Claims are {@link Claims}; every
 * move into the queue keeps its {@code queue_heads}, and every move out of IN_PROGRESS its key's {@link KeyLoad}, in the
 * same transaction.
 */
public final class JdbcJobStore implements JobStore {
    private static final String SELECT = "SELECT " + VideoRowMapper.COLUMNS + " FROM videos ";

    private static final int HEARTBEAT_CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TransitionHook hook;
    private final Claims claims;

    public JdbcJobStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this(jdbc, tx, TransitionHook.NONE);
    }

    public JdbcJobStore(JdbcTemplate jdbc, TransactionTemplate tx, TransitionHook hook) {
        this(jdbc, tx, hook, new Claims(jdbc, jdbc, tx));
    }

    /**
     * As above, with the connections the claim runs on: the same database as {@code jdbc}'s, through a pool of its own
     * (on PostgreSQL one whose connections use generic plans, see {@code app.ClaimConnections}).
     */
    public JdbcJobStore(JdbcTemplate jdbc, TransactionTemplate tx, TransitionHook hook, DataSource claimConnections) {
        this(jdbc, tx, hook, new Claims(jdbc, new JdbcTemplate(claimConnections),
                new TransactionTemplate(new JdbcTransactionManager(claimConnections))));
    }

    private JdbcJobStore(JdbcTemplate jdbc, TransactionTemplate tx, TransitionHook hook, Claims claims) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.hook = hook;
        this.claims = claims;
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
        claims.enqueued(created.id());
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
        // ordered by the whole index (tenant_id, seq): H2 then reads just the page from it, either way, instead of
        // sorting all the tenant's jobs (the tenant_id is the same on every row)
        String order = ascending ? " ASC" : " DESC";
        order = " ORDER BY tenant_id" + order + ", seq" + order + " LIMIT ?";
        if (afterId == null) {
            return jdbc.query(SELECT + "WHERE tenant_id = ?" + order, VideoRowMapper.INSTANCE, tenantId, limit);
        }
        String cmp = ascending ? ">" : "<";
        return jdbc.query(SELECT + "WHERE tenant_id = ? AND seq " + cmp + " (SELECT seq FROM videos WHERE id = ? AND tenant_id = ?)" + order,
                VideoRowMapper.INSTANCE, tenantId, afterId, tenantId, limit);
    }

    @Override
    public Optional<Video> claimNext(String workerId, Instant now, Duration lease, Set<String> engines) {
        return claims.claimNext(workerId, now, lease, engines);
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
            String in = Claims.placeholders(chunk.size());
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
            after.ifPresent(changed -> {
                jdbc.update("DELETE FROM job_attempts WHERE video_id = ? AND attempt = ?", current.id(), current.attempts());
                KeyLoad.ended(jdbc, current.keyId());
                claims.enqueued(current.id());
            });
            return after;
        });
    }

    private Optional<Video> transition(Video current, VideoStatus to, Instant at, String assignments, Object... values) {
        if (!current.status().canBecome(to)) return Optional.empty();
        return tx.execute(status -> {
            Optional<Video> after = casUpdate(current, to, assignments, values);
            after.ifPresent(changed -> {
                if (current.status() == IN_PROGRESS) {
                    Claims.endAttempt(jdbc, current.id(), at.toEpochMilli(), to.name().toLowerCase(java.util.Locale.ROOT));
                }
                // the hook (the tenant's balance) before the key's counts and heads: a create locks them in that order too,
                // and the other order deadlocked creates racing finishes of one tenant (ConcurrentBillingContract)
                if (to.isFinished()) hook.finished(current, changed);
                if (current.status() == IN_PROGRESS) KeyLoad.ended(jdbc, current.keyId());
                if (to == QUEUED) claims.enqueued(current.id());
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
        return jdbc.query(SELECT + "WHERE status = 'COMPLETED' AND content_expired = FALSE AND expires_at <= ? "
                        // the whole index (status, content_expired, expires_at), so H2 reads just the batch from it
                        + "ORDER BY status, content_expired, expires_at LIMIT ?",
                VideoRowMapper.INSTANCE, now.toEpochMilli(), limit);
    }

    @Override
    public List<Video> findEndedUnswept(int limit) {
        // ordered by the index (status, content_expired, expires_at), not by seq: PostgreSQL otherwise walks the whole
        // table in seq order looking for the few unswept among the many swept ended jobs (0.64 s at a million jobs)
        return jdbc.query(SELECT + "WHERE status IN ('FAILED', 'CANCELLED') AND content_expired = FALSE "
                        + "ORDER BY status, content_expired, expires_at LIMIT ?",
                VideoRowMapper.INSTANCE, limit);
    }

    private static final String MARK_EXPIRED = "UPDATE videos SET content_expired = TRUE, version = version + 1 WHERE id = ? "
            + "AND version = ? AND status IN ('COMPLETED', 'FAILED', 'CANCELLED')";

    @Override
    public boolean markContentExpired(Video current) {
        return jdbc.update(MARK_EXPIRED, current.id(), current.version()) == 1;
    }

    @Override
    public List<Video> markContentExpired(List<Video> due) {
        if (due.isEmpty()) return List.of();
        // one batch of compare-and-sets, committed before the caller deletes any file
        int[] marked = tx.execute(status -> jdbc.batchUpdate(MARK_EXPIRED,
                due.stream().map(v -> new Object[] {v.id(), v.version()}).toList()));
        List<Video> won = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) if (marked[i] == 1) won.add(due.get(i));
        return won;
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
        return KeyLoad.inProgress(jdbc, keyId);
    }

    @Override
    public int recountRunning() {
        return KeyLoad.recount(jdbc, tx);
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
}
