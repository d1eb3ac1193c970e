-- The service catalogue: one row per administrative service (інформаційна картка,
-- Art. 8 of Law 5203-VI) and its list of required documents.  Services are
-- never deleted: cases refer to them by code, so a service dropped from the
-- catalogue file is marked inactive instead.
CREATE TABLE services (
    code                     TEXT PRIMARY KEY CHECK (length(code) = 5),
    name                     TEXT NOT NULL CHECK (name <> ''),
    provider_name            TEXT NOT NULL CHECK (provider_name <> ''),
    provider_edrpou          TEXT CHECK (provider_edrpou IS NULL OR length(provider_edrpou) = 8),
    term                     INTEGER NOT NULL CHECK (term >= 0),
    term_unit                TEXT NOT NULL CHECK (term_unit IN ('working-days', 'calendar-days', 'hours', 'auto')),
    fee_kopecks              INTEGER NOT NULL CHECK (fee_kopecks >= 0),
    fee_note                 TEXT NOT NULL DEFAULT '',
    legal_basis              TEXT NOT NULL,
    result                   TEXT NOT NULL,
    route                    TEXT NOT NULL CHECK (route IN ('paper', 'registry')),
    registry_service_code    TEXT,
    registry_service_version TEXT,
    active                   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version                  INTEGER NOT NULL DEFAULT 1,
    updated_at               TEXT NOT NULL,
    CHECK ((route = 'registry') = (registry_service_code IS NOT NULL AND registry_service_version IS NOT NULL))
);

CREATE INDEX services_active_idx ON services (active, code);

CREATE TABLE service_documents (
    service_code TEXT NOT NULL REFERENCES services (code) ON DELETE CASCADE,
    position     INTEGER NOT NULL CHECK (position >= 1),
    name         TEXT NOT NULL CHECK (name <> ''),
    form         TEXT NOT NULL CHECK (form IN ('original', 'copy', 'original-and-copy')),
    mandatory    INTEGER NOT NULL CHECK (mandatory IN (0, 1)),
    note         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (service_code, position)
);
