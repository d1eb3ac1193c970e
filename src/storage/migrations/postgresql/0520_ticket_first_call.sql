-- The waits report measures each ticket from its issue to its first call.  Read
-- from the event log that is a join of a year's million issues with its million
-- calls, grouped per ticket — 2.3–3.4 s on PostgreSQL for a year (bench/reports),
-- over the 2 s goal.  The ticket row now keeps both ends itself:
--   issued_service_code  the service the ticket was issued for (a redirect later
--                        changes service_code; the wait belongs to the first);
--   first_called_at      set by the call statement the first time the ticket is
--                        called, never changed after (a recall, return or
--                        redirect keeps it) — the row is being written anyway.
-- The report then reads one covering index over the period.  Existing tickets
-- are filled from the event log, so reports over the past keep their numbers.
ALTER TABLE queue_tickets ADD COLUMN issued_service_code TEXT NOT NULL DEFAULT '';
ALTER TABLE queue_tickets ADD COLUMN first_called_at BIGINT;
UPDATE queue_tickets t SET
    issued_service_code = COALESCE((SELECT e.service_code FROM queue_events e
                                     WHERE e.ticket_id = t.id AND e.kind = 'issued' ORDER BY e.id LIMIT 1), t.service_code),
    first_called_at = (SELECT MIN(e.at) FROM queue_events e WHERE e.ticket_id = t.id AND e.kind = 'called');
CREATE INDEX queue_tickets_issued_cover ON queue_tickets (issued_at) INCLUDE (issued_service_code, first_called_at);
