-- TAXII 2.1 status resources: the outcome of each add-objects request (issue 16), readable by
-- the organisation that made it.
CREATE TABLE taxii_status (
  id VARCHAR(36) PRIMARY KEY,
  collection_id VARCHAR(36) NOT NULL,
  owner_org VARCHAR(128) NOT NULL,
  request_us BIGINT NOT NULL,
  total_count INT NOT NULL,
  success_count INT NOT NULL,
  failure_count INT NOT NULL,
  -- The status resource's successes and failures as JSON.
  details TEXT NOT NULL
);
