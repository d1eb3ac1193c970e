#include "CatalogueFixtures.h"

#include "storage/CatalogueRepository.h"
#include "storage/Sql.h"
#include "support/TestDatabase.h"
#include "xml/CatalogueXml.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace cnap;
using namespace cnap::storage;
using namespace cnap::test;

namespace {

std::vector<ServiceCard> shipped()
{
    QFile f(shippedCatalogue());
    EXPECT_TRUE(f.open(QIODevice::ReadOnly));
    auto cards = xml::readCatalogue(f.readAll(), catalogueXsd());
    EXPECT_TRUE(cards.ok()) << cards.error().message.toStdString();
    return cards.ok() ? cards.value() : std::vector<ServiceCard>{};
}

int count(const DatabasePtr &db, const QString &table)
{
    auto q = execOne(db->db(), QStringLiteral("SELECT COUNT(*) FROM ") + table);
    return q.ok() ? q->value(0).toInt() : -1;
}

} // namespace

class CatalogueRepositoryTest : public ::testing::TestWithParam<Backend> {};

TEST_P(CatalogueRepositoryTest, ImportStoresEveryFieldAndDocumentOrder)
{
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    CatalogueRepository repo(t.database());
    const auto cards = shipped();
    ASSERT_GE(cards.size(), 25u);
    auto s = repo.replaceAll(cards);
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    EXPECT_EQ(s->total, static_cast<int>(cards.size()));
    EXPECT_EQ(s->added, static_cast<int>(cards.size()));
    EXPECT_EQ(s->updated + s->unchanged + s->deactivated, 0);

    auto listed = repo.list(true);
    ASSERT_TRUE(listed.ok()) << listed.error().message.toStdString();
    ASSERT_EQ(listed->size(), cards.size());
    for (const ServiceCard &c : cards) {
        auto got = repo.get(c.code);
        ASSERT_TRUE(got.ok()) << c.code.value().toStdString();
        EXPECT_TRUE(got->sameContent(c)) << c.code.value().toStdString();
        EXPECT_TRUE(got->active);
        EXPECT_EQ(got->version, 1);
    }
    // Listed in code order.
    for (size_t i = 1; i < listed->size(); ++i)
        EXPECT_LT(listed.value()[i - 1].code, listed.value()[i].code);

    auto missing = repo.get(ServiceCode::parse(QStringLiteral("99999")).value());
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
}

TEST_P(CatalogueRepositoryTest, ImportingTheSameCatalogueTwiceChangesNothing)
{
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    CatalogueRepository repo(t.database());
    const auto cards = shipped();
    ASSERT_TRUE(repo.replaceAll(cards).ok());
    auto again = repo.replaceAll(cards);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->unchanged, static_cast<int>(cards.size()));
    EXPECT_EQ(again->added + again->updated + again->deactivated, 0);
    EXPECT_EQ(repo.get(cards.front().code)->version, 1);
    EXPECT_EQ(count(t.database(), QStringLiteral("services")), static_cast<int>(cards.size()));
}

TEST_P(CatalogueRepositoryTest, ChangedCardIsUpdatedWithNewVersionAndDocuments)
{
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    CatalogueRepository repo(t.database());
    std::vector<ServiceCard> cards{sampleCard(QStringLiteral("00049")), sampleCard(QStringLiteral("00050"))};
    ASSERT_TRUE(repo.replaceAll(cards).ok());
    cards[1].feeKopecks = 34500;
    cards[1].documents = {{QStringLiteral("Паспорт"), DocumentForm::OriginalAndCopy, true, QStringLiteral("примітка")},
                          {QStringLiteral("Заява"), DocumentForm::Original, true, {}}};
    cards[1].route = RouteKind::Registry;
    cards[1].registry = {QStringLiteral("VerifyPersonUnzr"), QStringLiteral("v1")};
    auto s = repo.replaceAll(cards);
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    EXPECT_EQ(s->updated, 1);
    EXPECT_EQ(s->unchanged, 1);
    auto got = repo.get(cards[1].code);
    ASSERT_TRUE(got.ok());
    EXPECT_TRUE(got->sameContent(cards[1]));
    EXPECT_EQ(got->version, 2);
    EXPECT_EQ(repo.get(cards[0].code)->version, 1);
    EXPECT_EQ(count(t.database(), QStringLiteral("service_documents")), 3);
}

TEST_P(CatalogueRepositoryTest, ServiceDroppedFromTheFileBecomesInactiveNotDeleted)
{
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    CatalogueRepository repo(t.database());
    std::vector<ServiceCard> cards{sampleCard(QStringLiteral("00049")), sampleCard(QStringLiteral("00050")),
                                   sampleCard(QStringLiteral("00055"))};
    ASSERT_TRUE(repo.replaceAll(cards).ok());
    const ServiceCard dropped = cards[1];
    cards.erase(cards.begin() + 1);
    auto s = repo.replaceAll(cards);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->deactivated, 1);
    EXPECT_EQ(s->unchanged, 2);

    EXPECT_EQ(repo.list(true)->size(), 2u);
    auto all = repo.list(false);
    ASSERT_EQ(all->size(), 3u);
    auto got = repo.get(dropped.code);
    ASSERT_TRUE(got.ok());
    EXPECT_FALSE(got->active);
    EXPECT_EQ(got->version, 2);
    EXPECT_EQ(got->documents.size(), 1u) << "documents kept for the cases that refer to it";
    EXPECT_TRUE(repo.search(QStringLiteral("00050"))->empty());
    EXPECT_EQ(repo.search(QStringLiteral("00050"), false)->size(), 1u);

    // Dropping again is a no-op; bringing it back reactivates it.
    EXPECT_EQ(repo.replaceAll(cards)->deactivated, 0);
    cards.push_back(dropped);
    auto back = repo.replaceAll(cards);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->updated, 1);
    EXPECT_TRUE(repo.get(dropped.code)->active);
}

TEST_P(CatalogueRepositoryTest, InvalidOrDuplicateCardWritesNothing)
{
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    CatalogueRepository repo(t.database());
    ASSERT_TRUE(repo.replaceAll({sampleCard(QStringLiteral("00049"))}).ok());

    std::vector<ServiceCard> bad{sampleCard(QStringLiteral("00050")), sampleCard(QStringLiteral("00051"))};
    bad[1].legalBasis.clear();
    auto r = repo.replaceAll(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, QStringLiteral("legalBasis"));
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("00051")));

    auto dup = repo.replaceAll({sampleCard(QStringLiteral("00050")), sampleCard(QStringLiteral("00050"))});
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().field, QStringLiteral("code"));

    EXPECT_EQ(count(t.database(), QStringLiteral("services")), 1);
    EXPECT_TRUE(repo.get(ServiceCode::parse(QStringLiteral("00049")).value())->active);
}

TEST_P(CatalogueRepositoryTest, SearchIsCaseInsensitiveForUkrainian)
{
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    CatalogueRepository repo(t.database());
    ASSERT_TRUE(repo.replaceAll(shipped()).ok());

    auto r = repo.search(QStringLiteral("РЕЄСТРАЦІЯ місця ПРОЖИВАННЯ"));
    ASSERT_TRUE(r.ok());
    ASSERT_FALSE(r->empty());
    EXPECT_EQ(r->front().code.value(), QStringLiteral("01331"));
    for (const ServiceCard &c : r.value())
        EXPECT_TRUE(matchesSearch(c, QStringLiteral("реєстрація місця проживання")));

    auto apostrophe = repo.search(QStringLiteral("об’єктів благоустрою"));
    ASSERT_EQ(apostrophe->size(), 1u);

    // An exact code goes first even when other names contain the digits.
    auto byCode = repo.search(QStringLiteral("00049"));
    ASSERT_FALSE(byCode->empty());
    EXPECT_EQ(byCode->front().code.value(), QStringLiteral("00049"));

    EXPECT_TRUE(repo.search(QStringLiteral("космодром"))->empty());
    EXPECT_EQ(repo.search(QString())->size(), repo.list(true)->size());
}

CNAP_INSTANTIATE_FOR_BACKENDS(CatalogueRepositoryTest);
