-- Attachments released with their tip into a case (issue 18, point 6): the cleaned working copy
-- (never the sealed original, which keeps its metadata), opened with the team's key when a handler
-- releases the tip, and kept here in plain under the marking chosen for the tip, beside the document
-- that holds the tip's text. A reader sees a file only when they may read both that document and the
-- file's own marking (the document may be an earlier copy of the same text, under another marking).
--
-- No time column: the release is dated by its audit row, and a file says nothing of when the tip came.
-- V12 runs before V27 makes the tips table on a fresh database, so there is no foreign key to it;
-- released tips are never deleted by retention.

CREATE TABLE tip_released_files (
  -- a random id, the file's name in the routes
  id VARCHAR(64) PRIMARY KEY,
  document_id VARCHAR(128) NOT NULL,
  tip_id VARCHAR(64) NOT NULL,
  -- the attachment's number in its tip
  seq INTEGER NOT NULL CHECK (seq >= 1),
  -- the type the cleaner told from the bytes
  media_type VARCHAR(100) NOT NULL,
  size_bytes BIGINT NOT NULL CHECK (size_bytes >= 0),
  tlp VARCHAR(16) NOT NULL,
  owner_org VARCHAR(128) NOT NULL,
  named_users VARCHAR(16384) NOT NULL,
  restricted_orgs VARCHAR(16384) NOT NULL,
  content ${binary} NOT NULL
);

CREATE UNIQUE INDEX tip_released_files_attachment ON tip_released_files (tip_id, seq);
CREATE INDEX tip_released_files_document ON tip_released_files (document_id);
