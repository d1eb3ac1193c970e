#include "SecurityFixture.h"

#include "security/AuditLog.h"
#include "storage/AuditRepository.h"

#include <QThread>

using namespace cnap;
using cnap::security::AuditAction;
using cnap::security::AuditFault;
using cnap::security::AuditLog;
using cnap::test::Backend;
using cnap::test::SecurityTest;

class AuditTest : public SecurityTest {
protected:
    void appendSome(int n)
    {
        AuditLog log(t->database(), clock);
        Actor clerk{7, QStringLiteral("olena"), Role::Clerk, QStringLiteral("desk-2")};
        for (int i = 1; i <= n; ++i) {
            clock.advanceSecs(1);
            ASSERT_TRUE(log.append(clerk, AuditAction::CaseOpen, QStringLiteral("case"), QStringLiteral("2024-%1").arg(i)).ok());
        }
    }
    security::AuditVerification verify(const std::optional<security::AuditAnchor> &anchor = std::nullopt)
    {
        auto v = audit->verify(Actor::system(), anchor);
        EXPECT_TRUE(v.ok()) << (v.ok() ? std::string() : v.error().message.toStdString());
        return v.ok() ? v.value() : security::AuditVerification{};
    }
    void exec(const QString &sql, const QVariantList &binds = {})
    {
        auto r = storage::exec(db(), sql, binds);
        ASSERT_TRUE(r.ok()) << sql.toStdString() << ": " << r.error().message.toStdString();
    }
};

TEST_P(AuditTest, IntactChainVerifiesAndAnchorIsTheLatestEntry)
{
    auto empty = verify();
    EXPECT_TRUE(empty.ok());
    EXPECT_EQ(empty.entries, 0);
    auto a0 = audit->anchor(Actor::system());
    ASSERT_TRUE(a0.ok());
    EXPECT_EQ(a0->seq, 0);
    EXPECT_EQ(a0->hash, AuditLog::genesisHash());

    appendSome(10);
    auto v = verify();
    EXPECT_TRUE(v.ok()) << v.message.toStdString();
    EXPECT_EQ(v.entries, 10);
    auto a = audit->anchor(Actor::system());
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->seq, 10);
    EXPECT_EQ(a->hash.size(), 64);
    EXPECT_TRUE(verify(a.value()).ok());
    auto parsed = security::AuditAnchor::parse(a->toText() + u'\n');
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->seq, a->seq);
    EXPECT_EQ(parsed->hash, a->hash);
    EXPECT_FALSE(security::AuditAnchor::parse(QStringLiteral("12 nothex")).ok());
}

TEST_P(AuditTest, AppendJoinsTheCallersTransaction)
{
    AuditLog log(t->database(), clock);
    const Actor admin{1, QStringLiteral("root"), Role::Admin, {}};
    {
        auto tx = storage::Transaction::begin(db());
        ASSERT_TRUE(tx.ok());
        exec(QStringLiteral("INSERT INTO centre_settings (key, value, updated_at) VALUES ('k', 'v', 'now')"));
        ASSERT_TRUE(log.append(tx.value(), admin, AuditAction::SettingsChange, QStringLiteral("setting"), QStringLiteral("k")).ok());
    }  // rolled back: neither the change nor its audit row
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM centre_settings")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM audit_log")), 0);
    EXPECT_TRUE(verify().ok());
    {
        auto tx = storage::Transaction::begin(db());
        ASSERT_TRUE(tx.ok());
        exec(QStringLiteral("INSERT INTO centre_settings (key, value, updated_at) VALUES ('k', 'v', 'now')"));
        ASSERT_TRUE(log.append(tx.value(), admin, AuditAction::SettingsChange, QStringLiteral("setting"), QStringLiteral("k")).ok());
        ASSERT_TRUE(tx->commit().ok());
    }
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM audit_log")), 1);
    EXPECT_EQ(verify().entries, 1);
}

TEST_P(AuditTest, DetailsNeverKeepPersonalData)
{
    AuditLog log(t->database(), clock);
    const Actor clerk{7, QStringLiteral("olena"), Role::Clerk, {}};
    ASSERT_TRUE(log.append(clerk, AuditAction::ApplicantSearch, QStringLiteral("applicant"), {},
                           QStringLiteral("by=rnokpp value=3612345575 phone +380671234567")).ok());
    auto e = audit->list(Actor::system(), {});
    ASSERT_TRUE(e.ok());
    ASSERT_EQ(e->size(), 1u);
    EXPECT_FALSE(e->front().details.contains(QStringLiteral("3612345575")));
    EXPECT_FALSE(e->front().details.contains(QStringLiteral("671234567")));
    EXPECT_TRUE(e->front().details.startsWith(QStringLiteral("by=rnokpp")));
    EXPECT_EQ(e->front().action, QStringLiteral("applicant-search"));
}

TEST_P(AuditTest, ApplicationCannotUpdateOrDeleteAuditRows)
{
    appendSome(3);
    EXPECT_FALSE(storage::exec(db(), QStringLiteral("UPDATE audit_log SET details = 'x' WHERE seq = 2")).ok());
    EXPECT_FALSE(storage::exec(db(), QStringLiteral("DELETE FROM audit_log WHERE seq = 3")).ok());
    EXPECT_FALSE(storage::exec(db(), QStringLiteral("DELETE FROM audit_chain_head")).ok());
    EXPECT_FALSE(storage::exec(db(), QStringLiteral("UPDATE audit_chain_head SET seq = 1")).ok());
    if (GetParam() == Backend::Postgresql) {
        EXPECT_FALSE(storage::exec(db(), QStringLiteral("TRUNCATE audit_log")).ok());
    }
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM audit_log")), 3);
    EXPECT_TRUE(verify().ok());
}

TEST_P(AuditTest, EditedRowIsNamed)
{
    appendSome(6);
    dropAuditGuards();
    exec(QStringLiteral("UPDATE audit_log SET login = 'someone-else' WHERE seq = 4"));
    auto v = verify();
    EXPECT_EQ(v.fault, AuditFault::Changed);
    EXPECT_EQ(v.seq, 4);
    EXPECT_TRUE(v.message.contains(QStringLiteral("№4"))) << v.message.toStdString();
}

TEST_P(AuditTest, EditedRowWithRecomputedHashIsStillNamed)
{
    appendSome(6);
    dropAuditGuards();
    auto row = storage::AuditRepository(db()).bySeq(3);
    ASSERT_TRUE(row.ok() && row->has_value());
    storage::AuditRow forged = row->value();
    forged.details = QStringLiteral("nothing happened");
    forged.hash = AuditLog::entryHash(forged.prevHash, forged);
    exec(QStringLiteral("UPDATE audit_log SET details = ?, hash = ? WHERE seq = 3"), {forged.details, forged.hash});
    auto v = verify();
    EXPECT_EQ(v.fault, AuditFault::Changed);
    EXPECT_EQ(v.seq, 3);
}

TEST_P(AuditTest, DeletedRowIsNamed)
{
    appendSome(6);
    dropAuditGuards();
    exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 2"));
    auto v = verify();
    EXPECT_EQ(v.fault, AuditFault::Removed);
    EXPECT_EQ(v.seq, 2);
    EXPECT_TRUE(v.message.contains(QStringLiteral("№2"))) << v.message.toStdString();
}

TEST_P(AuditTest, ReorderedRowsAreNamed)
{
    appendSome(6);
    dropAuditGuards();
    storage::AuditRepository repo(db());
    auto r3 = repo.bySeq(3);
    auto r5 = repo.bySeq(5);
    ASSERT_TRUE(r3.ok() && r5.ok());
    const auto put = [&](qint64 seq, const storage::AuditRow &r) {
        exec(QStringLiteral("UPDATE audit_log SET at = ?, login = ?, role = ?, desk = ?, action = ?, object_type = ?, object_id = ?, "
                            "details = ?, prev_hash = ?, hash = ? WHERE seq = ?"),
             {r.at, r.login, r.role, r.desk, r.action, r.objectType, r.objectId, r.details, r.prevHash, r.hash, seq});
    };
    put(3, r5->value());
    put(5, r3->value());
    auto v = verify();
    EXPECT_EQ(v.fault, AuditFault::Reordered);
    EXPECT_EQ(v.seq, 3);
    EXPECT_EQ(v.otherSeq, 5);
}

TEST_P(AuditTest, TruncatedTailIsDetectedByHeadAndByAnchor)
{
    appendSome(6);
    auto anchor = audit->anchor(Actor::system());
    ASSERT_TRUE(anchor.ok());
    dropAuditGuards();
    exec(QStringLiteral("DELETE FROM audit_log WHERE seq >= 5"));
    auto byHead = verify();
    EXPECT_EQ(byHead.fault, AuditFault::Truncated);
    EXPECT_EQ(byHead.seq, 5);
    // A careful attacker also rewinds the head: only the exported anchor shows it.
    auto row4 = storage::AuditRepository(db()).bySeq(4);
    ASSERT_TRUE(row4.ok() && row4->has_value());
    exec(QStringLiteral("UPDATE audit_chain_head SET seq = 4, hash = ? WHERE id = 1"), {row4->value().hash});
    EXPECT_TRUE(verify().ok()) << "without the anchor the cut is invisible";
    auto byAnchor = verify(anchor.value());
    EXPECT_EQ(byAnchor.fault, AuditFault::Truncated);
    EXPECT_EQ(byAnchor.seq, 5);
    EXPECT_EQ(byAnchor.otherSeq, 6);
}

TEST_P(AuditTest, ListFiltersByPeriodLoginActionAndObject)
{
    AuditLog log(t->database(), clock);
    const Actor olena{7, QStringLiteral("olena"), Role::Clerk, {}};
    const Actor petro{8, QStringLiteral("petro"), Role::Clerk, {}};
    ASSERT_TRUE(log.append(olena, AuditAction::CaseOpen, QStringLiteral("case"), QStringLiteral("A-1")).ok());
    clock.advanceSecs(3600);
    const QDateTime mid = clock.now();
    ASSERT_TRUE(log.append(petro, AuditAction::CaseChange, QStringLiteral("case"), QStringLiteral("A-1")).ok());
    ASSERT_TRUE(log.append(olena, AuditAction::Print, QStringLiteral("case"), QStringLiteral("B-2")).ok());
    const auto n = [&](const security::AuditFilter &f) {
        auto r = audit->list(Actor::system(), f);
        EXPECT_TRUE(r.ok());
        return r.ok() ? int(r->size()) : -1;
    };
    EXPECT_EQ(n({}), 3);
    EXPECT_EQ(n({.from = mid}), 2);
    EXPECT_EQ(n({.to = mid}), 1);
    EXPECT_EQ(n({.login = QStringLiteral("olena")}), 2);
    EXPECT_EQ(n({.action = AuditAction::Print}), 1);
    EXPECT_EQ(n({.objectType = QStringLiteral("case"), .objectId = QStringLiteral("A-1")}), 2);
    EXPECT_EQ(n({.login = QStringLiteral("olena' OR '1'='1")}), 0);
    auto newestFirst = audit->list(Actor::system(), {});
    EXPECT_EQ(newestFirst->front().action, QStringLiteral("print"));
    EXPECT_EQ(audit->list(Actor::system(), {.limit = 0}).error().field, QStringLiteral("limit"));
    EXPECT_EQ(audit->list(Actor::system(), {.from = mid, .to = mid}).error().field, QStringLiteral("to"));
}

TEST_P(AuditTest, ConcurrentAppendersKeepOneUnbrokenChain)
{
    constexpr int kThreads = 4;
    constexpr int kEach = 20;
    auto database = t->database();
    std::vector<std::unique_ptr<QThread>> threads;
    std::atomic<int> failures{0};
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back(QThread::create([&, i] {
            AuditLog log(database);
            const Actor a{i + 1, QStringLiteral("desk%1").arg(i), Role::Clerk, QStringLiteral("desk-%1").arg(i)};
            for (int k = 0; k < kEach; ++k) {
                if (!log.append(a, AuditAction::CaseOpen, QStringLiteral("case"), QString::number(k)).ok())
                    ++failures;
            }
            database->releaseThreadConnection();
        }));
        threads.back()->start();
    }
    for (auto &th : threads)
        th->wait();
    EXPECT_EQ(failures.load(), 0);
    auto v = verify();
    EXPECT_TRUE(v.ok()) << v.message.toStdString();
    EXPECT_EQ(v.entries, kThreads * kEach);
}

TEST(AuditActions, KeysRoundTripAndIncludeTheRequiredOnes)
{
    for (AuditAction a : security::allAuditActions()) {
        auto back = security::auditActionFromKey(security::auditActionKey(a));
        ASSERT_TRUE(back.ok());
        EXPECT_EQ(back.value(), a);
    }
    for (const char *k : {"login", "login-failed", "logout", "lock", "applicant-open", "applicant-search", "case-open",
                          "case-change", "export", "print", "user-add", "user-change"})
        EXPECT_TRUE(security::auditActionFromKey(QString::fromLatin1(k)).ok()) << k;
    EXPECT_FALSE(security::auditActionFromKey(QStringLiteral("drop-table")).ok());
}

CNAP_INSTANTIATE_FOR_BACKENDS(AuditTest);
