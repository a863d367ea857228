-- Web console sessions (api/console): shared by every node and kept over restarts. Only hashes are stored: the
-- cookie's token and, for a tenant's session, the API key it was opened with (as api_keys.secret_hash).
CREATE TABLE console_sessions (
    token_hash  VARCHAR(64)  PRIMARY KEY,
    role        VARCHAR(10)  NOT NULL,
    key_hash    VARCHAR(64),
    csrf_token  VARCHAR(64)  NOT NULL,
    created_at  BIGINT       NOT NULL,
    expires_at  BIGINT       NOT NULL
);
CREATE INDEX console_sessions_expiry ON console_sessions (expires_at);
