-- Triage of the tip line's tips (issue 18, point 6): what the analyst server read from a tip with
-- the team's private key (its language, the names and claims in it, the known entities and list
-- entries they meet, its group of near copies), sealed again to the team's key, since it tells as
-- much as the tip itself. One row per tip, replaced when the tipster adds text.
--
-- V13 runs before V27 makes the tips table on a fresh database, so this table has no foreign key:
-- the repository deletes a tip's triage row in the transaction that deletes the tip.

CREATE TABLE tip_triage (
  tip_id VARCHAR(64) PRIMARY KEY,
  -- how many of the tipster's messages the triage read: a newer message makes it stale
  messages INTEGER NOT NULL CHECK (messages >= 1),
  sealed ${binary} NOT NULL
);
