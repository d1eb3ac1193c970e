-- Electronic queue: service groups, desks, tickets, bookings, centre pauses and the
-- append-only event log the supervisors' statistics are computed from.
-- Times are epoch milliseconds (UTC); service_day is the centre's local date (YYYY-MM-DD).
-- Service codes are plain TEXT: the catalogue may live in another migration or be absent.

CREATE TABLE queue_groups (
    id       INTEGER PRIMARY KEY,
    prefix   TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);

-- Each service is served through exactly one group; booking rules are per service.
CREATE TABLE queue_group_services (
    service_code   TEXT PRIMARY KEY,
    queue_id       BIGINT NOT NULL REFERENCES queue_groups(id) ON DELETE CASCADE,
    service_name   TEXT NOT NULL DEFAULT '',
    slot_minutes   INTEGER NOT NULL DEFAULT 15 CHECK (slot_minutes BETWEEN 5 AND 240),
    opens          TEXT NOT NULL DEFAULT '09:00',
    closes         TEXT NOT NULL DEFAULT '17:00',
    horizon_days   INTEGER NOT NULL DEFAULT 14 CHECK (horizon_days BETWEEN 0 AND 90),
    per_person_cap INTEGER NOT NULL DEFAULT 1 CHECK (per_person_cap >= 1),
    slot_capacity  INTEGER NOT NULL DEFAULT 1 CHECK (slot_capacity >= 1)
);
CREATE INDEX queue_group_services_queue ON queue_group_services (queue_id);

CREATE TABLE queue_desks (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL UNIQUE,
    state             TEXT NOT NULL DEFAULT 'closed' CHECK (state IN ('open', 'paused', 'closed')),
    clerk             TEXT NOT NULL DEFAULT '',
    current_ticket_id BIGINT,
    priority_streak   INTEGER NOT NULL DEFAULT 0,
    updated_at        BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE queue_desk_services (
    desk_id      BIGINT NOT NULL REFERENCES queue_desks(id) ON DELETE CASCADE,
    service_code TEXT NOT NULL,
    PRIMARY KEY (desk_id, service_code)
);

CREATE TABLE queue_priority_categories (
    key      TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    proof    TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    active   INTEGER NOT NULL DEFAULT 1
);
INSERT INTO queue_priority_categories (key, name, proof, position) VALUES
    ('disability', 'Особи з інвалідністю та супровідник особи з інвалідністю I групи',
     'посвідчення особи з інвалідністю або довідка МСЕК', 1),
    ('fallen-defender-family', 'Члени сімей загиблих (померлих) Захисників і Захисниць України',
     'посвідчення члена сім''ї загиблого (померлого) Захисника чи Захисниці України', 2),
    ('serviceman', 'Військовослужбовці під час воєнного стану',
     'військовий квиток або посвідчення військовослужбовця', 3);

CREATE TABLE queue_tickets (
    id             INTEGER PRIMARY KEY,
    service_day    TEXT NOT NULL,
    queue_id       BIGINT NOT NULL REFERENCES queue_groups(id),
    number         TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('regular', 'priority', 'booked')),
    call_rank      INTEGER NOT NULL,
    category_key   TEXT,
    service_code   TEXT NOT NULL,
    services       TEXT NOT NULL,  -- every service of the visit, comma-separated, in order
    state          TEXT NOT NULL CHECK (state IN ('waiting', 'called', 'serving', 'no_show', 'finished', 'cancelled')),
    issued_at      BIGINT NOT NULL,
    sort_at        BIGINT NOT NULL,
    callable_from  BIGINT NOT NULL,
    target_desk_id BIGINT REFERENCES queue_desks(id),
    desk_id        BIGINT REFERENCES queue_desks(id),
    clerk          TEXT NOT NULL DEFAULT '',
    called_at      BIGINT,
    started_at     BIGINT,
    finished_at    BIGINT,
    recalls        INTEGER NOT NULL DEFAULT 0,
    outcome        TEXT,
    booking_id     BIGINT,
    source         TEXT NOT NULL DEFAULT 'desk',
    UNIQUE (service_day, number)
);
-- The claim walks this index: booked-now, priority, regular, each by original issue time.
CREATE INDEX queue_tickets_waiting ON queue_tickets (service_day, call_rank, sort_at, id) WHERE state = 'waiting';
CREATE INDEX queue_tickets_desk ON queue_tickets (desk_id) WHERE state IN ('called', 'serving');

CREATE TABLE queue_counters (
    queue_id    BIGINT NOT NULL REFERENCES queue_groups(id) ON DELETE CASCADE,
    service_day TEXT NOT NULL,
    series      TEXT NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (queue_id, service_day, series)
);

-- Priority service once per working day per service per person.  Only a keyed
-- hash of the person's identifier is kept, never the identifier.
CREATE TABLE queue_priority_uses (
    service_day  TEXT NOT NULL,
    service_code TEXT NOT NULL,
    person_hash  TEXT NOT NULL,
    category_key TEXT NOT NULL,
    ticket_id    BIGINT NOT NULL REFERENCES queue_tickets(id) ON DELETE CASCADE,
    PRIMARY KEY (service_day, service_code, person_hash)
);

CREATE TABLE queue_bookings (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    service_code TEXT NOT NULL,
    slot_at      BIGINT NOT NULL,
    slot_day     TEXT NOT NULL,
    person_hash  TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('booked', 'checked_in', 'cancelled')),
    created_at   BIGINT NOT NULL,
    ticket_id    BIGINT REFERENCES queue_tickets(id)
);
CREATE INDEX queue_bookings_slot ON queue_bookings (service_code, slot_at) WHERE state <> 'cancelled';
CREATE INDEX queue_bookings_person ON queue_bookings (person_hash, service_code) WHERE state = 'booked';

-- Air-raid alerts and other centre-wide stops; an open interval has ended_at NULL.
CREATE TABLE queue_centre_pauses (
    id         INTEGER PRIMARY KEY,
    started_at BIGINT NOT NULL,
    ended_at   BIGINT,
    reason     TEXT NOT NULL DEFAULT '',
    started_by TEXT NOT NULL DEFAULT '',
    ended_by   TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX queue_centre_pauses_open ON queue_centre_pauses ((ended_at IS NULL)) WHERE ended_at IS NULL;

CREATE TABLE queue_events (
    id            INTEGER PRIMARY KEY,
    at            BIGINT NOT NULL,
    kind          TEXT NOT NULL,
    ticket_id     BIGINT,
    ticket_number TEXT NOT NULL DEFAULT '',
    queue_id      BIGINT,
    service_code  TEXT NOT NULL DEFAULT '',
    desk_id       BIGINT,
    desk_name     TEXT NOT NULL DEFAULT '',
    clerk         TEXT NOT NULL DEFAULT '',
    duration_ms   BIGINT,
    detail        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX queue_events_queue_kind ON queue_events (queue_id, kind, id);
CREATE INDEX queue_events_at ON queue_events (at);

-- SQLite has no LISTEN/NOTIFY: the watchers poll the newest event id.
