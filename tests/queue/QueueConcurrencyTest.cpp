// Many desks call at once: every ticket is called exactly once.  Each thread has
// its own connection (storage::Database hands out one per thread).
#include "QueueFixture.h"

#include "storage/Sql.h"

#include <QThread>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

using namespace cnap;
using cnap::test::Backend;
using cnap::test::kS1;
using cnap::test::kS3;

class QueueConcurrencyTest : public cnap::test::QueueFixture {};

TEST_P(QueueConcurrencyTest, EveryTicketIsCalledExactlyOnce)
{
    const bool pg = GetParam() == Backend::Postgresql;
    const int desks = pg ? 20 : 6;
    const int tickets = pg ? 500 : 120;
    QStringList services{kS1, cnap::test::kS2, kS3};
    for (int d = 1; d <= desks; ++d)
        ASSERT_TRUE(service->saveDesk(Actor::system(), QStringLiteral("c%1").arg(d), services).ok());
    for (int i = 0; i < tickets; ++i)
        issue(services.at(i % 3));

    std::mutex mutex;
    std::vector<qint64> called;
    std::atomic<int> errors{0};
    std::vector<std::thread> threads;
    for (int d = 1; d <= desks; ++d) {
        threads.emplace_back([&, d] {
            services::QueueService desk(db->database(), clock);
            const QString name = QStringLiteral("c%1").arg(d);
            for (;;) {
                auto t = desk.callNext(Actor::system(), name);
                if (!t) {
                    ++errors;
                    break;
                }
                if (!t.value())
                    break;
                {
                    std::lock_guard lock(mutex);
                    called.push_back(t.value()->id);
                }
                if (!desk.finish(Actor::system(), name).ok()) {
                    ++errors;
                    break;
                }
            }
            db->database()->releaseThreadConnection();
        });
    }
    for (auto &t : threads)
        t.join();
    EXPECT_EQ(errors.load(), 0);
    EXPECT_EQ(called.size(), size_t(tickets));
    EXPECT_EQ(std::set<qint64>(called.begin(), called.end()).size(), size_t(tickets));
    // The log agrees: one "called" event per ticket.
    auto conn = db->database()->db();
    auto dup = storage::execOne(conn, QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT ticket_id) FROM queue_events WHERE kind = 'called'"));
    ASSERT_TRUE(dup.ok());
    EXPECT_EQ(dup->value(0).toInt(), tickets);
    EXPECT_EQ(dup->value(1).toInt(), tickets);
}

CNAP_INSTANTIATE_FOR_BACKENDS(QueueConcurrencyTest);
