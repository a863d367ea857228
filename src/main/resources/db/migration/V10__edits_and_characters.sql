-- Edits and extensions (issue 20): the footage a job starts from, stored at videos/<id>/source. source_kind is
-- 'edit' or 'extension' (NULL for every other job), source_video_id the completed video it came from (NULL for an
-- uploaded clip), source_seconds its length in whole seconds (an extension bills its seconds minus these).
ALTER TABLE videos ADD COLUMN source_kind VARCHAR(16);
ALTER TABLE videos ADD COLUMN source_video_id VARCHAR(64);
ALTER TABLE videos ADD COLUMN source_seconds INT;
