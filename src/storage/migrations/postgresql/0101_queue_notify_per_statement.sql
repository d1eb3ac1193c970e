-- Wake the watchers once per statement, and never from the commit of a desk's
-- call or finish.  Every transaction that NOTIFYs takes PostgreSQL's one
-- cluster-wide notify lock from pre-commit until its commit record is flushed,
-- so notifying commits never share a WAL flush (no group commit): with many
-- desks calling and finishing, that lock, not the claim, set the pace.
--  * 'called' no longer notifies here: the service announces each call right
--    after its commit, in a NOTIFY-only transaction with synchronous_commit off
--    (QueueRepository::announceCall), which holds the lock only for microseconds.
--  * 'started' and 'finished' do not notify at all: they change nothing on the
--    hall board or the kiosk (last calls, waiting counts, open desks); the desk
--    that finished already knows, the supervisor's live view refreshes every
--    second, and every watcher still polls (5 s on PostgreSQL).
--  * Everything else (issued, recalled, no-show, redirected, desk and centre
--    pauses, ...) still wakes everyone from its own commit, as before.
--  * One NOTIFY per statement (the payload lists the kinds), not one per row: a
--    bulk insert of 20,000 tickets queued 20,000 notifications.
DROP TRIGGER queue_events_notify ON queue_events;
DROP FUNCTION queue_events_notify();
CREATE FUNCTION queue_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    kinds TEXT;
BEGIN
    SELECT string_agg(DISTINCT kind, ',') INTO kinds FROM new_events
     WHERE kind NOT IN ('called', 'started', 'finished');
    IF kinds IS NOT NULL THEN
        PERFORM pg_notify('cnap_queue', kinds);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER queue_events_notify AFTER INSERT ON queue_events REFERENCING NEW TABLE AS new_events
    FOR EACH STATEMENT EXECUTE FUNCTION queue_events_notify();
