-- Edits and extensions (issue 20): the footage a job starts from, stored at videos/<id>/source. source_kind is
-- 'edit' or 'extension' (NULL for every other job), source_video_id the completed video it came from (NULL for an
-- uploaded clip), source_seconds its length in whole seconds (an extension bills its seconds minus these).
ALTER TABLE videos ADD COLUMN source_kind VARCHAR(16);
ALTER TABLE videos ADD COLUMN source_video_id VARCHAR(64);
ALTER TABLE videos ADD COLUMN source_seconds INT;

-- Characters (POST /v1/videos/characters): a named picture taken from an uploaded clip, one tenant's; the clip and
-- its still are in the content store under characters/<id>/. Deleted with its files once expires_at has passed.
CREATE TABLE characters (
    id          VARCHAR(64)  PRIMARY KEY,
    tenant_id   VARCHAR(64)  NOT NULL,
    name        VARCHAR(400) NOT NULL,
    created_at  BIGINT       NOT NULL,
    expires_at  BIGINT       NOT NULL
);
CREATE INDEX characters_by_tenant ON characters (tenant_id, created_at);
CREATE INDEX characters_by_expiry ON characters (expires_at);
