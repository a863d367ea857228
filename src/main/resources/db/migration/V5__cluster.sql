-- Periodic duties (expiry sweep, reconciliation, ...) run on one node at a time: the holder of the row's lease.
CREATE TABLE duty_leases (
    duty         VARCHAR(100) PRIMARY KEY,
    owner        VARCHAR(100) NOT NULL,
    lease_until  BIGINT       NOT NULL
);

-- One row per claim of a job: who ran it and when. An attempt whose node died keeps ended_at NULL;
-- the next claim of the same job (after the lease ran out) bounds it.
CREATE TABLE job_attempts (
    video_id    VARCHAR(64)  NOT NULL,
    attempt     INT          NOT NULL,
    key_id      VARCHAR(40)  NOT NULL,
    worker      VARCHAR(100) NOT NULL,
    started_at  BIGINT       NOT NULL,
    ended_at    BIGINT,
    outcome     VARCHAR(20),
    PRIMARY KEY (video_id, attempt)
);
CREATE INDEX job_attempts_key ON job_attempts (key_id, started_at);
