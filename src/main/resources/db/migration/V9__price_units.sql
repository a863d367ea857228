-- Prices in units (issue 25): a price buys a second, a clip or 1,000 provider tokens, and a model whose sound is
-- optional may add an audio surcharge per unit. Portable between H2 (MODE=PostgreSQL) and PostgreSQL.

-- The operator's prices: the unit ('per_second', 'per_clip', 'per_1k_tokens') and surcharge (micro-credits per unit)
-- beside the price. Rows from before keep NULL there, which means the configured default's unit and surcharge.
ALTER TABLE prices RENAME COLUMN price_per_second TO price;
ALTER TABLE prices ADD COLUMN price_unit VARCHAR(20);
ALTER TABLE prices ADD COLUMN audio_surcharge BIGINT;

-- Each hold, settle and release says what the job is priced by (price_unit), how much of it was held or billed
-- (quantity: seconds, clips or tokens) and whether it pays the audio surcharge (unit_price includes it). Rows from
-- before were all priced per second.
ALTER TABLE ledger ADD COLUMN price_unit VARCHAR(20);
ALTER TABLE ledger ADD COLUMN quantity BIGINT;
ALTER TABLE ledger ADD COLUMN audio BOOLEAN;
UPDATE ledger SET price_unit = 'per_second', quantity = seconds, audio = FALSE WHERE seconds IS NOT NULL;
