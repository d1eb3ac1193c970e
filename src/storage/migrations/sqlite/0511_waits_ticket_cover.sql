-- PostgreSQL widens (ticket_id, kind, at) into a covering index for the waits
-- report (see postgresql/0511).  SQLite has no INCLUDE and probes this index per
-- ticket, which is already its fastest plan: kept as it is.
CREATE INDEX IF NOT EXISTS queue_events_ticket_kind ON queue_events (ticket_id, kind, at);
