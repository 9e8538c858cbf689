-- Keys that every node on one database must hold the same copy of in its data folder (the name id
-- key: the ids of names read from text are keyed with it). Only a fingerprint is kept (an
-- HMAC-SHA-256 of a fixed text under the key, hex), so the table tells nothing of the key; the first
-- process that opens the store with a key registers it, and a node with another key is refused.
CREATE TABLE shared_keys (
  name VARCHAR(64) PRIMARY KEY,
  fingerprint VARCHAR(64) NOT NULL,
  registered_at TIMESTAMP WITH TIME ZONE NOT NULL
);
