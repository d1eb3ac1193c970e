-- Accounts and the tamper-evident audit log (issue 7).
-- Times are UTC ISO-8601 text with milliseconds ("2024-05-01T09:30:00.000Z"),
-- stored as text so both dialects hash exactly the same bytes.

CREATE TABLE users (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
-- seq is assigned by the application from audit_chain_head (not a sequence:
-- sequences leave gaps on rollback), so a missing number means a removed row.
CREATE TABLE audit_log (
    seq         BIGINT PRIMARY KEY,
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

-- The latest seq and hash.  Appenders from every desk serialise on this row
-- with SELECT ... FOR UPDATE.  Genesis hash: 64 zeros.
CREATE TABLE audit_chain_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Append-only, enforced in the database.  A trigger fires for every role,
-- the table owner included, so the application cannot rewrite history even
-- though in a small centre it connects as the owner.
--
-- Production hardening (docs/deployment, issue 7): the schema is owned by a
-- separate migration role and the workstations connect as an application role
-- that is additionally denied the statements outright:
--     REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM cnap_app;
--     REVOKE DELETE, TRUNCATE ON audit_chain_head FROM cnap_app;
--     GRANT SELECT, INSERT ON audit_log TO cnap_app;
--     GRANT SELECT, UPDATE ON audit_chain_head TO cnap_app;
-- so even dropping the trigger needs the owner's credentials; what a DBA can
-- still do is caught by the hash chain and the exported anchor (cnapctl audit anchor).
CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION audit_chain_head_forward_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR NEW.seq <> OLD.seq + 1 THEN
        RAISE EXCEPTION 'audit_chain_head only moves forward by one (% refused)', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- CREATE OR REPLACE TRIGGER (PostgreSQL 14+) rather than CREATE TRIGGER: the
-- migration splitter treats "CREATE TRIGGER" as a SQLite BEGIN ... END block.
CREATE OR REPLACE TRIGGER audit_log_no_update_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE OR REPLACE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
CREATE OR REPLACE TRIGGER audit_chain_head_guard
    BEFORE UPDATE OR DELETE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION audit_chain_head_forward_only();
CREATE OR REPLACE TRIGGER audit_chain_head_no_truncate
    BEFORE TRUNCATE ON audit_chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
