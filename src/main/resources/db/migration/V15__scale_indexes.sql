-- Costs that stay flat at a million jobs (issue 24). Portable between H2 (MODE=PostgreSQL) and PostgreSQL.

-- A claim groups the queued jobs by key for each key's oldest: it reads them from this index, in key order, instead of
-- reading the whole table; the same index counts a key's running jobs, so it replaces (key_id, status).
CREATE INDEX videos_status_key_seq ON videos (status, key_id, seq);
DROP INDEX videos_key_status;

-- GET /v1/usage reads one tenant's settled jobs in a range of days, not every tenant's.
CREATE INDEX ledger_tenant_usage ON ledger (tenant_id, kind, usage_day);
