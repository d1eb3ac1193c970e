-- The waits report (bench/reports) needs each ticket's first call.  Grouping a
-- year's million calls by ticket in a hash spilled to disk at the default
-- work_mem; with service_code included, this index hands the calls over in
-- ticket order, so they group as they stream (index only, no hash, no spill).
-- It replaces 0501's (ticket_id, kind, at), which every other use still finds as
-- its prefix, so the queue's event insert keeps the same number of indexes.
CREATE INDEX queue_events_ticket_kind_cover ON queue_events (ticket_id, kind, at) INCLUDE (service_code);
DROP INDEX queue_events_ticket_kind;
