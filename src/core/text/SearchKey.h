#pragma once

// Normalised search keys.  A key is what the database indexes and compares
// byte-wise (SQLite BINARY, PostgreSQL COLLATE "C"), so every spelling an
// operator might type for the same surname or phone must map to one key.

#include <QString>

namespace cnap {

/// The key for case-insensitive prefix search of surnames (Ukrainian or Latin):
/// lower case, every apostrophe look-alike (' ’ ‘ ʼ ` ´ ′) as the ASCII "'",
/// whitespace trimmed and collapsed to one space, hyphens kept ("Квітка-Основ'яненко").
/// Ukrainian orthography (Український правопис, 2019) writes the apostrophe as one sign; keyboards,
/// scanners and registers send any of these code points for it.
[[nodiscard]] QString surnameKey(const QString &text);

/// The key for phone lookup: digits only, Ukrainian numbers as 380XXXXXXXXX
/// ("(067) 123-45-67", "+38 067 1234567", "80671234567" and "671234567" all give
/// "380671234567").  Foreign numbers keep their digits as typed.
[[nodiscard]] QString phoneKey(const QString &text);

/// The exclusive upper bound for a prefix range scan: `key >= k AND key < prefixUpperBound(k)`.
/// Correct under byte-order collations (SQLite BINARY, PostgreSQL COLLATE "C") for
/// every key made of Basic Multilingual Plane characters, which surnameKey() keys are
/// in practice (U+FFFF sorts after every other BMP character in UTF-8 and UTF-16).
[[nodiscard]] QString prefixUpperBound(const QString &key);

} // namespace cnap
