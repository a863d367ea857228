-- Seconds an engine actually delivered, set when a job completes; billing settles on it.
ALTER TABLE videos ADD COLUMN delivered_seconds INT NOT NULL DEFAULT 0;
CREATE INDEX videos_lease_owner ON videos (lease_owner, status);
