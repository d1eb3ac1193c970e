#include "core/catalogue/ServiceCard.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace cnap {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cnap::ServiceCard", text);
}

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

// Rejects control characters other than line breaks and tabs: they cannot be
// printed on a card and usually mean a corrupted file.
bool hasControlChars(const QString &s)
{
    for (QChar c : s) {
        if (c.category() == QChar::Other_Control && c != u'\n' && c != u'\t' && c != u'\r')
            return true;
    }
    return false;
}

Status checkText(const QString &field, const QString &value, int maxLength, bool required, const QString &what)
{
    if (required && value.trimmed().isEmpty())
        return Error::invalid(field, tr("%1: не заповнено").arg(what));
    if (value.size() > maxLength)
        return Error::invalid(field, tr("%1: задовгий текст (%2 символів, межа %3)").arg(what).arg(value.size()).arg(maxLength));
    if (hasControlChars(value))
        return Error::invalid(field, tr("%1: містить недопустимі керівні символи").arg(what));
    return {};
}

// The exchange module's service codes are identifiers (RegisterResidence);
// versions are short tokens (v1).  Anything else cannot be routed.
const QRegularExpression &registryCodePattern()
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z][A-Za-z0-9_]{0,63}$"));
    return re;
}

const QRegularExpression &registryVersionPattern()
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$"));
    return re;
}

} // namespace

// ---------------------------------------------------------------- ServiceCode

Result<ServiceCode> ServiceCode::parse(const QString &text)
{
    const QString field = QStringLiteral("code");
    QString v = text.trimmed();
    if (v.isEmpty())
        return Error::invalid(field, tr("код послуги не вказано"));
    if (v.startsWith(u'l'))
        v[0] = u'L';
    const bool national = v.size() == 5 && std::all_of(v.cbegin(), v.cend(), isAsciiDigit);
    const bool local = v.size() == 5 && v[0] == u'L' && std::all_of(v.cbegin() + 1, v.cend(), isAsciiDigit);
    if (!national && !local)
        return Error::invalid(field, tr("код послуги «%1» має складатися з 5 цифр (ідентифікатор Реєстру адміністративних послуг, "
                                        "напр. 00049) або з літери L і 4 цифр для місцевої послуги (напр. L0001)").arg(v.left(20)));
    return ServiceCode(v);
}

// ---------------------------------------------------------------- keys

QString documentFormKey(DocumentForm form)
{
    switch (form) {
    case DocumentForm::Original: return QStringLiteral("original");
    case DocumentForm::Copy: return QStringLiteral("copy");
    case DocumentForm::OriginalAndCopy: return QStringLiteral("original-and-copy");
    }
    return {};
}

Result<DocumentForm> documentFormFromKey(const QString &key)
{
    for (DocumentForm f : {DocumentForm::Original, DocumentForm::Copy, DocumentForm::OriginalAndCopy}) {
        if (documentFormKey(f) == key)
            return f;
    }
    return Error::invalid(QStringLiteral("form"), tr("невідома форма документа «%1» (допустимо: original, copy, original-and-copy)").arg(key.left(40)));
}

QString documentFormDisplayName(DocumentForm form)
{
    switch (form) {
    case DocumentForm::Original: return tr("оригінал");
    case DocumentForm::Copy: return tr("копія");
    case DocumentForm::OriginalAndCopy: return tr("оригінал і копія");
    }
    return {};
}

QString termUnitKey(TermUnit unit)
{
    switch (unit) {
    case TermUnit::WorkingDays: return QStringLiteral("working-days");
    case TermUnit::CalendarDays: return QStringLiteral("calendar-days");
    case TermUnit::Hours: return QStringLiteral("hours");
    case TermUnit::Auto: return QStringLiteral("auto");
    }
    return {};
}

Result<TermUnit> termUnitFromKey(const QString &key)
{
    for (TermUnit u : {TermUnit::WorkingDays, TermUnit::CalendarDays, TermUnit::Hours, TermUnit::Auto}) {
        if (termUnitKey(u) == key)
            return u;
    }
    return Error::invalid(QStringLiteral("termUnit"),
                          tr("невідома одиниця строку «%1» (допустимо: working-days, calendar-days, hours, auto)").arg(key.left(40)));
}

QString termDisplay(int term, TermUnit unit)
{
    switch (unit) {
    case TermUnit::WorkingDays: return QCoreApplication::translate("cnap::ServiceCard", "%n робочих днів", nullptr, term);
    case TermUnit::CalendarDays: return QCoreApplication::translate("cnap::ServiceCard", "%n календарних днів", nullptr, term);
    case TermUnit::Hours: return QCoreApplication::translate("cnap::ServiceCard", "%n годин", nullptr, term);
    case TermUnit::Auto: return tr("автоматично, під час звернення");
    }
    return {};
}

QString routeKindKey(RouteKind kind)
{
    return kind == RouteKind::Registry ? QStringLiteral("registry") : QStringLiteral("paper");
}

Result<RouteKind> routeKindFromKey(const QString &key)
{
    if (key == QStringLiteral("paper"))
        return RouteKind::Paper;
    if (key == QStringLiteral("registry"))
        return RouteKind::Registry;
    return Error::invalid(QStringLiteral("route"), tr("невідомий спосіб передачі «%1» (допустимо: paper, registry)").arg(key.left(40)));
}

// ---------------------------------------------------------------- card

bool ServiceCard::sameContent(const ServiceCard &o) const
{
    return code == o.code && name == o.name && provider == o.provider && documents == o.documents && term == o.term
           && termUnit == o.termUnit && feeKopecks == o.feeKopecks && feeNote == o.feeNote && legalBasis == o.legalBasis
           && result == o.result && route == o.route && registry == o.registry;
}

Status validate(const ServiceCard &card)
{
    namespace L = catalogue_limits;
    CNAP_TRY(checkText(QStringLiteral("name"), card.name, L::kMaxName, true, tr("назва послуги")));
    CNAP_TRY(checkText(QStringLiteral("provider.name"), card.provider.name, L::kMaxProviderName, true, tr("суб'єкт надання")));

    // Art. 8 of Law 5203-VI: the card lists the documents; every service needs
    // at least the application or an identity document.
    if (card.documents.empty())
        return Error::invalid(QStringLiteral("documents"), tr("перелік документів: потрібен щонайменше один документ"));
    if (card.documents.size() > static_cast<size_t>(L::kMaxDocuments))
        return Error::invalid(QStringLiteral("documents"), tr("перелік документів: забагато документів (межа %1)").arg(L::kMaxDocuments));
    for (size_t i = 0; i < card.documents.size(); ++i) {
        const RequiredDocument &d = card.documents[i];
        const QString prefix = QStringLiteral("documents[%1].").arg(i + 1);
        CNAP_TRY(checkText(prefix + QStringLiteral("name"), d.name, L::kMaxDocumentName, true, tr("документ %1, назва").arg(i + 1)));
        CNAP_TRY(checkText(prefix + QStringLiteral("note"), d.note, L::kMaxNote, false, tr("документ %1, примітка").arg(i + 1)));
        // A conditional document without its condition leaves the clerk guessing.
        if (!d.mandatory && d.note.trimmed().isEmpty())
            return Error::invalid(prefix + QStringLiteral("note"),
                                  tr("документ %1: для документа, що подається за умови, потрібна примітка з умовою").arg(i + 1));
    }

    switch (card.termUnit) {
    case TermUnit::Auto:
        if (card.term != 0)
            return Error::invalid(QStringLiteral("term"), tr("строк: для автоматичного надання строк має бути 0, а не %1").arg(card.term));
        break;
    case TermUnit::Hours:
        if (card.term < 1 || card.term > L::kMaxTermHours)
            return Error::invalid(QStringLiteral("term"), tr("строк: має бути від 1 до %1 годин, а не %2").arg(L::kMaxTermHours).arg(card.term));
        break;
    case TermUnit::WorkingDays:
    case TermUnit::CalendarDays:
        if (card.term < 1 || card.term > L::kMaxTermDays)
            return Error::invalid(QStringLiteral("term"), tr("строк: має бути від 1 до %1 днів, а не %2").arg(L::kMaxTermDays).arg(card.term));
        break;
    }

    if (card.feeKopecks < 0 || card.feeKopecks > L::kMaxFeeKopecks)
        return Error::invalid(QStringLiteral("fee"), tr("плата: має бути від 0 до %1 копійок").arg(L::kMaxFeeKopecks));
    CNAP_TRY(checkText(QStringLiteral("fee.note"), card.feeNote, L::kMaxNote, false, tr("примітка до плати")));
    // Art. 5 of Law 5203-VI: a service exists only where a law provides for it.
    CNAP_TRY(checkText(QStringLiteral("legalBasis"), card.legalBasis, L::kMaxLegalBasis, true, tr("правові підстави")));
    CNAP_TRY(checkText(QStringLiteral("result"), card.result, L::kMaxResult, true, tr("результат надання послуги")));

    if (card.route == RouteKind::Registry) {
        if (!registryCodePattern().match(card.registry.serviceCode).hasMatch())
            return Error::invalid(QStringLiteral("registry.serviceCode"),
                                  tr("код сервісу реєстру «%1» некоректний (латинські літери й цифри, напр. RegisterResidence)")
                                      .arg(card.registry.serviceCode.left(64)));
        if (!registryVersionPattern().match(card.registry.serviceVersion).hasMatch())
            return Error::invalid(QStringLiteral("registry.serviceVersion"),
                                  tr("версія сервісу реєстру «%1» некоректна (напр. v1)").arg(card.registry.serviceVersion.left(16)));
    } else if (!card.registry.serviceCode.isEmpty() || !card.registry.serviceVersion.isEmpty()) {
        return Error::invalid(QStringLiteral("registry.serviceCode"),
                              tr("сервіс реєстру вказано, але послуга передається в паперовому вигляді"));
    }
    return {};
}

// ---------------------------------------------------------------- search

QString normaliseForSearch(const QString &text)
{
    QString out = text.toLower();
    for (QChar &c : out) {
        switch (c.unicode()) {
        case u'\u2019': case u'\u02BC': case u'`': case u'\u2018': case u'\u00B4':
            c = u'\'';
            break;
        case u'\u0451':  // ё never occurs in Ukrainian names; treat as е
            c = u'\u0435';
            break;
        default:
            break;
        }
    }
    return out.simplified();
}

bool matchesSearch(const ServiceCard &card, const QString &query)
{
    const QStringList words = normaliseForSearch(query).split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return true;
    const QString haystack = normaliseForSearch(card.code.value() + u' ' + card.name);
    for (const QString &w : words) {
        if (!haystack.contains(w))
            return false;
    }
    return true;
}

} // namespace cnap
