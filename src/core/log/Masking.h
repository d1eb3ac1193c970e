#pragma once

// Personal data must never reach a log file or the audit details (Law of Ukraine
// 2297-VI "On Personal Data Protection", Art. 24: the holder protects personal
// data against unlawful processing, which includes copying into diagnostics).

#include <QString>

namespace cnap::log {

/// Replaces everything in free text that looks like a personal identifier with a
/// masked form (first 2 and last 3 characters kept, e.g. 36*****575):
///  - e-mail addresses;
///  - УНЗР (8 digits, dash, 5 digits);
///  - phone numbers (+380…, 380…, 0XX…, with spaces, dashes or brackets);
///  - passport booklet numbers (two Cyrillic or Latin capitals + 6 digits);
///  - any standalone run of 8 or more digits (РНОКПП 10, ЄДРПОУ 8, ID card 9,
///    bank accounts...).  Over-masking a long internal number is the safe error.
[[nodiscard]] QString maskPersonalData(const QString &text);

} // namespace cnap::log
