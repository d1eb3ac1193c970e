#include "core/reports/Supervision.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace cnap::reports {
namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::reports", s); }

QString minutes(qint64 secs)
{
    return QString::number((secs + 59) / 60);
}

} // namespace

QString deskActivityName(DeskActivity a)
{
    switch (a) {
    case DeskActivity::Free: return tr("вільне");
    case DeskActivity::Serving: return tr("обслуговує");
    case DeskActivity::Paused: return tr("перерва");
    case DeskActivity::Offline: return tr("закрите");
    }
    return {};
}

QList<Alert> computeAlerts(const LiveCentre &centre, const AlertRules &rules)
{
    QList<Alert> alerts;
    if (centre.centrePaused)
        return alerts;
    QHash<QString, int> queueOfService;  // a desk serving several services of one queue counts its waiting once
    for (const QueueLive &q : centre.queues) {
        if (q.waiting > 0 && q.longestWaitSecs > rules.waitThresholdSecs) {
            alerts.append({Alert::Kind::LongWait, q.prefix,
                           tr("Черга «%1»: найдовше очікування %2 хв (поріг %3 хв)")
                               .arg(q.name, minutes(q.longestWaitSecs), minutes(rules.waitThresholdSecs))});
        }
        for (const QString &code : q.serviceCodes)
            queueOfService.insert(code, static_cast<int>(&q - centre.queues.constData()));
    }
    for (const DeskLive &d : centre.desks) {
        if (d.activity != DeskActivity::Free || d.idleSecs <= rules.idleGraceSecs)
            continue;
        QSet<int> queues;
        for (const QString &code : d.serviceCodes)
            if (auto it = queueOfService.constFind(code); it != queueOfService.constEnd())
                queues.insert(it.value());
        int waiting = 0;
        for (int i : queues)
            waiting += centre.queues.at(i).waiting;
        if (waiting > 0) {
            alerts.append({Alert::Kind::IdleDesk, d.name,
                           tr("Вікно %1 вільне %2 хв, а на його послуги чекають %3 відвідувачів")
                               .arg(d.name, minutes(d.idleSecs)).arg(waiting)});
        }
    }
    return alerts;
}

DeadlineStatus deadlineStatus(const QDate &registered, const QDate &due, const QDate &today, double atRiskShare)
{
    if (today > due)
        return DeadlineStatus::Overdue;
    const qint64 term = registered.daysTo(due);
    if (term <= 0)
        return DeadlineStatus::AtRisk;  // due today or a same-day service: no slack left
    const double used = static_cast<double>(registered.daysTo(today)) / static_cast<double>(term);
    return used >= atRiskShare ? DeadlineStatus::AtRisk : DeadlineStatus::OnTrack;
}

Status validateAtRiskShare(double share)
{
    if (!(share >= 0.1 && share <= 1.0))
        return Error::invalid(QStringLiteral("atRiskShare"), tr("частка строку має бути від 10 до 100 %"));
    return {};
}

QList<DeadlineRow> aggregateDeadlines(const QList<DeadlineBucket> &buckets, const QDate &today, double atRiskShare)
{
    QHash<QString, int> index;
    QList<DeadlineRow> rows;
    for (const DeadlineBucket &b : buckets) {
        const QString key = b.provider + QChar(0x1f) + b.serviceCode;
        auto it = index.constFind(key);
        int i = 0;
        if (it == index.constEnd()) {
            i = static_cast<int>(rows.size());
            index.insert(key, i);
            rows.append({b.provider, b.serviceCode, b.serviceName, 0, 0, 0});
        } else {
            i = it.value();
        }
        DeadlineRow &r = rows[i];
        r.open += b.count;
        switch (deadlineStatus(b.registered, b.due, today, atRiskShare)) {
        case DeadlineStatus::Overdue: r.overdue += b.count; break;
        case DeadlineStatus::AtRisk: r.atRisk += b.count; break;
        case DeadlineStatus::OnTrack: break;
        }
    }
    std::sort(rows.begin(), rows.end(), [](const DeadlineRow &a, const DeadlineRow &b) {
        if (a.overdue != b.overdue)
            return a.overdue > b.overdue;
        if (a.atRisk != b.atRisk)
            return a.atRisk > b.atRisk;
        return std::tie(a.provider, a.serviceCode) < std::tie(b.provider, b.serviceCode);
    });
    return rows;
}

} // namespace cnap::reports
