-- Ingested documents: one row per document kept, under the id of the source its statements cite.
-- TEXT is a large character type in both H2 (an alias of CLOB) and PostgreSQL.

CREATE TABLE documents (
  source_id VARCHAR(128) PRIMARY KEY,
  file_name VARCHAR(1024) NOT NULL,
  media_type VARCHAR(256) NOT NULL,
  language_code VARCHAR(16),
  -- the hash of the cleaned, normalised text: an exact copy in another format has the same hash
  content_hash VARCHAR(256) NOT NULL,
  plain_text TEXT NOT NULL,
  status VARCHAR(32) NOT NULL,
  reason VARCHAR(2000) NOT NULL,
  -- a near copy (a syndicated version) names the document it copies, with their similarity
  near_duplicate_of VARCHAR(128),
  similarity DOUBLE PRECISION CHECK (similarity >= 0 AND similarity <= 1),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Exact copies are stored once: a second write of the same text fails rather than doubling it.
CREATE UNIQUE INDEX documents_content_hash ON documents (content_hash);
