-- The original file of every document that was rejected or truncated, kept with its status so that
-- it can be ingested again (after a limit was raised, say). One row per distinct file content.
-- ${binary} is a binary large object: BLOB in H2, BYTEA in PostgreSQL (set by the store on migrate).

CREATE TABLE kept_originals (
  -- "sha256:" and the hex digest of the file's bytes
  file_hash VARCHAR(80) PRIMARY KEY,
  file_name VARCHAR(1024) NOT NULL,
  size_bytes BIGINT NOT NULL CHECK (size_bytes >= 0),
  -- pending: too_large, timed_out, encrypted, zip_bomb, corrupt, unsupported, unreadable, empty,
  -- truncated, not_extracted; settled: ingested, duplicate
  status VARCHAR(32) NOT NULL,
  reason VARCHAR(2000) NOT NULL,
  -- the terms the document is to be stored under when it is ingested again
  tlp VARCHAR(16) NOT NULL,
  owner_org VARCHAR(128) NOT NULL,
  named_users VARCHAR(16384) NOT NULL,
  restricted_orgs VARCHAR(16384) NOT NULL,
  reliability CHAR(1) NOT NULL,
  -- where the file was read from, when it came from a path (for one too large to copy)
  origin_path VARCHAR(4096),
  -- the document stored from it: the truncated one, or the one a retry stored or found
  document_id VARCHAR(128),
  attempts INTEGER NOT NULL CHECK (attempts >= 1),
  first_seen TIMESTAMP WITH TIME ZONE NOT NULL,
  last_attempt TIMESTAMP WITH TIME ZONE NOT NULL,
  -- the file's bytes; NULL once settled, or when the file was too large to copy
  content ${binary}
);

CREATE INDEX kept_originals_status ON kept_originals (status);

-- Entities whose statements a document write left out of the search index until the end of its
-- ingest batch (a deferred index update), written in the document's transaction: a batch killed
-- before its end leaves them here, and the next batch indexes them.
CREATE TABLE unindexed_entities (
  entity_id VARCHAR(128) NOT NULL
);

CREATE INDEX unindexed_entities_entity ON unindexed_entities (entity_id);
