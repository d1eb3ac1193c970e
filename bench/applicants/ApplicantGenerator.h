#pragma once

// Synthetic but realistic Ukrainian applicants for the benchmark: surnames built
// from common roots and suffixes, real given names and patronymics, valid РНОКПП,
// УНЗР, ID-card and passport numbers.  Deterministic for a given seed.

#include "core/applicant/Applicant.h"

#include <QRandomGenerator>
#include <QString>

#include <cstddef>

namespace cnap::bench {

class ApplicantGenerator final {
public:
    explicit ApplicantGenerator(quint32 seed);

    /// Applicant number `i` of a run (0-based).  Its РНОКПП is unique among all
    /// i < 2,000,000: the birth day and serial are derived from i.
    [[nodiscard]] Applicant make(int i);

    /// A surname as the generator writes them (for picking search prefixes).
    [[nodiscard]] QString randomSurname();

    /// What an operator might type for `surname`: its first 3–5 letters in lower,
    /// upper or original case, apostrophes replaced by any look-alike.
    [[nodiscard]] QString typedPrefix(const QString &surname);

    [[nodiscard]] QRandomGenerator &random() { return m_random; }

private:
    [[nodiscard]] QString surname(bool female);
    [[nodiscard]] QString withRandomApostrophes(const QString &s);
    template <typename T, std::size_t N>
    [[nodiscard]] const T &pick(const T (&list)[N])
    {
        return list[m_random.bounded(static_cast<int>(N))];
    }

    QRandomGenerator m_random;
};

} // namespace cnap::bench
