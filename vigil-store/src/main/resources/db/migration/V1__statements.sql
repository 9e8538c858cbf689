-- Sources and their statements. Written in SQL that both H2 (2.x) and PostgreSQL (12+) accept.
-- Marking sets are stored as comma-separated, sorted ids ('' when empty).
-- Column names avoid words that H2 reserves (VALUE, SCHEMA, KEY, USER).

CREATE TABLE sources (
  id VARCHAR(128) PRIMARY KEY,
  kind VARCHAR(32) NOT NULL,
  title VARCHAR(65536) NOT NULL,
  reliability CHAR(1) NOT NULL,
  tlp VARCHAR(16) NOT NULL,
  owner_org VARCHAR(128) NOT NULL,
  named_users VARCHAR(16384) NOT NULL,
  restricted_orgs VARCHAR(16384) NOT NULL,
  uri VARCHAR(2048),
  content_hash VARCHAR(256),
  retrieved_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The primary key leads with entity_id so that it also serves entity reads: one index fewer to
-- maintain on every insert (about 1.5x faster bulk writes on H2). The id alone is unique as well:
-- it is a hash over source, entity, property, value and span.
CREATE TABLE statements (
  id VARCHAR(32) NOT NULL,
  entity_id VARCHAR(128) NOT NULL,
  schema_name VARCHAR(32) NOT NULL,
  property VARCHAR(64) NOT NULL,
  value_text VARCHAR(65536) NOT NULL,
  -- the value again when it names another entity (see statement_refs)
  ref_id VARCHAR(128),
  -- No foreign key and no index on source_id: the store writes a source and its statements in one
  -- transaction, and the key check plus a second index cost a third of H2's write throughput.
  source_id VARCHAR(128) NOT NULL,
  span_start INTEGER,
  span_end INTEGER,
  extractor VARCHAR(128) NOT NULL,
  confidence DOUBLE PRECISION NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  credibility SMALLINT CHECK (credibility BETWEEN 1 AND 6),
  tlp VARCHAR(16) NOT NULL,
  owner_org VARCHAR(128) NOT NULL,
  named_users VARCHAR(16384) NOT NULL,
  restricted_orgs VARCHAR(16384) NOT NULL,
  -- microseconds since 1970-01-01T00:00Z: cheaper to bind and store than a timestamp, on a row that
  -- is written a million times
  first_seen BIGINT NOT NULL,
  last_seen BIGINT NOT NULL,
  PRIMARY KEY (entity_id, id)
);

-- Edges found from their ends: one row per statement whose value names another entity. A table of
-- its own rather than an index on statements.ref_id, so that the many statements that name nothing
-- cost no index entry.
CREATE TABLE statement_refs (
  ref_id VARCHAR(128) NOT NULL,
  entity_id VARCHAR(128) NOT NULL,
  statement_id VARCHAR(32) NOT NULL,
  PRIMARY KEY (ref_id, entity_id, statement_id)
);
