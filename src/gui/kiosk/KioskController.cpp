#include "gui/kiosk/KioskController.h"

#include "gui/common/ErrorPresenter.h"
#include "gui/common/TaskRunner.h"
#include "gui/kiosk/TicketPrinter.h"
#include "gui/settings/Settings.h"

namespace cnap::gui {

KioskController::KioskController(AppContext context, QObject *parent) : QObject(parent), m_context(std::move(context)) {}

void KioskController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

QList<queue::QueueServiceEntry> KioskController::servicesOf(qint64 queueId) const
{
    QList<queue::QueueServiceEntry> out;
    for (const auto &s : m_catalogue.services) {
        if (s.queueId == queueId)
            out << s;
    }
    return out;
}

void KioskController::loadCatalogue()
{
    auto db = m_context.database;
    const Clock *clock = m_context.clock;
    const Actor actor = m_context.actor;
    m_context.runner->run(
        this,
        [db, clock, actor]() -> Result<KioskCatalogue> {
            services::QueueService qs(db, *clock);
            KioskCatalogue c;
            auto services = qs.services(actor);
            if (!services)
                return services.error();
            c.services = services.value();
            auto queues = qs.queues(actor);
            if (!queues)
                return queues.error();
            for (const auto &q : queues.value()) {
                for (const auto &s : c.services) {
                    if (s.queueId == q.id) {
                        c.queues << q;
                        break;
                    }
                }
            }
            auto categories = qs.categories(actor);
            if (!categories)
                return categories.error();
            c.categories = categories.value();
            return c;
        },
        [this](Result<KioskCatalogue> r) {
            if (!r) {
                Q_EMIT failed(ErrorPresenter::text(r.error()));
                return;
            }
            m_catalogue = r.value();
            Q_EMIT catalogueLoaded();
        });
}

void KioskController::issue(const QString &serviceCode, const QString &categoryKey)
{
    if (m_busy)
        return;  // a double tap must not print two tickets
    setBusy(true);
    auto db = m_context.database;
    const Clock *clock = m_context.clock;
    const Actor actor = m_context.actor;
    services::IssueRequest request;
    request.serviceCodes = {serviceCode};
    request.priority = !categoryKey.isEmpty();
    request.priorityCategory = categoryKey;
    request.source = QStringLiteral("kiosk");
    m_context.runner->run(
        this, [db, clock, actor, request]() { return services::QueueService(db, *clock).issueTicket(actor, request); },
        [this, categoryKey](Result<services::IssuedTicket> r) { finishIssue(r, categoryKey); });
}

void KioskController::checkIn(const QString &code)
{
    if (m_busy)
        return;
    const QString trimmed = code.trimmed().toUpper();
    if (trimmed.isEmpty()) {
        Q_EMIT failed(tr("Код запису: введіть код, який ви отримали під час запису."));
        return;
    }
    setBusy(true);
    auto db = m_context.database;
    const Clock *clock = m_context.clock;
    const Actor actor = m_context.actor;
    m_context.runner->run(
        this, [db, clock, actor, trimmed]() { return services::QueueService(db, *clock).checkIn(actor, trimmed); },
        [this](Result<services::IssuedTicket> r) { finishIssue(r, QString()); });
}

void KioskController::finishIssue(const Result<services::IssuedTicket> &r, const QString &categoryKey)
{
    setBusy(false);
    if (!r) {
        Q_EMIT failed(ErrorPresenter::text(r.error()));
        return;
    }
    const services::IssuedTicket &t = r.value();
    TicketPrint print;
    print.centreName = m_context.settings ? m_context.settings->string(Settings::Key::CentreName)
                                          : Settings::defaultValue(Settings::Key::CentreName).toString();
    print.number = t.ticket.number;
    print.serviceName = t.serviceName;
    print.queueName = t.queueName;
    print.issuedAt = QDateTime::fromMSecsSinceEpoch(t.ticket.issuedAtMs).toLocalTime();
    print.ahead = t.ahead;
    print.estimatedWaitSecs = t.estimatedWaitSecs;
    if (!categoryKey.isEmpty()) {
        for (const auto &c : m_catalogue.categories) {
            if (c.key == categoryKey)
                print.priorityNote = tr("Позачергово: %1. Пред'явіть у вікні: %2.").arg(c.name, c.proof);
        }
    }
    const QString printer = m_context.settings ? m_context.settings->string(Settings::Key::TicketPrinter) : QString();
    const QString pdfDir = m_context.settings ? m_context.settings->string(Settings::Key::TicketPdfDir) : QString();
    const Result<QString> printed = TicketPrinter(printer, pdfDir).print(print);
    Q_EMIT issued(t, printed ? printed.value() : QString(), printed ? QString() : ErrorPresenter::text(printed.error()));
}

} // namespace cnap::gui
