#pragma once

// A small centre with a known day of queue history, for the report tests (and
// the supervisor GUI tests, which must see the same numbers as cnapctl).
//
// Queue А serves 10001 and 10002, queue Б serves 10003; desk 1 serves А and is
// worked by clerk "olena", desk 2 serves Б and is worked by "petro".  On Monday
// 2 March 2026 from 10:00 local time:
//   А-001, А-002, А-003 (10001) issued at 10:00:00; desk 1 calls them at +60 s,
//   +120 s and +300 s and finishes them at +100 s, +200 s and +400 s:
//   waits 60/120/300 s (mean 160, median 120, p90 264), service 40/80/100 s
//   (mean 73.3, median 80, p90 96).
//   Б-001 (10003) issued at 10:00:00, called at desk 2 at +30 s, no-show at +590 s.
//   Б-002 (10003) issued at 11:10:00, called at 11:10:45 (wait 45 s), redirected
//   to 10001: it waits in queue А again.
// Ticket counts by local hour: 10 → 4 (three А and Б-001), 11 → 1.

#include "core/Clock.h"
#include "crypto/Password.h"
#include "services/AuthService.h"
#include "services/QueueService.h"
#include "services/ReportService.h"
#include "support/TestDatabase.h"

#include <gtest/gtest.h>

#include <memory>

namespace cnap::test {

inline const QString kSvcA1 = QStringLiteral("10001");
inline const QString kSvcA2 = QStringLiteral("10002");
inline const QString kSvcB = QStringLiteral("10003");

inline QDate reportDay() { return QDate(2026, 3, 2); }
inline QDateTime reportStart() { return QDateTime(reportDay(), QTime(10, 0)); }

inline Actor clerkAt(const QString &login, const QString &desk) { return Actor{7, login, Role::Clerk, desk}; }
inline Actor supervisor() { return Actor{2, QStringLiteral("head"), Role::Supervisor, {}}; }
inline Actor kiosk() { return Actor{3, QStringLiteral("kiosk1"), Role::Kiosk, {}}; }

/// Builds the centre and its history on a database.  Non-fatal gtest failures on error.
class ReportSeed {
public:
    ReportSeed(storage::DatabasePtr db, ManualClock &clock) : m_db(std::move(db)), m_clock(clock), queue(m_db, clock) {}

    void centre()
    {
        const Actor sys = Actor::system();
        expectOk(queue.saveQueue(sys, QStringLiteral("А"), QStringLiteral("Реєстрація"), 1));
        expectOk(queue.saveQueue(sys, QStringLiteral("Б"), QStringLiteral("Соціальні"), 2));
        expectOk(queue.assignService(sys, QStringLiteral("А"), kSvcA1, QStringLiteral("Послуга 1")));
        expectOk(queue.assignService(sys, QStringLiteral("А"), kSvcA2, QStringLiteral("Послуга 2")));
        expectOk(queue.assignService(sys, QStringLiteral("Б"), kSvcB, QStringLiteral("Послуга 3")));
        expectOk(queue.saveDesk(sys, QStringLiteral("1"), {kSvcA1, kSvcA2}));
        expectOk(queue.saveDesk(sys, QStringLiteral("2"), {kSvcB}));
        services::AuthService auth(m_db, m_clock, crypto::ScryptParams::cheapForTests());
        for (const char *login : {"olena", "petro"}) {
            security::NewAccount a;
            a.login = QString::fromLatin1(login);
            a.displayName = a.login;
            a.password = QStringLiteral("Correct-Horse-42-battery");
            expectOk(auth.addUser(sys, a));
        }
    }

    void history()
    {
        const Actor olena = clerkAt(QStringLiteral("olena"), QStringLiteral("1"));
        const Actor petro = clerkAt(QStringLiteral("petro"), QStringLiteral("2"));
        m_clock.set(reportStart());
        expectOk(queue.openDesk(olena, QStringLiteral("1")));
        expectOk(queue.openDesk(petro, QStringLiteral("2")));
        for (int i = 0; i < 3; ++i)
            issue(kSvcA1);
        issue(kSvcB);
        at(30);
        expectOk(queue.callNext(petro, QStringLiteral("2")));
        const int calls[3] = {60, 120, 300};
        const int ends[3] = {100, 200, 400};
        for (int i = 0; i < 3; ++i) {
            at(calls[i]);
            expectOk(queue.callNext(olena, QStringLiteral("1")));
            at(ends[i]);
            expectOk(queue.finish(olena, QStringLiteral("1")));
        }
        m_clock.set(reportStart().addSecs(90 + 500));
        expectOk(queue.markNoShow(petro, QStringLiteral("2")));
        m_clock.set(reportStart().addSecs(70 * 60));
        issue(kSvcB);
        m_clock.set(reportStart().addSecs(70 * 60 + 45));
        expectOk(queue.callNext(petro, QStringLiteral("2")));
        services::RedirectTarget to;
        to.serviceCode = kSvcA1;
        expectOk(queue.redirect(petro, QStringLiteral("2"), to));
    }

    void at(int secs) { m_clock.set(reportStart().addSecs(secs)); }

    QString issue(const QString &code)
    {
        services::IssueRequest r;
        r.serviceCodes = {code};
        auto t = queue.issueTicket(Actor::system(), r);
        expectOk(t);
        return t ? t->ticket.number : QString();
    }

    template <typename R>
    static void expectOk(const R &r)
    {
        EXPECT_TRUE(r.ok()) << (r.ok() ? std::string() : r.error().describe().toStdString());
    }

private:
    storage::DatabasePtr m_db;
    ManualClock &m_clock;

public:
    services::QueueService queue;
};

} // namespace cnap::test
