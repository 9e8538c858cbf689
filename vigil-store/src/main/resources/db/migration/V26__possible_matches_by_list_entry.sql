-- A list entry's page and the API ask for the possible matches on one list entry
-- (list_entity_id = ?); the pair constraint leads with entity_id and cannot serve that, so each
-- such read scanned every possible match.
CREATE INDEX possible_matches_list_entity ON possible_matches (list_entity_id);
