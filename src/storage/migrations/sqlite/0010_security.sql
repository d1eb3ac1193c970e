-- Accounts and the tamper-evident audit log (issue 7).
-- Times are UTC ISO-8601 text with milliseconds ("2024-05-01T09:30:00.000Z"),
-- which sorts correctly as text.

CREATE TABLE users (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    login                TEXT NOT NULL UNIQUE,
    display_name         TEXT NOT NULL DEFAULT '',
    role                 TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin', 'kiosk', 'display')),
    password_hash        TEXT NOT NULL,
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    disabled             INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    -- consecutive failed logins; reset by a successful login or an admin reset
    failed_attempts      INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until         TEXT,
    last_login_at        TEXT,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    version              INTEGER NOT NULL DEFAULT 1
);

-- One row per audited action, chained: hash = SHA-256(prev_hash || entry).
-- seq is assigned by the application from audit_chain_head, gap-free, so a
-- missing number means a removed row.
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    login       TEXT NOT NULL,
    role        TEXT NOT NULL,
    desk        TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL,
    object_type TEXT NOT NULL DEFAULT '',
    object_id   TEXT NOT NULL DEFAULT '',
    details     TEXT NOT NULL DEFAULT '',  -- never personal data (masked on the way in)
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_login_at ON audit_log (login, at);
CREATE INDEX audit_log_action_at ON audit_log (action, at);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);
CREATE INDEX audit_log_hash ON audit_log (hash);

-- The latest seq and hash.  Appenders serialise on it (SQLite: the BEGIN
-- IMMEDIATE write lock already does).  Genesis hash: 64 zeros.
CREATE TABLE audit_chain_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- The audit log is append-only.  These triggers stop the application (and any
-- careless tool) from rewriting history; someone with write access to the file
-- can still drop them, which is what the hash chain and the exported anchor detect.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE ON audit_chain_head
BEGIN
    SELECT RAISE(ABORT, 'audit_chain_head cannot be deleted');
END;
CREATE TRIGGER audit_chain_head_forward_only BEFORE UPDATE ON audit_chain_head
WHEN NEW.seq <> OLD.seq + 1
BEGIN
    SELECT RAISE(ABORT, 'audit_chain_head only moves forward by one');
END;
