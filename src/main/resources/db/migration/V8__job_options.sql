-- The optional create fields of providers other than OpenAI (NULL when absent, as for every Sora client), whether a
-- last-frame image is stored with the job (videos/<id>/last_frame), and what the gateway changed of the request
-- (duration-policy=nearest): a JSON array of {"param","requested","used"}, NULL when nothing was changed.
ALTER TABLE videos ADD COLUMN negative_prompt TEXT;
ALTER TABLE videos ADD COLUMN seed BIGINT;
ALTER TABLE videos ADD COLUMN generate_audio BOOLEAN;
ALTER TABLE videos ADD COLUMN has_last_frame BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE videos ADD COLUMN adjustments VARCHAR(2000);
