-- Which entities a 'statements' change wrote (their ids, one a line), so that the other nodes
-- update their graph's link index for just those instead of rebuilding it. NULL when not known
-- (a source retired, a batch of more entities than a node would re-read): the nodes rebuild then.
-- TEXT is a large character type in both H2 (an alias of CLOB) and PostgreSQL.

ALTER TABLE store_changes ADD COLUMN entities TEXT;
