-- Centre-wide settings shared by all desks (key/value, values as text).
CREATE TABLE centre_settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
