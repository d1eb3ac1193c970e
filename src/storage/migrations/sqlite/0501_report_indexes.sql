-- Indexes for the reports over a year of history (bench/reports).
-- Tickets issued (and other events of one kind) in a period.
CREATE INDEX queue_events_kind_at ON queue_events (kind, at);
-- A ticket's first call, joined to its issue.
CREATE INDEX queue_events_ticket_kind ON queue_events (ticket_id, kind, at);
-- Cases issued and decisions refused in a period.
CREATE INDEX cases_issued_idx ON cases (issued_at) WHERE issued_at IS NOT NULL;
CREATE INDEX case_history_state_at_idx ON case_history (to_state, at);
