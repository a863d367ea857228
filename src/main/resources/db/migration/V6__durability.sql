-- A job put back in line after a storage fault is not claimed before not_before (epoch ms; NULL: at once),
-- so the fault has time to pass instead of using up the job's attempts within seconds.
ALTER TABLE videos ADD COLUMN not_before BIGINT;

-- One row per node, rewritten by its storage probe: a write that must reach the disk for the node to count as
-- ready (see docs/operations.md).
CREATE TABLE node_probes (
    node_id    VARCHAR(100) PRIMARY KEY,
    probed_at  BIGINT       NOT NULL
);
