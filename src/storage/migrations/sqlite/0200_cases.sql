-- Cases (справи), their registration journals, documents, checklists and history.
--
-- A case is written in one transaction with everything it refers to; the
-- counts document_count and checklist_count are stored with it so that
-- `cnapctl check` can prove no case was left half-written.  The applicant's
-- name, code and surname key are copied at registration: the опис and the case
-- list show the applicant as registered, and search runs on this table alone.
-- Dates are ISO text (yyyy-MM-dd), timestamps ISO UTC with milliseconds.

-- One counter row per journal and year, incremented inside the registering
-- transaction (BEGIN IMMEDIATE holds the write lock): numbers are gap-free.
CREATE TABLE case_journals (
    journal  TEXT    NOT NULL,
    year     INTEGER NOT NULL,
    last_seq INTEGER NOT NULL CHECK (last_seq >= 0),
    PRIMARY KEY (journal, year)
);

CREATE TABLE cases (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    number                TEXT    NOT NULL UNIQUE,
    journal               TEXT    NOT NULL,
    year                  INTEGER NOT NULL,
    seq                   INTEGER NOT NULL CHECK (seq >= 1),
    state                 TEXT    NOT NULL,
    registered_at         TEXT    NOT NULL,
    due_date              TEXT    NOT NULL,
    suspended_since       TEXT,
    applicant_id          INTEGER NOT NULL REFERENCES applicants (id),
    applicant_name        TEXT    NOT NULL,
    applicant_code        TEXT,
    applicant_surname_key TEXT    NOT NULL,
    service_code          TEXT    NOT NULL,
    service_name          TEXT    NOT NULL,
    provider_name         TEXT    NOT NULL DEFAULT '',
    object_address        TEXT    NOT NULL DEFAULT '',
    delivery              TEXT    NOT NULL CHECK (delivery IN ('in-person', 'post', 'email')),
    channel               TEXT    NOT NULL CHECK (channel IN ('in-person', 'representative', 'post', 'online')),
    representative        TEXT    NOT NULL DEFAULT '',
    contact               TEXT    NOT NULL DEFAULT '',
    fee_kopecks           INTEGER NOT NULL DEFAULT 0 CHECK (fee_kopecks >= 0),
    payment_evidence      TEXT    NOT NULL DEFAULT '',
    registered_by         TEXT    NOT NULL,
    registered_by_name    TEXT    NOT NULL DEFAULT '',
    desk                  TEXT    NOT NULL DEFAULT '',
    issued_to             TEXT,
    issued_document       TEXT,
    issued_at             TEXT,
    document_count        INTEGER NOT NULL DEFAULT 0,
    checklist_count       INTEGER NOT NULL DEFAULT 0,
    version               INTEGER NOT NULL DEFAULT 1,
    updated_at            TEXT    NOT NULL,
    UNIQUE (journal, year, seq)
);
-- Keyset pagination: every list order ends in id, and each has its index.
CREATE INDEX cases_registered_idx ON cases (registered_at, id);
CREATE INDEX cases_due_idx ON cases (due_date, id);
CREATE INDEX cases_state_registered_idx ON cases (state, registered_at, id);
CREATE INDEX cases_state_due_idx ON cases (state, due_date, id);
CREATE INDEX cases_service_registered_idx ON cases (service_code, registered_at, id);
-- Search.
CREATE INDEX cases_applicant_code_idx ON cases (applicant_code) WHERE applicant_code IS NOT NULL;
CREATE INDEX cases_surname_key_idx ON cases (applicant_surname_key, id);
CREATE INDEX cases_applicant_idx ON cases (applicant_id);

-- Files attached to a case.  The bytes live in the document store, named by
-- sha256; a row is written only after its file is safely on disk.
CREATE TABLE case_documents (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id   INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    file_name TEXT    NOT NULL,
    mime_type TEXT    NOT NULL,
    size      INTEGER NOT NULL CHECK (size > 0),
    sha256    TEXT    NOT NULL CHECK (length(sha256) = 64),
    added_at  TEXT    NOT NULL,
    added_by  TEXT    NOT NULL,
    UNIQUE (case_id, position)
);
CREATE INDEX case_documents_sha_idx ON case_documents (sha256);

-- The information card's required documents as handed in.
CREATE TABLE case_checklist (
    case_id   INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    name      TEXT    NOT NULL,
    mandatory INTEGER NOT NULL DEFAULT 1 CHECK (mandatory IN (0, 1)),
    provided  INTEGER NOT NULL DEFAULT 0 CHECK (provided IN (0, 1)),
    form      TEXT    NOT NULL CHECK (form IN ('original', 'copy', 'original-and-copy')),
    sheets    INTEGER NOT NULL DEFAULT 0 CHECK (sheets >= 0),
    PRIMARY KEY (case_id, position)
);

-- Who did what to the case and when; never updated.
CREATE TABLE case_history (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    at         TEXT    NOT NULL,
    actor      TEXT    NOT NULL,
    event      TEXT    NOT NULL,
    from_state TEXT,
    to_state   TEXT    NOT NULL,
    comment    TEXT    NOT NULL DEFAULT '',
    due_before TEXT,
    due_after  TEXT
);
CREATE INDEX case_history_case_idx ON case_history (case_id, id);
