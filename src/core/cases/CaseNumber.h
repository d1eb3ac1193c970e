#pragma once

// Registration numbers of cases.  A number comes from a registration journal
// (журнал реєстрації): each journal counts from 1 every calendar year, without
// gaps, and the centre chooses how the number is written.

#include "core/Result.h"

#include <QString>

namespace cnap {

/// The default pattern: "01-2026-000042".
inline constexpr char16_t kDefaultCaseNumberPattern[] = u"{journal}-{year}-{seq:06}";

/// Checks a number pattern.  Placeholders: {journal}, {year}, {seq} or
/// {seq:0N} (zero-padded to N digits, 1 ≤ N ≤ 12).  {year} and {seq} are
/// required (the counter restarts every year, so a number without the year
/// would repeat).  Error field "numberPattern".
[[nodiscard]] Status validateCaseNumberPattern(const QString &pattern);

/// The number for `seq` of `journal` in `year`; the pattern must be valid.
[[nodiscard]] Result<QString> formatCaseNumber(const QString &pattern, const QString &journal, int year, qint64 seq);

/// Checks a journal key: 1–20 letters, digits or '-' / '_'.  Error field "journal".
[[nodiscard]] Status validateJournalKey(const QString &journal);

} // namespace cnap
