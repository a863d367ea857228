-- Claims whose cost does not grow with the queue (issue 24). Portable between H2 (MODE=PostgreSQL) and PostgreSQL.

-- One row per API key and engine with queued jobs: seq is at most the seq of the pair's oldest queued job (a lower
-- bound: a claim or cancel leaves it behind until a claim reads past it and moves it up). Every move into the queue
-- (create, requeue, postpone) lowers it in its own transaction and bumps version, so a claim that moves it up or removes
-- it (compare-and-set on version) never hides a job queued meanwhile. A claim reads this small table instead of grouping
-- the whole queue, then seeks each candidate pair's oldest claimable job in videos_queue.
CREATE TABLE queue_heads (
    key_id   VARCHAR(40)  NOT NULL,
    engine   VARCHAR(100) NOT NULL,
    seq      BIGINT       NOT NULL,
    version  BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (key_id, engine)
);
INSERT INTO queue_heads (key_id, engine, seq) SELECT key_id, engine, MIN(seq) FROM videos WHERE status = 'QUEUED' GROUP BY key_id, engine;

-- A pair's oldest queued job is one seek; the prefix (status, key_id) still counts a key's queued or running jobs,
-- so it replaces (status, key_id, seq).
CREATE INDEX videos_queue ON videos (status, key_id, engine, seq);
DROP INDEX videos_status_key_seq;

-- Expired leases (the jobs a RECLAIM takes) and the running jobs are ranges of this index, not every in-progress row.
CREATE INDEX videos_status_lease ON videos (status, lease_until);
