-- 014: the morning meeting (6.1.1) counts yesterday's quote replies and returns per assistant, and
-- its numbers link to those lists; without an index on the dates both read every quote / return
-- of the year (~8 ms of the report's ~20 on a year of quotes).
CREATE INDEX quotes_replied ON quotes (replied_at DESC, id DESC) WHERE replied_at IS NOT NULL;
CREATE INDEX returns_created ON returns (created_at DESC, id DESC);
