-- When each entity was journalled as left out of the search index, by the database's clock (the
-- writing transaction's start), so that a node's periodic catch-up indexes only rows older than a
-- bound: a row that a write or a deferred ingest batch is about to index itself is left to it.
-- Rows journalled before this migration take the time it ran.

ALTER TABLE unindexed_entities ADD COLUMN journaled_at TIMESTAMP WITH TIME ZONE
  DEFAULT CURRENT_TIMESTAMP NOT NULL;
