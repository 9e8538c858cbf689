-- Organisations, users, sessions and API tokens. Secrets are stored only as hashes.

CREATE TABLE organizations (
  id VARCHAR(64) PRIMARY KEY,
  name VARCHAR(256) NOT NULL
);

-- A partnership is stored once, with org_a < org_b; it works both ways.
CREATE TABLE partnerships (
  org_a VARCHAR(64) NOT NULL REFERENCES organizations (id),
  org_b VARCHAR(64) NOT NULL REFERENCES organizations (id),
  PRIMARY KEY (org_a, org_b),
  CHECK (org_a < org_b)
);

CREATE TABLE users (
  id UUID PRIMARY KEY,
  username VARCHAR(64) NOT NULL,
  -- the lower-cased username: "Alice" and "alice" are one account name
  username_key VARCHAR(64) NOT NULL UNIQUE,
  org_id VARCHAR(64) NOT NULL REFERENCES organizations (id),
  user_role VARCHAR(16) NOT NULL,
  password_hash VARCHAR(1024) NOT NULL,
  enabled BOOLEAN NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sessions (
  session_hash VARCHAR(256) PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id),
  csrf_token VARCHAR(256) NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
  token_hash VARCHAR(256) PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id),
  label VARCHAR(128) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
