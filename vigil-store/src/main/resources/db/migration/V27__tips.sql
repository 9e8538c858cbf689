-- The public tip line (issue 18). Nothing here identifies a tipster: no address, agent, file name
-- or precise time, only the day a row was received. Texts, replies and attachment originals are
-- sealed (public-key encrypted) by the application before they reach these tables: the rows hold
-- ciphertext that only the tip-handling team's private key opens.

CREATE TABLE tips (
  -- random, says nothing of how many tips there are
  id VARCHAR(64) PRIMARY KEY,
  -- the public part of the tipster's receipt, random; finds the row the receipt is checked against
  locator VARCHAR(16) NOT NULL UNIQUE,
  -- Argon2id of the receipt's secret part: its salt and the verifier derived from its output
  receipt_salt VARCHAR(64) NOT NULL,
  receipt_verifier VARCHAR(128) NOT NULL,
  -- X25519 public key derived from the receipt: replies are sealed to it so the tipster can read
  -- them with the receipt, and the intake listener cannot without it
  tipster_key VARCHAR(128) NOT NULL,
  received_on DATE NOT NULL,
  status VARCHAR(16) NOT NULL CHECK (status IN ('new', 'released', 'closed')),
  priority INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 3),
  -- whether the day's intake audit row counts this tip yet (written in batches, so that the audit
  -- chain's order does not date a tip to the minute)
  audited BOOLEAN NOT NULL
);

CREATE TABLE tip_messages (
  tip_id VARCHAR(64) NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  author VARCHAR(16) NOT NULL CHECK (author IN ('tipster', 'handler')),
  received_on DATE NOT NULL,
  -- the text sealed to the team's key
  sealed ${binary} NOT NULL,
  -- a handler's reply sealed again to the tipster's key; NULL for the tipster's own messages
  sealed_for_tipster ${binary},
  PRIMARY KEY (tip_id, seq)
);

CREATE TABLE tip_attachments (
  tip_id VARCHAR(64) NOT NULL REFERENCES tips (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  received_on DATE NOT NULL,
  size_bytes BIGINT NOT NULL CHECK (size_bytes >= 0),
  -- the original bytes sealed to the team's key; the original name is never stored
  sealed_original ${binary} NOT NULL,
  PRIMARY KEY (tip_id, seq)
);
