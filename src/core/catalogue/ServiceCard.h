#pragma once

// The service catalogue: one information card (інформаційна картка) per
// administrative service the centre provides.  The contents follow Art. 8 of
// the Law of Ukraine "Про адміністративні послуги" (No. 5203-VI): provider,
// documents, fee, term, legal basis and result are what a card must state.

#include "core/Result.h"
#include "core/calendar/Deadline.h"
#include "core/identifiers/Identifiers.h"

#include <QString>

#include <compare>
#include <optional>
#include <vector>

namespace cnap {

/// Identifier of an administrative service.
///
/// Rule: either the identifier of the national Register of administrative
/// services (Реєстр адміністративних послуг) — exactly 5 ASCII digits with
/// leading zeros, e.g. "00049" — or a local code for a service the council
/// added that has no register identifier: Latin "L" and 4 digits, e.g. "L0001".
/// Surrounding spaces are dropped and a lower-case "l" is accepted.
class ServiceCode final {
public:
    [[nodiscard]] static Result<ServiceCode> parse(const QString &text);
    [[nodiscard]] const QString &value() const { return m_value; }
    /// True for a local code ("L0001"), false for a national register identifier.
    [[nodiscard]] bool isLocal() const { return m_value.startsWith(u'L'); }
    bool operator==(const ServiceCode &) const = default;
    std::strong_ordering operator<=>(const ServiceCode &other) const { return m_value.compare(other.m_value) <=> 0; }

private:
    explicit ServiceCode(QString v) : m_value(std::move(v)) {}
    QString m_value;
};

/// How a document is presented.  Keys: "original", "copy", "original-and-copy".
enum class DocumentForm { Original, Copy, OriginalAndCopy };

// The unit of the service term is the calendar's TermUnit (core/calendar/Deadline.h).
// Keys (file format and database): "working-days", "calendar-days", "hours",
// "auto".  In a card, `Auto` with term 0 means the result is produced
// automatically at the time of the request.

/// How the application reaches the provider: on paper (courier, post, ЕДО), or
/// through a registry service of the exchange module (X-Road / Trembita).
/// Keys: "paper", "registry".
enum class RouteKind { Paper, Registry };

[[nodiscard]] QString documentFormKey(DocumentForm form);
[[nodiscard]] Result<DocumentForm> documentFormFromKey(const QString &key);
[[nodiscard]] QString documentFormDisplayName(DocumentForm form);   ///< translated

[[nodiscard]] QString termUnitKey(TermUnit unit);
[[nodiscard]] Result<TermUnit> termUnitFromKey(const QString &key);
/// "5 робочих днів", "30 календарних днів", "2 години", "автоматично" (translated).
[[nodiscard]] QString termDisplay(int term, TermUnit unit);

[[nodiscard]] QString routeKindKey(RouteKind kind);
[[nodiscard]] Result<RouteKind> routeKindFromKey(const QString &key);

/// The body that decides on the application (суб'єкт надання).
struct ServiceProvider final {
    QString name;
    std::optional<Edrpou> edrpou;  ///< absent for bodies the centre does not identify by code
    bool operator==(const ServiceProvider &) const = default;
};

/// One entry of the list of documents the applicant brings.
struct RequiredDocument final {
    QString name;
    DocumentForm form = DocumentForm::Original;
    bool mandatory = true;  ///< false: needed only in the case the note describes
    QString note;
    bool operator==(const RequiredDocument &) const = default;
};

/// The registry service a case of this kind is sent to (the exchange module's
/// service code and version, e.g. "RegisterResidence" / "v1").
struct RegistryBinding final {
    QString serviceCode;
    QString serviceVersion;
    bool operator==(const RegistryBinding &) const = default;
};

/// The information card of one administrative service.
struct ServiceCard final {
    explicit ServiceCard(ServiceCode c) : code(std::move(c)) {}

    ServiceCode code;
    QString name;                       ///< official Ukrainian name
    ServiceProvider provider;
    std::vector<RequiredDocument> documents;
    int term = 0;
    TermUnit termUnit = TermUnit::WorkingDays;
    qint64 feeKopecks = 0;              ///< 0: free of charge
    QString feeNote;                    ///< e.g. what the fee depends on, where to pay
    QString legalBasis;
    QString result;                     ///< what the applicant receives
    RouteKind route = RouteKind::Paper;
    RegistryBinding registry;           ///< empty unless route == Registry

    // Record state kept by storage; not part of the catalogue file.
    bool active = true;                 ///< false: withdrawn, kept for the cases that refer to it
    int version = 0;                    ///< optimistic-lock counter, 0 before first save

    /// Compares the card's contents (everything the file carries), ignoring record state.
    [[nodiscard]] bool sameContent(const ServiceCard &other) const;
};

/// Limits a card must respect; the XSD states the same numbers.
namespace catalogue_limits {
inline constexpr int kMaxName = 500;
inline constexpr int kMaxProviderName = 300;
inline constexpr int kMaxDocumentName = 500;
inline constexpr int kMaxNote = 1000;
inline constexpr int kMaxLegalBasis = 4000;
inline constexpr int kMaxResult = 1000;
inline constexpr int kMaxTermDays = 366;
inline constexpr int kMaxTermHours = 720;
inline constexpr qint64 kMaxFeeKopecks = 100'000'000;   ///< 1 000 000 грн: a sanity bound
inline constexpr int kMaxDocuments = 50;
} // namespace catalogue_limits

/// Checks the card's rules.  The error names the field ("name", "provider.name",
/// "documents[2].name", "term", "registry.serviceCode", ...) in Ukrainian.
[[nodiscard]] Status validate(const ServiceCard &card);

/// Lower-cases (Unicode-aware, so "ЇЖАК" matches "їжак") and unifies apostrophes
/// (', ’, ʼ, `) so people find "обов'язковий" however they type it.
[[nodiscard]] QString normaliseForSearch(const QString &text);

/// Does the card match every word of the query (in its code or name)?  An
/// empty query matches everything.
[[nodiscard]] bool matchesSearch(const ServiceCard &card, const QString &query);

} // namespace cnap
