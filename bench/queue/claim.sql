-- The bare claim statement of QueueRepository::claimNext, for pgbench: the upper
-- limit the queue service is measured against.  Variables (pgbench -D):
--   desks  number of desks (ids 1..desks serve the one service)
--   day    the service day, quoted: -D "day='2026-11-28'"
\set desk random(1, :desks)
UPDATE queue_tickets SET state = 'called', desk_id = :desk, clerk = 'pgbench', called_at = 1, recalls = 0,
       target_desk_id = NULL
 WHERE id = (SELECT t.id FROM queue_tickets t
              WHERE t.state = 'waiting' AND t.service_day = :day AND t.callable_from <= 9000000000000000
                AND (t.call_rank <> 1 OR 1 = 1) AND ('' = '' OR t.service_code = '')
                AND (t.target_desk_id IS NULL OR t.target_desk_id = :desk)
                AND (t.target_desk_id = :desk OR EXISTS (SELECT 1 FROM queue_desk_services ds
                                                          WHERE ds.desk_id = :desk AND ds.service_code = t.service_code))
              ORDER BY t.call_rank, t.sort_at, t.id LIMIT 1 FOR UPDATE SKIP LOCKED)
   AND state = 'waiting'
RETURNING id;
