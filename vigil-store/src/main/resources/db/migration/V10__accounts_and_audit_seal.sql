-- Accounts hardening and the keyed audit seal (issue 10, findings 7 and 8).

-- Each audit row's HMAC under a key kept outside the database. Rows written before this version
-- are sealed when the store first opens with its key (see JdbcAuditLog.sealUnsealed).
ALTER TABLE audit_log ADD COLUMN row_seal CHAR(64);

-- Sessions: when they began and when they were last used, for the idle timeout and for listing.
ALTER TABLE sessions ADD COLUMN created_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sessions ADD COLUMN last_seen_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sessions ADD COLUMN remote_address VARCHAR(128) DEFAULT '' NOT NULL;
UPDATE sessions SET created_at = CURRENT_TIMESTAMP, last_seen_at = CURRENT_TIMESTAMP;

-- API tokens: the permissions a token may use (a comma-separated list of permission names, or
-- 'all' for every permission of its user's role).
ALTER TABLE api_tokens ADD COLUMN scopes VARCHAR(128) DEFAULT 'all' NOT NULL;

-- TOTP second factor: the confirmed secret, and one being enrolled until its first code is shown.
ALTER TABLE users ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE users ADD COLUMN totp_pending VARCHAR(64);
-- The last time step a code was accepted for, so that one code signs in once.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT DEFAULT 0 NOT NULL;

-- An organisation's admin may require a second factor of all its users.
ALTER TABLE organizations ADD COLUMN require_totp BOOLEAN DEFAULT FALSE NOT NULL;
