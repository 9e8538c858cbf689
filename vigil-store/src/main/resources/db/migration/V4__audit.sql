-- The hash-chained audit log. The instant is kept as epoch seconds and nanos because the row
-- hash covers both exactly; a timestamp column would round it.

CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  actor VARCHAR(128) NOT NULL,
  action VARCHAR(32) NOT NULL,
  target VARCHAR(512) NOT NULL,
  detail VARCHAR(2000) NOT NULL,
  remote_address VARCHAR(128) NOT NULL,
  at_seconds BIGINT NOT NULL,
  at_nanos INTEGER NOT NULL,
  prev_hash CHAR(64) NOT NULL,
  row_hash CHAR(64) NOT NULL
);

-- One row: the last sequence number and hash. Appenders lock it (SELECT ... FOR UPDATE), which
-- serialises appends across processes sharing one database.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq BIGINT NOT NULL,
  last_hash CHAR(64) NOT NULL
);

INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
