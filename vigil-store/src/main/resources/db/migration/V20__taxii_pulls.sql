-- Where each pull of a partner's TAXII 2.1 collection stopped (issue 16): the added_after to
-- resume from, written in the same transaction as the page of objects it follows, so a pull that
-- is interrupted resumes after the last page it stored and never skips or repeats one.
CREATE TABLE taxii_pulls (
  partner VARCHAR(128) PRIMARY KEY,
  receiving_org VARCHAR(128) NOT NULL,
  collection_url VARCHAR(2000) NOT NULL,
  -- The TAXII timestamp to send as added_after next time; NULL before the first stored page.
  added_after VARCHAR(40),
  objects_received BIGINT NOT NULL,
  updated_us BIGINT NOT NULL
);
