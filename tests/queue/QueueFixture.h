#pragma once

// A small centre for queue tests: queue А (services 10001, 10002), queue Б
// (10003); desk 1 serves А, desk 2 serves Б, desk 3 serves both.  The clock is
// manual and starts on a Monday at 10:00 local time.

#include "core/Clock.h"
#include "services/QueueService.h"
#include "support/TestDatabase.h"

#include <gtest/gtest.h>

namespace cnap::test {

inline const QString kS1 = QStringLiteral("10001");
inline const QString kS2 = QStringLiteral("10002");
inline const QString kS3 = QStringLiteral("10003");

class QueueFixture : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        db = std::make_unique<TestDatabase>(GetParam());
        ASSERT_TRUE(db->ok());
        service = std::make_unique<services::QueueService>(db->database(), clock);
        const Actor sys = Actor::system();
        ASSERT_TRUE(service->saveQueue(sys, QStringLiteral("А"), QStringLiteral("Реєстрація"), 1).ok());
        ASSERT_TRUE(service->saveQueue(sys, QStringLiteral("Б"), QStringLiteral("Соціальні"), 2).ok());
        ASSERT_TRUE(service->assignService(sys, QStringLiteral("А"), kS1, QStringLiteral("Послуга 1")).ok());
        ASSERT_TRUE(service->assignService(sys, QStringLiteral("А"), kS2, QStringLiteral("Послуга 2")).ok());
        ASSERT_TRUE(service->assignService(sys, QStringLiteral("Б"), kS3, QStringLiteral("Послуга 3")).ok());
        ASSERT_TRUE(service->saveDesk(sys, QStringLiteral("1"), {kS1, kS2}).ok());
        ASSERT_TRUE(service->saveDesk(sys, QStringLiteral("2"), {kS3}).ok());
        ASSERT_TRUE(service->saveDesk(sys, QStringLiteral("3"), {kS1, kS2, kS3}).ok());
    }

    /// Issues a ticket and returns its number (fails the test on error).
    QString issue(const QString &serviceCode, const QString &category = {}, const QString &person = {})
    {
        services::IssueRequest r;
        r.serviceCodes = {serviceCode};
        r.priority = !category.isEmpty();
        r.priorityCategory = category;
        r.personId = person;
        auto t = service->issueTicket(Actor::system(), r);
        EXPECT_TRUE(t.ok()) << (t.ok() ? std::string() : t.error().describe().toStdString());
        return t.ok() ? t->ticket.number : QString();
    }

    /// Calls at a desk and returns the number, "" when nobody waits.
    QString call(const QString &desk)
    {
        auto t = service->callNext(Actor::system(), desk);
        EXPECT_TRUE(t.ok()) << (t.ok() ? std::string() : t.error().describe().toStdString());
        return t.ok() && t.value() ? t.value()->number : QString();
    }

    void finish(const QString &desk)
    {
        auto f = service->finish(Actor::system(), desk, queue::Outcome::Consultation);
        ASSERT_TRUE(f.ok()) << f.error().describe().toStdString();
    }

    qint64 eventCount(const QString &kind)
    {
        auto ev = service->events(Actor::system(), 0, 100000);
        EXPECT_TRUE(ev.ok());
        qint64 n = 0;
        for (const auto &e : ev.value())
            n += e.kind == kind;
        return n;
    }

    ManualClock clock{QDateTime(QDate(2026, 3, 2), QTime(10, 0))};
    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<services::QueueService> service;
};

} // namespace cnap::test
