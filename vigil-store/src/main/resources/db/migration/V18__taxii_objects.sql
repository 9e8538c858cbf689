-- TAXII 2.1 collections and the STIX objects in them (issue 16). One collection per owning
-- organisation and TLP level; who may read or write it follows from that marking.
CREATE TABLE taxii_collections (
  id VARCHAR(36) PRIMARY KEY,
  owner_org VARCHAR(128) NOT NULL,
  tlp VARCHAR(16) NOT NULL,
  -- The date added of the newest batch, in microseconds: adds lock this row and take a later one,
  -- so dates added grow in commit order and a reader resuming after a date misses nothing.
  last_added_us BIGINT DEFAULT 0 NOT NULL
);

CREATE TABLE taxii_objects (
  collection_id VARCHAR(36) NOT NULL,
  object_id VARCHAR(300) NOT NULL,
  version_us BIGINT NOT NULL,
  version_text VARCHAR(40) NOT NULL,
  date_added_us BIGINT NOT NULL,
  object_type VARCHAR(250) NOT NULL,
  spec_version VARCHAR(8) NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (collection_id, object_id, version_us)
);

-- Pages are read in (date added, id, version) order from a cursor.
CREATE INDEX taxii_objects_by_added
  ON taxii_objects (collection_id, date_added_us, object_id, version_us);
