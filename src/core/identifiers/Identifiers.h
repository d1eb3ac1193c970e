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
[[nodiscard]] QString maskIdentifier(const QString &value);

} // namespace cnap
