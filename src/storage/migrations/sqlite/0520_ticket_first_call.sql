-- Each ticket keeps the service it was issued for and the moment of its first
-- call, so the waits report reads one covering index instead of pairing issue
-- and call events (see postgresql/0520 for the measurements behind it).
-- Existing tickets are filled from the event log.
ALTER TABLE queue_tickets ADD COLUMN issued_service_code TEXT NOT NULL DEFAULT '';
ALTER TABLE queue_tickets ADD COLUMN first_called_at BIGINT;
UPDATE queue_tickets SET
    issued_service_code = COALESCE((SELECT e.service_code FROM queue_events e
                                     WHERE e.ticket_id = queue_tickets.id AND e.kind = 'issued' ORDER BY e.id LIMIT 1),
                                    queue_tickets.service_code),
    first_called_at = (SELECT MIN(e.at) FROM queue_events e WHERE e.ticket_id = queue_tickets.id AND e.kind = 'called');
CREATE INDEX queue_tickets_issued_cover ON queue_tickets (issued_at, issued_service_code, first_called_at);
