-- A claim whose cost does not grow with the jobs in flight (issue 24). Portable between H2 (MODE=PostgreSQL) and PostgreSQL.

-- The IN_PROGRESS jobs of each API key, kept exactly in the transactions that move jobs: + 1 when a claim takes a queued
-- job, - 1 when a job leaves IN_PROGRESS (complete, fail, cancel, requeue, postpone); a reclaim of an expired lease
-- leaves it as it is. It counts jobs whose lease ran out too: a claim subtracts those (a range of (status, lease_until)).
-- A claim reads it joined to queue_heads and api_keys instead of grouping the running jobs per key.
CREATE TABLE key_load (
    key_id   VARCHAR(40) NOT NULL PRIMARY KEY,
    running  INT         NOT NULL
);
INSERT INTO key_load (key_id, running) SELECT key_id, COUNT(*) FROM videos WHERE status = 'IN_PROGRESS' GROUP BY key_id;
