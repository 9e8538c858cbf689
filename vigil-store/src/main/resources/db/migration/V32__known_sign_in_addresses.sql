-- The addresses each account signed in from (issue 19): an account's owner at one of them is not
-- slowed by the throttle on sign-ins from new addresses. In the database, so that every node knows
-- them and the owner is not held to the stricter count on a node they have not signed in through.
-- Account and address are stored as their SHA-256, never in clear; each account keeps its 16 most
-- recent addresses, dated by the database's clock.

CREATE TABLE known_sign_in_addresses (
  account_hash VARCHAR(64) NOT NULL,
  address_hash VARCHAR(64) NOT NULL,
  signed_in_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (account_hash, address_hash)
);
