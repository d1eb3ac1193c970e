-- Applicants (заявники): natural persons and legal entities in one table, because a
-- case, a queue ticket and a search result refer to "the applicant" without caring
-- which kind it is.  Columns of the other kind stay NULL (CHECKs below).
--
-- The representative of a legal entity lives on the same row (representative_*):
-- the entity has one current representative the desk works with, it is always read
-- together with the entity, and keeping it here spares every lookup a join.  Who
-- actually appeared for a particular case is recorded with that case, so replacing
-- the representative here never rewrites history.
--
-- Dates are ISO 8601 text (yyyy-MM-dd), timestamps ISO 8601 UTC with milliseconds,
-- so text order is time order.  surname_key and phone_key are the normalised search
-- keys (core/text/SearchKey.h), compared byte-wise (BINARY): prefix search is the
-- range scan surname_key >= ? AND surname_key < ?.
CREATE TABLE applicants (
    id                       INTEGER PRIMARY KEY AUTOINCREMENT,
    kind                     TEXT    NOT NULL CHECK (kind IN ('person', 'legal_entity')),
    surname                  TEXT,
    given_name               TEXT,
    patronymic               TEXT,
    birth_date               TEXT,
    sex                      TEXT    CHECK (sex IN ('female', 'male')),
    rnokpp                   TEXT,
    rnokpp_refused           INTEGER NOT NULL DEFAULT 0 CHECK (rnokpp_refused IN (0, 1)),
    unzr                     TEXT,
    doc_type                 TEXT    CHECK (doc_type IN ('passport', 'idcard', 'other')),
    doc_number               TEXT,
    doc_issuer               TEXT,
    doc_issued_on            TEXT,
    edrpou                   TEXT,
    organisation_name        TEXT,
    representative_name      TEXT,
    representative_authority TEXT,
    address_text             TEXT,
    address_katottg          TEXT,
    phone                    TEXT,
    phone_key                TEXT,
    email                    TEXT,
    consent_given            INTEGER NOT NULL DEFAULT 0 CHECK (consent_given IN (0, 1)),
    consent_at               TEXT,
    surname_key              TEXT    NOT NULL,
    version                  INTEGER NOT NULL DEFAULT 1,
    created_at               TEXT    NOT NULL,
    updated_at               TEXT    NOT NULL,
    CHECK (kind <> 'person' OR (surname IS NOT NULL AND given_name IS NOT NULL)),
    CHECK (kind <> 'legal_entity' OR (edrpou IS NOT NULL AND organisation_name IS NOT NULL)),
    CHECK (rnokpp IS NULL OR rnokpp_refused = 0)
);

-- One applicant per РНОКПП and per ЄДРПОУ: both identify exactly one taxpayer.
CREATE UNIQUE INDEX applicants_rnokpp_uq ON applicants (rnokpp) WHERE rnokpp IS NOT NULL;
CREATE UNIQUE INDEX applicants_edrpou_uq ON applicants (edrpou) WHERE edrpou IS NOT NULL;
-- Lookups that may legitimately return several rows (a shared family phone, a
-- document number that only the operator can judge).
CREATE INDEX applicants_unzr_idx ON applicants (unzr) WHERE unzr IS NOT NULL;
CREATE INDEX applicants_doc_number_idx ON applicants (doc_number) WHERE doc_number IS NOT NULL;
CREATE INDEX applicants_phone_key_idx ON applicants (phone_key) WHERE phone_key IS NOT NULL;
-- Prefix search, ordered by (surname_key, id) straight from the index.
CREATE INDEX applicants_surname_key_idx ON applicants (surname_key, id);
-- Duplicate check "same surname, name and birth date" starts from the birth date.
CREATE INDEX applicants_birth_date_idx ON applicants (birth_date) WHERE birth_date IS NOT NULL;
