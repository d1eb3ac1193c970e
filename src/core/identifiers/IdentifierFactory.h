#pragma once

// Builds valid identifiers from their parts, for demo data, fixtures and
// benchmarks.  Never for real people: a real identifier comes from a register.
// Every result parses with the matching Identifiers.h parser; arguments outside
// the documented range give an empty string.

#include "core/identifiers/Identifiers.h"

#include <QDate>
#include <QString>

namespace cnap {

/// A РНОКПП for someone born on `birth` (1900-01-01 … 2173-10-14, the range the
/// five date digits can hold).  `serial` (0..999) fills digits 6–8 and, with
/// `sex`, chooses digit 9 (odd for male, even for female); digit 10 is the check.
[[nodiscard]] QString makeRnokpp(QDate birth, int serial, Sex sex);

/// An ЄДРПОУ code: `base` (0..9999999) as the first 7 digits plus the check digit.
[[nodiscard]] QString makeEdrpou(int base);

/// A УНЗР "YYYYMMDD-NNNNC": `birth` (years 1000..9999) and `serial` (0..9999).
[[nodiscard]] QString makeUnzr(QDate birth, int serial);

/// An ID-card number: `n` (0..999999999) as 9 digits with leading zeros.
[[nodiscard]] QString makeIdCard(int n);

} // namespace cnap
