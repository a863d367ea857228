-- The console's job log and usage statistics over any range (issue 23). Portable between H2 (MODE=PostgreSQL) and
-- PostgreSQL.

-- A filtered page of the job log (GET /v1/videos and /admin/v1/jobs with status, model, key or engine) is read newest
-- first by seq: each filter a tenant or the operator uses alone gets an index that ends in seq, so the page is an index
-- range read backwards from the cursor, not a scan of the tenant's jobs. (tenant_id, seq) and (status, seq) exist.
CREATE INDEX videos_tenant_status_seq ON videos (tenant_id, status, seq);
CREATE INDEX videos_tenant_model_seq ON videos (tenant_id, model, seq);
CREATE INDEX videos_key_seq ON videos (key_id, seq);
CREATE INDEX videos_model_seq ON videos (model, seq);
CREATE INDEX videos_engine_seq ON videos (engine, seq);

-- The usage statistics (jobs per hour by status, time to complete per model) read the jobs created in a range.
CREATE INDEX videos_tenant_created ON videos (tenant_id, created_at);
CREATE INDEX videos_created ON videos (created_at);

-- The ledger export of a range of days, in the order the rows were written. (kind, usage_day, tenant_id) and
-- (tenant_id, kind, usage_day) serve the spend per day.
CREATE INDEX ledger_tenant_day_seq ON ledger (tenant_id, usage_day, seq);
CREATE INDEX ledger_day_seq ON ledger (usage_day, seq);
