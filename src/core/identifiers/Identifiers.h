#pragma once

// Ukrainian identifiers as small value types, validated once at the edge.
// Construction only through parse(), which returns the reason on failure
// (Ukrainian, field named).  Once you hold one, it is valid.

#include "core/Result.h"

#include <QDate>
#include <QString>

namespace cnap {

enum class Sex { Female, Male };

/// РНОКПП (individual taxpayer number): 10 digits with a check digit; digits 1–5
/// are days since 1899-12-31 (the birth date), digit 9 odd means male.
class Rnokpp final {
public:
    [[nodiscard]] static Result<Rnokpp> parse(const QString &text);
    /// As parse(), judging "birth date in the future" against `today` (tests, clocks).
    [[nodiscard]] static Result<Rnokpp> parse(const QString &text, QDate today);
    [[nodiscard]] const QString &value() const { return m_value; }
    [[nodiscard]] QDate birthDate() const;
    [[nodiscard]] Sex sex() const;
    /// For logs and screens that must not show it: "36*****575".
    [[nodiscard]] QString masked() const;
    bool operator==(const Rnokpp &) const = default;

private:
    explicit Rnokpp(QString v) : m_value(std::move(v)) {}
    QString m_value;
};

/// ЄДРПОУ (legal entity code): 8 digits with a mod-11 check digit.
class Edrpou final {
public:
    [[nodiscard]] static Result<Edrpou> parse(const QString &text);
    [[nodiscard]] const QString &value() const { return m_value; }
    bool operator==(const Edrpou &) const = default;

private:
    explicit Edrpou(QString v) : m_value(std::move(v)) {}
    QString m_value;
};

/// УНЗР (unique record number in the demographic register): YYYYMMDD-NNNNC.
class Unzr final {
public:
    [[nodiscard]] static Result<Unzr> parse(const QString &text);
    [[nodiscard]] const QString &value() const { return m_value; }
    [[nodiscard]] QDate birthDate() const;
    bool operator==(const Unzr &) const = default;

private:
    explicit Unzr(QString v) : m_value(std::move(v)) {}
    QString m_value;
};

/// Passport booklet: two Cyrillic capital letters and six digits ("КА123456").
/// Latin look-alikes (K, A, B, E, H, I, M, O, P, C, T, X) are normalised to Cyrillic.
class PassportNumber final {
public:
    [[nodiscard]] static Result<PassportNumber> parse(const QString &text);
    [[nodiscard]] const QString &value() const { return m_value; }  ///< normalised, e.g. "КА123456"
    [[nodiscard]] QString series() const { return m_value.left(2); }
    [[nodiscard]] QString number() const { return m_value.mid(2); }
    bool operator==(const PassportNumber &) const = default;

private:
    explicit PassportNumber(QString v) : m_value(std::move(v)) {}
    QString m_value;
};

/// ID card (паспорт у формі картки): 9 digits.
class IdCardNumber final {
public:
    [[nodiscard]] static Result<IdCardNumber> parse(const QString &text);
    [[nodiscard]] const QString &value() const { return m_value; }
    bool operator==(const IdCardNumber &) const = default;

private:
    explicit IdCardNumber(QString v) : m_value(std::move(v)) {}
    QString m_value;
};

/// КАТОТТГ code of an administrative-territorial unit: "UA" + 17 digits.
class Katottg final {
public:
    [[nodiscard]] static Result<Katottg> parse(const QString &text);
    [[nodiscard]] const QString &value() const { return m_value; }
    bool operator==(const Katottg &) const = default;

private:
    explicit Katottg(QString v) : m_value(std::move(v)) {}
    QString m_value;
};

/// Masks the middle of any identifier for logs: keeps the first 2 and last 3 characters.
/// Values of 5 characters or fewer are masked completely (nothing would stay hidden).
[[nodiscard]] QString maskIdentifier(const QString &value);

/// Check-digit arithmetic, shared by the parsers and by IdentifierFactory.
/// Each takes exactly the digits the check covers (ASCII '0'–'9' only) and
/// returns the expected check digit, or -1 when the input is not that shape.
namespace identifiers {
/// РНОКПП: Σ dᵢ·wᵢ, w = −1,5,7,9,4,6,10,5,7; (sum mod 11) mod 10.
[[nodiscard]] int rnokppCheckDigit(QStringView first9);
/// ЄДРПОУ: weights 1..7 (7,1,2,3,4,5,6 for 30000000–59999999); mod 11; a 10 is
/// recomputed with each weight +2, and a second 10 counts as 0.
[[nodiscard]] int edrpouCheckDigit(QStringView first7);
/// УНЗР: Σ of the 12 digits (date + serial) × 7,3,1 repeating, mod 10.
[[nodiscard]] int unzrCheckDigit(QStringView digits12);
/// The reference day of РНОКПП digits 1–5: day 1 is 1900-01-01.
[[nodiscard]] inline QDate rnokppEpoch() { return QDate(1899, 12, 31); }
} // namespace identifiers

} // namespace cnap
