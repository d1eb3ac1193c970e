-- Registry exchange: the durable outbox, the message log, applications that
-- arrived online through the portal, and the engine's polling cursors.
--
-- Scheduling times are epoch milliseconds (UTC) in both dialects: the sync
-- engine compares them on every claim and integer comparison is the same on
-- SQLite and PostgreSQL.  `message_id` is the X-Road message id, generated once
-- when the item is queued and sent unchanged on every retry, so the provider can
-- de-duplicate.  `request` holds the SOAP bytes exactly as first sent (sealed at
-- the first claim); a retry sends those same bytes.

CREATE TABLE exchange_outbox (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id         TEXT    NOT NULL UNIQUE,
    case_id            INTEGER REFERENCES cases (id),
    case_number        TEXT    NOT NULL DEFAULT '',
    service_code       TEXT    NOT NULL,
    service_version    TEXT    NOT NULL DEFAULT '',
    user_id            TEXT    NOT NULL DEFAULT '',
    payload            BLOB,
    request            BLOB,
    state              TEXT    NOT NULL CHECK (state IN ('pending', 'in-flight', 'done', 'dead')),
    attempts           INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_ms    INTEGER NOT NULL,
    claimed_by         TEXT,
    claimed_until_ms   INTEGER,
    last_error         TEXT    NOT NULL DEFAULT '',
    registry_reference TEXT    NOT NULL DEFAULT '',
    result_status      TEXT    NOT NULL DEFAULT '',
    result_checked_ms  INTEGER NOT NULL DEFAULT 0,
    created_ms         INTEGER NOT NULL,
    updated_ms         INTEGER NOT NULL,
    done_ms            INTEGER
);
CREATE INDEX exchange_outbox_due ON exchange_outbox (state, next_attempt_ms);
CREATE INDEX exchange_outbox_case ON exchange_outbox (case_number);

-- Every request and response as it crossed the wire.
CREATE TABLE exchange_message_log (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id   TEXT    NOT NULL,
    case_number  TEXT    NOT NULL DEFAULT '',
    service_code TEXT    NOT NULL,
    direction    TEXT    NOT NULL CHECK (direction IN ('request', 'response')),
    at_ms        INTEGER NOT NULL,
    http_status  INTEGER NOT NULL DEFAULT 0,
    content_type TEXT    NOT NULL DEFAULT '',
    body         BLOB    NOT NULL,
    sha256       TEXT    NOT NULL,
    outcome      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX exchange_message_log_at ON exchange_message_log (at_ms);
CREATE INDEX exchange_message_log_message ON exchange_message_log (message_id);

-- Applications submitted on the portal, waiting for a clerk at intake.
CREATE TABLE online_applications (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    portal_id     TEXT    NOT NULL UNIQUE,
    service_code  TEXT    NOT NULL,
    service_title TEXT    NOT NULL,
    submitted_at  TEXT    NOT NULL,
    last_name     TEXT    NOT NULL,
    first_name    TEXT    NOT NULL,
    patronymic    TEXT    NOT NULL DEFAULT '',
    rnokpp        TEXT    NOT NULL DEFAULT '',
    phone         TEXT    NOT NULL DEFAULT '',
    summary       TEXT    NOT NULL DEFAULT '',
    received_ms   INTEGER NOT NULL,
    state         TEXT    NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'taken'))
);
CREATE INDEX online_applications_state ON online_applications (state, submitted_at);

-- Where each inbound poll left off (e.g. the portal's nextMarker).
CREATE TABLE exchange_cursors (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
