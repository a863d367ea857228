-- Costs that stay flat at a million jobs (issue 24). Portable between H2 (MODE=PostgreSQL) and PostgreSQL.

-- A claim finds the keys with queued jobs by a loose scan (status, then key) and each key's oldest queued job with one
-- probe (status, key, then the line's order) instead of grouping every queued job; the same index counts a key's
-- running jobs, so it replaces (key_id, status).
CREATE INDEX videos_status_key_seq ON videos (status, key_id, seq);
DROP INDEX videos_key_status;

-- GET /v1/usage reads one tenant's settled jobs in a range of days, not every tenant's.
CREATE INDEX ledger_tenant_usage ON ledger (tenant_id, kind, usage_day);
