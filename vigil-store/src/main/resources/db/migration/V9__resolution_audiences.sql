-- What resolution derives from statements (judgements and their notes, the review queue, possible
-- list matches) belongs to an organisation and reaches only its audience: the users, named in
-- readers (comma-separated, sorted ids), who may see every statement it rests on. Rows made before
-- this migration belong to the operator ('system', no readers): no user sees them, and the next
-- resolution run derives them again for each audience.

ALTER TABLE judgements ADD COLUMN owner_org VARCHAR(128) DEFAULT 'system' NOT NULL;
ALTER TABLE judgements ADD COLUMN readers VARCHAR(16384) DEFAULT '' NOT NULL;

-- The queue is replaced by every run: dropped rather than converted.
DROP TABLE review_pairs;

CREATE TABLE review_pairs (
  -- Audience.key(): a hash of owner_org and readers
  audience_key VARCHAR(64) NOT NULL,
  owner_org VARCHAR(128) NOT NULL,
  readers VARCHAR(16384) NOT NULL,
  left_id VARCHAR(128) NOT NULL,
  right_id VARCHAR(128) NOT NULL,
  score DOUBLE PRECISION NOT NULL CHECK (score >= 0 AND score <= 1),
  reasons VARCHAR(8000) NOT NULL,
  impact DOUBLE PRECISION NOT NULL,
  found_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (audience_key, left_id, right_id)
);

CREATE INDEX review_pairs_impact ON review_pairs (impact);

-- The operator's audience key is the hash of 'system' and no readers.
ALTER TABLE possible_matches ADD COLUMN audience_key VARCHAR(64)
  DEFAULT '9eec28886f411e97b83706b08ee7d886' NOT NULL;
ALTER TABLE possible_matches ADD COLUMN owner_org VARCHAR(128) DEFAULT 'system' NOT NULL;
ALTER TABLE possible_matches ADD COLUMN readers VARCHAR(16384) DEFAULT '' NOT NULL;
ALTER TABLE possible_matches DROP CONSTRAINT possible_matches_pair;
ALTER TABLE possible_matches ADD CONSTRAINT possible_matches_pair
  UNIQUE (entity_id, list_entity_id, audience_key);
