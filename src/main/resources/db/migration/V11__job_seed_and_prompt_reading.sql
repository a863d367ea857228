-- job_seed: the job's own seed, the client's seed when it sent one (also in seed, which is what providers are sent) or one
-- drawn at create; the built-in renderer varies its output by it, so two takes of one request differ and the same seed
-- renders the same video again. NULL for jobs created before it existed.
-- prompt_reading: what the built-in renderer read in the prompt (scene, camera, looks, sound, words it ignored), NULL
-- until it has read it and for jobs of other engines.
ALTER TABLE videos ADD COLUMN job_seed BIGINT;
ALTER TABLE videos ADD COLUMN prompt_reading VARCHAR(2000);
