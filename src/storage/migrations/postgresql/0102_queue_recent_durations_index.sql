-- The estimate of a queue's wait averages its last 20 finished services of the
-- week (QueueRepository::recentServiceDurations), on every board and live
-- refresh.  Ordered by id on (queue_id, kind, id), the planner preferred the
-- time index and sorted a week of the whole centre's events: 20–30 ms per queue
-- once a year of history was in the log (bench/reports, live refresh 47 ms
-- against a 50 ms goal).  Ordered by time on this index it reads 20 entries.
-- It replaces (queue_id, kind, id), which nothing else reads, so the event
-- insert keeps the same number of indexes.
CREATE INDEX queue_events_queue_kind_at ON queue_events (queue_id, kind, at) INCLUDE (duration_ms);
DROP INDEX queue_events_queue_kind;
