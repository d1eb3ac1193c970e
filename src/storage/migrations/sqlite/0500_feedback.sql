-- Applicants' ratings of a visit (1–5, optional comment).  A rating belongs to
-- the visit — the ticket, its service, desk and clerk, copied at submission so
-- reports need no join — and never to a person: no applicant id, name, code or
-- device login is stored, and a ticket carries none either.  One rating per visit.
CREATE TABLE feedback (
    id            INTEGER PRIMARY KEY,
    submitted_at  BIGINT  NOT NULL,
    service_day   TEXT    NOT NULL,
    ticket_id     BIGINT  NOT NULL UNIQUE,
    ticket_number TEXT    NOT NULL,
    service_code  TEXT    NOT NULL DEFAULT '',
    desk_name     TEXT    NOT NULL DEFAULT '',
    clerk         TEXT    NOT NULL DEFAULT '',
    rating        INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment       TEXT    NOT NULL DEFAULT '' CHECK (length(comment) <= 500)
);
CREATE INDEX feedback_submitted_idx ON feedback (submitted_at);
