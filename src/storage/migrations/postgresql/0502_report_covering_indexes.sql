-- Covering indexes for the year-long reports (bench/reports): the reports read
-- only kind, time, service, ticket and duration of an event, and only the
-- service of a registered or issued case, so the index alone answers them
-- without visiting the wide rows.
DROP INDEX queue_events_kind_at;
CREATE INDEX queue_events_kind_at_cover ON queue_events (kind, at, service_code, ticket_id, duration_ms);
DROP INDEX cases_issued_idx;
CREATE INDEX cases_issued_service_idx ON cases (issued_at, service_code) WHERE issued_at IS NOT NULL;
CREATE INDEX cases_registered_service_idx ON cases (registered_at, service_code);
