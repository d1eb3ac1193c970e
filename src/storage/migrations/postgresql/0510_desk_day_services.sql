-- A supervisor's reassignment of a desk's services for one service day.  While a
-- desk has rows for a day they replace its usual set (queue_desk_services) on that
-- day only; the next day finds none and the usual set applies again by itself —
-- no job, no restart, the same for every desk of the centre.  The claim reads it
-- next to queue_desk_services (QueueRepository kDeskMayServe).
CREATE TABLE queue_desk_day_services (
    desk_id      BIGINT  NOT NULL REFERENCES queue_desks(id) ON DELETE CASCADE,
    service_day  TEXT    NOT NULL,
    service_code TEXT    NOT NULL,
    set_by       TEXT    NOT NULL DEFAULT '',
    set_at       BIGINT  NOT NULL,
    PRIMARY KEY (desk_id, service_day, service_code)
);
