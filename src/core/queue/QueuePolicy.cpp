#include "core/queue/QueuePolicy.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace cnap::queue {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::queue::QueuePolicy", s); }

template <typename E, size_t N>
Result<E> fromKey(const QString &key, const E (&all)[N], QString (*toKey)(E), const QString &field, const QString &what)
{
    QStringList keys;
    for (E e : all) {
        if (toKey(e) == key)
            return e;
        keys << toKey(e);
    }
    return Error::invalid(field, tr("невідоме значення «%1» (%2); можливі: %3").arg(key, what, keys.join(QStringLiteral(", "))));
}
} // namespace

QString kindKey(TicketKind k)
{
    switch (k) {
    case TicketKind::Regular: return QStringLiteral("regular");
    case TicketKind::Priority: return QStringLiteral("priority");
    case TicketKind::Booked: return QStringLiteral("booked");
    }
    return {};
}

QString stateKey(TicketState s)
{
    switch (s) {
    case TicketState::Waiting: return QStringLiteral("waiting");
    case TicketState::Called: return QStringLiteral("called");
    case TicketState::Serving: return QStringLiteral("serving");
    case TicketState::NoShow: return QStringLiteral("no_show");
    case TicketState::Finished: return QStringLiteral("finished");
    case TicketState::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

Result<TicketState> stateFromKey(const QString &key)
{
    static const TicketState all[] = {TicketState::Waiting, TicketState::Called, TicketState::Serving,
                                      TicketState::NoShow, TicketState::Finished, TicketState::Cancelled};
    return fromKey(key, all, &stateKey, QStringLiteral("state"), tr("стан талона"));
}

Result<TicketKind> kindFromKey(const QString &key)
{
    static const TicketKind all[] = {TicketKind::Regular, TicketKind::Priority, TicketKind::Booked};
    return fromKey(key, all, &kindKey, QStringLiteral("kind"), tr("вид талона"));
}

QString deskStateKey(DeskState s)
{
    switch (s) {
    case DeskState::Open: return QStringLiteral("open");
    case DeskState::Paused: return QStringLiteral("paused");
    case DeskState::Closed: return QStringLiteral("closed");
    }
    return {};
}

Result<DeskState> deskStateFromKey(const QString &key)
{
    static const DeskState all[] = {DeskState::Open, DeskState::Paused, DeskState::Closed};
    return fromKey(key, all, &deskStateKey, QStringLiteral("state"), tr("стан вікна"));
}

QString outcomeKey(Outcome o)
{
    switch (o) {
    case Outcome::CaseRegistered: return QStringLiteral("case-registered");
    case Outcome::Consultation: return QStringLiteral("consultation");
    case Outcome::Refused: return QStringLiteral("refused");
    }
    return {};
}

Result<Outcome> outcomeFromKey(const QString &key)
{
    static const Outcome all[] = {Outcome::CaseRegistered, Outcome::Consultation, Outcome::Refused};
    return fromKey(key, all, &outcomeKey, QStringLiteral("outcome"), tr("результат обслуговування"));
}

QString outcomeDisplayName(Outcome o)
{
    switch (o) {
    case Outcome::CaseRegistered: return tr("справу зареєстровано");
    case Outcome::Consultation: return tr("консультація");
    case Outcome::Refused: return tr("відмова в прийнятті");
    }
    return {};
}

QString eventKey(EventKind k)
{
    switch (k) {
    case EventKind::Issued: return QStringLiteral("issued");
    case EventKind::Called: return QStringLiteral("called");
    case EventKind::Recalled: return QStringLiteral("recalled");
    case EventKind::Started: return QStringLiteral("started");
    case EventKind::Redirected: return QStringLiteral("redirected");
    case EventKind::NoShow: return QStringLiteral("no-show");
    case EventKind::Returned: return QStringLiteral("returned");
    case EventKind::Postponed: return QStringLiteral("postponed");
    case EventKind::Finished: return QStringLiteral("finished");
    case EventKind::DeskOpened: return QStringLiteral("desk-opened");
    case EventKind::DeskPaused: return QStringLiteral("paused");
    case EventKind::DeskResumed: return QStringLiteral("resumed");
    case EventKind::DeskClosed: return QStringLiteral("desk-closed");
    case EventKind::CentrePaused: return QStringLiteral("centre-paused");
    case EventKind::CentreResumed: return QStringLiteral("centre-resumed");
    case EventKind::Booked: return QStringLiteral("booked");
    case EventKind::BookingCancelled: return QStringLiteral("booking-cancelled");
    case EventKind::CheckedIn: return QStringLiteral("checked-in");
    case EventKind::PriorityConfirmed: return QStringLiteral("priority-confirmed");
    case EventKind::Configured: return QStringLiteral("configured");
    }
    return {};
}

int callRank(TicketKind k)
{
    switch (k) {
    case TicketKind::Booked: return 0;
    case TicketKind::Priority: return 1;
    case TicketKind::Regular: return 2;
    }
    return 2;
}

bool priorityMayJumpAhead(const AntiStarvationRule &rule, int priorityStreak, std::optional<qint64> oldestRegularWaitSecs)
{
    if (priorityStreak < rule.maxPriorityInRow)
        return true;
    // The streak is used up: priority waits only if a regular visitor has already
    // waited too long; otherwise nobody starves and priority keeps its precedence.
    return !oldestRegularWaitSecs || *oldestRegularWaitSecs <= rule.regularWaitThresholdSecs;
}

int nextPriorityStreak(int streak, TicketKind called)
{
    return called == TicketKind::Priority ? streak + 1 : 0;
}

qint64 effectiveWaitMs(qint64 sinceMs, qint64 nowMs, const QList<PauseInterval> &pauses)
{
    if (nowMs <= sinceMs)
        return 0;
    qint64 paused = 0;
    for (const PauseInterval &p : pauses) {
        const qint64 end = p.endMs > 0 ? p.endMs : nowMs;
        const qint64 from = std::max(p.startMs, sinceMs);
        const qint64 to = std::min(end, nowMs);
        if (to > from)
            paused += to - from;
    }
    return std::max<qint64>(0, nowMs - sinceMs - paused);
}

QString seriesLetter(TicketKind kind)
{
    switch (kind) {
    case TicketKind::Regular: return {};
    case TicketKind::Priority: return QStringLiteral("П");
    case TicketKind::Booked: return QStringLiteral("З");
    }
    return {};
}

QString formatTicketNumber(const QString &prefix, TicketKind kind, int seq)
{
    return prefix + seriesLetter(kind) + u'-' + QStringLiteral("%1").arg(seq, 3, 10, QLatin1Char('0'));
}

Status validatePrefix(const QString &prefix)
{
    static const QRegularExpression re(QStringLiteral("^[А-ЯІЇЄҐA-Z]{1,3}$"));
    if (!re.match(prefix).hasMatch())
        return Error::invalid(QStringLiteral("prefix"), tr("префікс черги має складатися з 1–3 великих літер (наприклад, «А»), а не «%1»").arg(prefix));
    if (prefix.endsWith(QStringLiteral("П")) || prefix.endsWith(QStringLiteral("З")))
        // The letters mark the priority and booking ranges: "АП-001" must stay unambiguous.
        return Error::invalid(QStringLiteral("prefix"), tr("префікс черги не може закінчуватися на «П» чи «З»: ці літери позначають пільгові та записані талони"));
    return {};
}

std::optional<qint64> estimateWaitSecs(int ahead, double averageServiceSecs, int openDesks)
{
    if (openDesks <= 0)
        return std::nullopt;
    // The visitors ahead are shared among the open desks, each taking the average
    // service time: a mean-rate estimate, honest enough for a kiosk slip.
    const double secs = static_cast<double>(std::max(ahead, 0)) * std::max(averageServiceSecs, 0.0) / openDesks;
    return static_cast<qint64>(std::llround(secs));
}

bool recallsExhausted(int recallsSoFar, int maxRecalls) { return recallsSoFar >= maxRecalls; }

QList<QTime> slotTimes(const AppointmentRules &rules)
{
    QList<QTime> out;
    if (rules.slotMinutes <= 0 || !rules.opens.isValid() || !rules.closes.isValid())
        return out;
    for (QTime t = rules.opens; t.isValid() && t.addSecs(rules.slotMinutes * 60LL) <= rules.closes && t >= rules.opens;
         t = t.addSecs(rules.slotMinutes * 60LL))
        out << t;
    return out;
}

bool isBookingDay(const QDate &day) { return day.isValid() && day.dayOfWeek() <= 5; }

Status validateSlot(const AppointmentRules &rules, const QDateTime &nowLocal, const QDateTime &slotLocal)
{
    const QString field = QStringLiteral("slot");
    if (!slotLocal.isValid())
        return Error::invalid(field, tr("час запису не вказано або він неправильний"));
    if (slotLocal <= nowLocal)
        return Error::invalid(field, tr("час запису %1 уже минув").arg(slotLocal.toString(QStringLiteral("dd.MM.yyyy HH:mm"))));
    const QDate day = slotLocal.date();
    if (day > nowLocal.date().addDays(rules.horizonDays))
        return Error::invalid(field, tr("запис можливий не далі ніж на %1 днів наперед").arg(rules.horizonDays));
    if (!isBookingDay(day))
        return Error::invalid(field, tr("%1 — вихідний день, запис не ведеться").arg(day.toString(QStringLiteral("dd.MM.yyyy"))));
    const QTime t = slotLocal.time();
    if (!slotTimes(rules).contains(QTime(t.hour(), t.minute())) || t.second() != 0)
        return Error::invalid(field, tr("час %1 поза годинами прийому (%2–%3) або не збігається з сіткою по %4 хв")
                                         .arg(t.toString(QStringLiteral("HH:mm")), rules.opens.toString(QStringLiteral("HH:mm")),
                                              rules.closes.toString(QStringLiteral("HH:mm")))
                                         .arg(rules.slotMinutes));
    return {};
}

CheckIn checkInVerdict(const LateArrivalRule &rule, const QDateTime &slotLocal, const QDateTime &nowLocal)
{
    if (slotLocal.date() != nowLocal.date())
        return CheckIn::WrongDay;
    const qint64 lateBy = slotLocal.secsTo(nowLocal);
    if (lateBy > rule.graceSecs)
        return CheckIn::LateWalkIn;
    if (-lateBy > rule.earlyWindowSecs)
        return CheckIn::TooEarly;
    return CheckIn::OnTime;
}

} // namespace cnap::queue
