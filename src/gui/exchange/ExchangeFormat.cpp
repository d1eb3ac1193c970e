#include "gui/exchange/ExchangeFormat.h"

#include <QCoreApplication>

namespace cnap::gui::exchange {

namespace {
/// The translation context of this file (lupdate reads the macro's argument).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cnap::gui::exchange::ExchangeFormat)
};

/// "prefix: rest" → rest, when the outcome starts with that prefix.
bool takePrefix(const QString &text, const QString &prefix, QString *rest)
{
    if (!text.startsWith(prefix))
        return false;
    *rest = text.mid(prefix.size()).trimmed();
    return true;
}
} // namespace

QString outboxStateDisplayName(storage::OutboxState state)
{
    using S = storage::OutboxState;
    switch (state) {
    case S::Pending: return Tr::tr("Очікує");
    case S::InFlight: return Tr::tr("Надсилається");
    case S::Done: return Tr::tr("Доставлено");
    case S::Dead: return Tr::tr("Не доставлено");
    }
    return {};
}

QString caseExchangeStateText(const storage::OutboxItem &item)
{
    using S = storage::OutboxState;
    switch (item.state) {
    case S::Pending:
        return item.attempts == 0 ? Tr::tr("У черзі на надсилання") : Tr::tr("Очікує повторної спроби");
    case S::InFlight:
        return Tr::tr("Надсилається до реєстру");
    case S::Done:
        if (item.resultStatus == QStringLiteral("pending"))
            return Tr::tr("Прийнято реєстром, очікується рішення");
        if (item.resultStatus == QStringLiteral("granted"))
            return Tr::tr("Реєстр: позитивне рішення");
        if (item.resultStatus == QStringLiteral("refused"))
            return Tr::tr("Реєстр: відмова");
        return Tr::tr("Доставлено до реєстру");
    case S::Dead:
        return Tr::tr("Не доставлено: потрібне втручання");
    }
    return {};
}

QString registryReplyText(const storage::OutboxItem &item)
{
    QString decision;
    if (item.resultStatus == QStringLiteral("pending"))
        decision = Tr::tr("рішення очікується");
    else if (item.resultStatus == QStringLiteral("granted"))
        decision = Tr::tr("позитивне рішення");
    else if (item.resultStatus == QStringLiteral("refused"))
        decision = Tr::tr("відмова");
    if (item.registryReference.isEmpty())
        return decision.isEmpty() ? Tr::tr("—") : decision;
    if (decision.isEmpty())
        return Tr::tr("№ %1").arg(item.registryReference);
    return Tr::tr("№ %1, %2").arg(item.registryReference, decision);
}

QString registryServiceDisplayName(const QString &serviceCode)
{
    if (serviceCode == QStringLiteral("RegisterResidence"))
        return Tr::tr("Реєстр громади: місце проживання");
    if (serviceCode == QStringLiteral("SubmitSocialApplication"))
        return Tr::tr("Соціальний захист: заява");
    if (serviceCode == QStringLiteral("VerifyPersonUnzr"))
        return Tr::tr("Перевірка УНЗР");
    if (serviceCode == QStringLiteral("LookupLegalEntity"))
        return Tr::tr("ЄДР: відомості про юрособу");
    if (serviceCode == QStringLiteral("FetchOnlineApplications"))
        return Tr::tr("Портал: онлайн-заяви");
    if (serviceCode == QStringLiteral("GetApplicationStatus"))
        return Tr::tr("Стан заяви в реєстрі");
    return serviceCode;
}

QString logDirectionDisplayName(const QString &direction)
{
    if (direction == QStringLiteral("request"))
        return Tr::tr("Запит");
    if (direction == QStringLiteral("response"))
        return Tr::tr("Відповідь");
    return direction;
}

QString logOutcomeDisplayName(const QString &outcome)
{
    QString rest;
    if (outcome == QStringLiteral("sent"))
        return Tr::tr("надіслано");
    if (outcome == QStringLiteral("not sent"))
        return Tr::tr("не надіслано");
    if (outcome == QStringLiteral("accepted"))
        return Tr::tr("прийнято");
    if (takePrefix(outcome, QStringLiteral("retry:"), &rest))
        return Tr::tr("повтор пізніше: %1").arg(rest);
    if (takePrefix(outcome, QStringLiteral("dead:"), &rest))
        return Tr::tr("не доставлено: %1").arg(rest);
    if (takePrefix(outcome, QStringLiteral("failed:"), &rest))
        return Tr::tr("помилка: %1").arg(rest);
    return outcome;
}

QString timeText(qint64 epochMs)
{
    if (epochMs <= 0)
        return Tr::tr("—");
    return QDateTime::fromMSecsSinceEpoch(epochMs).toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm:ss"));
}

QString cycleReportText(const cnap::exchange::sync::CycleReport &r)
{
    QString text = Tr::tr("Синхронізацію завершено: взято %1, доставлено %2, повтор пізніше %3, не доставлено %4; "
                      "перевірено стан заяв %5, застосовано рішень %6, нових онлайн-заяв %7.")
                       .arg(r.claimed).arg(r.done).arg(r.retried).arg(r.dead).arg(r.statusChecked).arg(r.decisions).arg(r.onlineNew);
    if (r.released > 0)
        text += u' ' + Tr::tr("Повернуто до черги ненадісланими: %1.").arg(r.released);
    if (r.leaseLost > 0)
        text += u' ' + Tr::tr("Оброблено іншим обробником: %1.").arg(r.leaseLost);
    if (!r.problems.isEmpty())
        text += u' ' + Tr::tr("Проблем: %1 (подробиці в журналі).").arg(r.problems.size());
    return text;
}

} // namespace cnap::gui::exchange
