-- Ownership (issue 10): what one organisation stores never collides with, answers for or is
-- rewritten by another's. Written in SQL that both H2 (2.x) and PostgreSQL (12+) accept.

-- Two organisations may hold the same text, each as its own document (document ids hash the owner
-- with the text), so the content hash is no longer unique; it stays indexed for finding the copies
-- an uploader may read.
DROP INDEX documents_content_hash;
CREATE INDEX documents_content_hash_lookup ON documents (content_hash);

-- Kept originals are keyed by owner and file hash: another organisation's offer of the same bytes
-- gets a row of its own instead of rewriting the name, marking and owner of the first.
CREATE TABLE kept_originals_owned (
  owner_org VARCHAR(128) NOT NULL,
  file_hash VARCHAR(80) NOT NULL,
  file_name VARCHAR(1024) NOT NULL,
  size_bytes BIGINT NOT NULL CHECK (size_bytes >= 0),
  status VARCHAR(32) NOT NULL,
  reason VARCHAR(2000) NOT NULL,
  tlp VARCHAR(16) NOT NULL,
  named_users VARCHAR(16384) NOT NULL,
  restricted_orgs VARCHAR(16384) NOT NULL,
  reliability CHAR(1) NOT NULL,
  origin_path VARCHAR(4096),
  document_id VARCHAR(128),
  attempts INTEGER NOT NULL CHECK (attempts >= 1),
  first_seen TIMESTAMP WITH TIME ZONE NOT NULL,
  last_attempt TIMESTAMP WITH TIME ZONE NOT NULL,
  content ${binary},
  PRIMARY KEY (owner_org, file_hash)
);

INSERT INTO kept_originals_owned (owner_org, file_hash, file_name, size_bytes, status, reason, tlp,
  named_users, restricted_orgs, reliability, origin_path, document_id, attempts, first_seen,
  last_attempt, content)
SELECT owner_org, file_hash, file_name, size_bytes, status, reason, tlp, named_users,
  restricted_orgs, reliability, origin_path, document_id, attempts, first_seen, last_attempt,
  content
FROM kept_originals;

DROP TABLE kept_originals;
ALTER TABLE kept_originals_owned RENAME TO kept_originals;
CREATE INDEX kept_originals_status ON kept_originals (status);
