-- What the provider reported it used for a completed job (EngineOutput.usage()): the tokens it counted (Seedance's
-- usage.total_tokens) and the length it reported. NULL where it reported nothing. Billing settles token-priced models
-- on usage_tokens; delivered_seconds stays the reported length rounded up.
ALTER TABLE videos ADD COLUMN usage_tokens BIGINT;
ALTER TABLE videos ADD COLUMN usage_seconds DOUBLE PRECISION;
