-- The wait estimate's last finished services of a queue, newest first, read
-- from the index alone (see postgresql/0102).  It replaces (queue_id, kind, id).
CREATE INDEX queue_events_queue_kind_at ON queue_events (queue_id, kind, at, duration_ms);
DROP INDEX queue_events_queue_kind;
