#include "core/Clock.h"
#include "core/identifiers/IdentifierFactory.h"
#include "storage/ApplicantRepository.h"
#include "storage/Sql.h"
#include "support/TestDatabase.h"

#include <QTimeZone>

#include <gtest/gtest.h>

using namespace cnap;
using namespace cnap::storage;
using cnap::test::Backend;
using cnap::test::TestDatabase;

namespace {

QString u8(const char *s) { return QString::fromUtf8(s); }

const QDateTime kNow(QDate(2025, 6, 16), QTime(10, 15, 30, 250), QTimeZone::utc());

/// A valid person; `serial` keeps РНОКПП, УНЗР and document numbers distinct.
Applicant person(const QString &surname, const QString &given, QDate birth, int serial)
{
    Applicant a;
    a.kind = ApplicantKind::Person;
    a.surname = surname;
    a.givenName = given;
    a.patronymic = u8("Іванович");
    a.birthDate = birth;
    a.sex = Sex::Male;
    a.rnokpp = makeRnokpp(birth, serial, Sex::Male);
    a.unzr = makeUnzr(birth, serial);
    a.document = {IdentityDocumentType::IdCard, makeIdCard(100000000 + serial), QStringLiteral("8031"), QDate(2021, 2, 3)};
    a.address = {u8("м. Київ, вул. Хрещатик, 22, кв. 5"), QStringLiteral("UA80000000000093317")};
    a.phone = QStringLiteral("+380 67 000 %1").arg(serial, 4, 10, QLatin1Char('0'));
    a.email = QStringLiteral("p%1@example.org").arg(serial);
    a.consentGiven = true;
    a.consentAt = kNow.addSecs(-60);
    return a;
}

Applicant entity(int base)
{
    Applicant a;
    a.kind = ApplicantKind::LegalEntity;
    a.edrpou = makeEdrpou(base);
    a.organisationName = u8("ТОВ «Кам’яний міст»");
    a.representative = {u8("Бондар Олена Петрівна"), u8("довіреність № 15 від 02.01.2025")};
    a.address = {u8("м. Львів, пл. Ринок, 1"), {}};
    a.phone = QStringLiteral("0322 000 000");
    a.consentGiven = true;
    a.consentAt = kNow;
    return a;
}

QStringList surnames(const std::vector<Applicant> &rows)
{
    QStringList out;
    for (const Applicant &a : rows)
        out << (a.isPerson() ? a.surname : a.organisationName);
    return out;
}

} // namespace

class ApplicantRepositoryTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_db.ok());
        m_repo = std::make_unique<ApplicantRepository>(m_db.database(), m_clock);
    }
    qint64 rows() { return m_repo->count().value(); }
    Applicant mustCreate(const Applicant &a)
    {
        auto r = m_repo->create(a);
        EXPECT_TRUE(r.ok()) << (r.ok() ? std::string() : r.error().describe().toStdString());
        return r.ok() ? r.value() : Applicant{};
    }

    TestDatabase m_db{GetParam()};
    ManualClock m_clock{kNow};
    std::unique_ptr<ApplicantRepository> m_repo;
};

TEST_P(ApplicantRepositoryTest, CreateStoresNormalisedPersonAndGetReadsItBack)
{
    Applicant in = person(u8("  Шевченко "), u8("Тарас"), QDate(1985, 3, 9), 1);
    in.document = {IdentityDocumentType::Passport, QStringLiteral("ka123456"), u8("Шевченківський РВ"), QDate(2001, 4, 5)};
    auto created = m_repo->create(in);
    ASSERT_TRUE(created.ok()) << created.error().describe().toStdString();
    EXPECT_GT(created->id, 0);
    EXPECT_EQ(created->version, 1);
    EXPECT_EQ(created->createdAt, kNow);
    EXPECT_EQ(created->updatedAt, kNow);

    auto back = m_repo->get(created->id);
    ASSERT_TRUE(back.ok());
    Applicant expected = in.normalized();
    expected.id = created->id;
    expected.version = 1;
    expected.createdAt = kNow;
    expected.updatedAt = kNow;
    EXPECT_EQ(back->surname, u8("Шевченко"));
    EXPECT_EQ(back->document.number, u8("КА123456"));  // Latin look-alikes stored in Cyrillic
    EXPECT_EQ(back->consentAt, in.consentAt);
    EXPECT_EQ(back.value(), expected);
}

TEST_P(ApplicantRepositoryTest, CreateStoresLegalEntityWithRepresentative)
{
    const Applicant e = mustCreate(entity(3214567));
    auto back = m_repo->get(e.id);
    ASSERT_TRUE(back.ok());
    EXPECT_TRUE(back->isLegalEntity());
    EXPECT_EQ(back->edrpou, makeEdrpou(3214567));
    EXPECT_EQ(back->representative.authority, u8("довіреність № 15 від 02.01.2025"));
    EXPECT_TRUE(back->surname.isEmpty());
    EXPECT_FALSE(back->birthDate.isValid());
    // Found by name through the same prefix search, apostrophe-insensitively.
    auto found = m_repo->searchBySurnamePrefix(u8("тов «кам'я"));
    ASSERT_TRUE(found.ok());
    ASSERT_EQ(found->size(), 1u);
    EXPECT_EQ(found->front().id, e.id);
}

TEST_P(ApplicantRepositoryTest, GetUnknownIdIsNotFound)
{
    auto r = m_repo->get(987654);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::NotFound);
}

TEST_P(ApplicantRepositoryTest, InvalidApplicantIsRefusedNamingTheFieldAndNothingIsWritten)
{
    Applicant a = person(u8("Петренко"), u8("Ірина"), QDate(1990, 1, 2), 2);
    a.rnokpp = makeRnokpp(QDate(1990, 1, 3), 2, Sex::Male);  // another birthday
    auto r = m_repo->create(a);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(r.error().field, QStringLiteral("rnokpp"));

    a = person(u8("Петренко"), u8("Ірина"), QDate(1990, 1, 2), 2);
    a.consentGiven = false;
    r = m_repo->create(a);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, QStringLiteral("consent"));

    a = person(QString(), u8("Ірина"), QDate(1990, 1, 2), 2);
    r = m_repo->create(a);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, QStringLiteral("surname"));
    EXPECT_EQ(rows(), 0);
}

TEST_P(ApplicantRepositoryTest, DuplicateRnokppIsFoundNotCreated)
{
    const Applicant first = mustCreate(person(u8("Коваленко"), u8("Петро"), QDate(1970, 5, 6), 7));
    Applicant again = person(u8("Коваленко-Сидоренко"), u8("Петро"), QDate(1970, 5, 6), 7);
    again.unzr.clear();
    again.document = {IdentityDocumentType::IdCard, makeIdCard(5), {}, {}};
    auto r = m_repo->create(again);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(r.error().field, QStringLiteral("rnokpp"));
    EXPECT_TRUE(r.error().message.contains(u8("РНОКПП")));
    EXPECT_TRUE(r.error().message.contains(QString::number(first.id)));
    EXPECT_EQ(rows(), 1);
}

TEST_P(ApplicantRepositoryTest, DuplicateEdrpouIsFoundNotCreated)
{
    mustCreate(entity(1111111));
    Applicant other = entity(1111111);
    other.organisationName = u8("ПП «Інша назва»");
    auto r = m_repo->create(other);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(r.error().field, QStringLiteral("edrpou"));
    EXPECT_EQ(rows(), 1);
}

TEST_P(ApplicantRepositoryTest, FindDuplicatesBySoftIdentifiersAndByNameAndBirthDate)
{
    const QDate birth(1988, 8, 24);
    const Applicant stored = mustCreate(person(u8("Дем’яненко"), u8("Мар’ян"), birth, 10));
    mustCreate(person(u8("Дем’яненко"), u8("Олег"), birth, 11));  // twin brother: not a duplicate

    // Same surname + name + birth date, typed differently, no identifiers in common.
    Applicant candidate = person(u8("ДЕМ'ЯНЕНКО"), u8("марʼян"), birth, 12);
    auto d = m_repo->findDuplicates(candidate);
    ASSERT_TRUE(d.ok());
    ASSERT_EQ(d->size(), 1u);
    EXPECT_EQ(d->front().id, stored.id);

    // Same УНЗР only.
    candidate = person(u8("Інший"), u8("Хтось"), birth, 13);
    candidate.unzr = stored.unzr;
    d = m_repo->findDuplicates(candidate);
    ASSERT_TRUE(d.ok());
    ASSERT_EQ(d->size(), 1u);
    EXPECT_EQ(d->front().id, stored.id);

    // Same document number only.
    candidate = person(u8("Інший"), u8("Хтось"), birth, 14);
    candidate.document.number = stored.document.number;
    d = m_repo->findDuplicates(candidate);
    ASSERT_TRUE(d.ok());
    ASSERT_EQ(d->size(), 1u);

    // Same РНОКПП; and the record itself is never its own duplicate.
    d = m_repo->findDuplicates(stored);
    ASSERT_TRUE(d.ok());
    EXPECT_TRUE(d->empty());
    candidate = stored;
    candidate.id = 0;
    d = m_repo->findDuplicates(candidate);
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->size(), 1u);

    // Nobody in common.
    d = m_repo->findDuplicates(person(u8("Нова"), u8("Людина"), QDate(2000, 1, 1), 15));
    ASSERT_TRUE(d.ok());
    EXPECT_TRUE(d->empty());

    // A legal entity by ЄДРПОУ.
    const Applicant e = mustCreate(entity(2222222));
    Applicant e2 = entity(2222222);
    d = m_repo->findDuplicates(e2);
    ASSERT_TRUE(d.ok());
    ASSERT_EQ(d->size(), 1u);
    EXPECT_EQ(d->front().id, e.id);
}

TEST_P(ApplicantRepositoryTest, ExactLookupsNormaliseTheirInput)
{
    Applicant a = person(u8("Олійник"), u8("Ганна"), QDate(1975, 12, 1), 20);
    a.sex = Sex::Female;
    a.rnokpp = makeRnokpp(a.birthDate, 20, Sex::Female);
    a.document = {IdentityDocumentType::Passport, u8("СН765432"), {}, {}};
    a.phone = QStringLiteral("+38 (050) 765-43-21");
    const Applicant stored = mustCreate(a);
    const Applicant e = mustCreate(entity(3333333));

    auto byRnokpp = m_repo->findByRnokpp(u8(" ") + a.rnokpp + u8(" "));
    ASSERT_TRUE(byRnokpp.ok());
    ASSERT_TRUE(byRnokpp->has_value());
    EXPECT_EQ((*byRnokpp)->id, stored.id);
    EXPECT_EQ((*byRnokpp)->sex, Sex::Female);
    EXPECT_FALSE(m_repo->findByRnokpp(makeRnokpp(a.birthDate, 21, Sex::Female)).value().has_value());
    EXPECT_FALSE(m_repo->findByRnokpp(QString()).value().has_value());

    auto byEdrpou = m_repo->findByEdrpou(makeEdrpou(3333333));
    ASSERT_TRUE(byEdrpou.ok() && byEdrpou->has_value());
    EXPECT_EQ((*byEdrpou)->id, e.id);
    EXPECT_FALSE(m_repo->findByEdrpou(makeEdrpou(3333334)).value().has_value());

    for (const QString &typed : {a.unzr, QString(a.unzr).remove(u'-')}) {  // with or without the dash
        auto byUnzr = m_repo->findByUnzr(typed);
        ASSERT_TRUE(byUnzr.ok());
        ASSERT_EQ(byUnzr->size(), 1u) << typed.toStdString();
        EXPECT_EQ(byUnzr->front().id, stored.id);
    }

    auto byDoc = m_repo->findByDocument(QStringLiteral("ch765432"));  // Latin c, h typed for С, Н
    ASSERT_TRUE(byDoc.ok());
    ASSERT_EQ(byDoc->size(), 1u);
    EXPECT_EQ(byDoc->front().id, stored.id);
    EXPECT_TRUE(m_repo->findByDocument(u8("СН765433")).value().empty());

    for (const char *typed : {"0507654321", "+380 50 765 43 21", "380507654321"}) {
        auto byPhone = m_repo->findByPhone(u8(typed));
        ASSERT_TRUE(byPhone.ok());
        ASSERT_EQ(byPhone->size(), 1u) << typed;
        EXPECT_EQ(byPhone->front().id, stored.id);
    }
    EXPECT_TRUE(m_repo->findByPhone(QStringLiteral("0507654320")).value().empty());
}

TEST_P(ApplicantRepositoryTest, SurnamePrefixSearchIgnoresCase)
{
    const Applicant s = mustCreate(person(u8("Шевченко"), u8("Тарас"), QDate(1980, 3, 9), 30));
    mustCreate(person(u8("Шевчук"), u8("Іван"), QDate(1981, 3, 9), 31));
    mustCreate(person(u8("Шаповал"), u8("Іван"), QDate(1982, 3, 9), 32));
    for (const char *typed : {"шевч", "ШЕВЧ", "Шевч", "  шЕвЧ  "}) {
        auto r = m_repo->searchBySurnamePrefix(u8(typed));
        ASSERT_TRUE(r.ok());
        EXPECT_EQ(surnames(r.value()), QStringList({u8("Шевченко"), u8("Шевчук")})) << typed;
    }
    auto exact = m_repo->searchBySurnamePrefix(u8("шевченко"));
    ASSERT_TRUE(exact.ok());
    ASSERT_EQ(exact->size(), 1u);
    EXPECT_EQ(exact->front().id, s.id);
    EXPECT_TRUE(m_repo->searchBySurnamePrefix(u8("шевченкоо")).value().empty());
}

TEST_P(ApplicantRepositoryTest, SurnamePrefixSearchTreatsApostrophesAsOne)
{
    mustCreate(person(u8("Мар’яненко"), u8("Ольга"), QDate(1991, 1, 1), 40));   // U+2019
    mustCreate(person(u8("Мар'янчук"), u8("Ольга"), QDate(1991, 1, 2), 41));    // U+0027
    mustCreate(person(u8("Марʼяш"), u8("Ольга"), QDate(1991, 1, 3), 42));       // U+02BC
    mustCreate(person(u8("Марченко"), u8("Ольга"), QDate(1991, 1, 4), 43));     // no apostrophe
    for (const char *typed : {"Мар’ян", "Мар'ян", "Марʼян", "мар`ян", "МАР‘ЯН"}) {
        auto r = m_repo->searchBySurnamePrefix(u8(typed));
        ASSERT_TRUE(r.ok());
        EXPECT_EQ(r->size(), 2u) << typed;
        for (const Applicant &a : r.value())
            EXPECT_TRUE(a.surname.startsWith(u8("Мар")) && a.surname != u8("Марченко")) << typed;
    }
    auto all = m_repo->searchBySurnamePrefix(u8("мар’я"));
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->size(), 3u);
}

TEST_P(ApplicantRepositoryTest, SurnamePrefixDoesNotReachBeyondThePrefixAndHonoursOrderAndLimit)
{
    int serial = 50;
    for (const char *s : {"Кіт", "Коваль", "Козак", "Ко", "Кравець", "К", "Кобзар", "Кп", "Кн", "Коваль"})
        mustCreate(person(u8(s), u8("Андрій"), QDate(1960, 1, 1).addDays(serial), serial)), ++serial;
    auto r = m_repo->searchBySurnamePrefix(u8("Ко"));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(surnames(r.value()), QStringList({u8("Ко"), u8("Кобзар"), u8("Коваль"), u8("Коваль"), u8("Козак")}));
    // The two Ковалі come in id order.
    EXPECT_LT(r->at(2).id, r->at(3).id);

    auto limited = m_repo->searchBySurnamePrefix(u8("Ко"), 2);
    ASSERT_TRUE(limited.ok());
    EXPECT_EQ(surnames(limited.value()), QStringList({u8("Ко"), u8("Кобзар")}));

    auto bad = m_repo->searchBySurnamePrefix(u8("Ко"), 0);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().field, QStringLiteral("limit"));
    EXPECT_FALSE(m_repo->searchBySurnamePrefix(u8("Ко"), 501).ok());

    // An empty prefix is not a way to list the register.
    EXPECT_TRUE(m_repo->searchBySurnamePrefix(QStringLiteral("   ")).value().empty());
}

TEST_P(ApplicantRepositoryTest, HostileSearchInputFindsNothingAndHarmsNothing)
{
    mustCreate(person(u8("Бондаренко"), u8("Ліна"), QDate(1999, 9, 9), 60));
    const QStringList evil = {
        QStringLiteral("'; DROP TABLE applicants; --"),
        QStringLiteral("' OR '1'='1"),
        QStringLiteral("\" OR 1=1 --"),
        QStringLiteral("%"),
        QStringLiteral("_"),
        QStringLiteral("*"),
        QStringLiteral("Бонд' UNION SELECT * FROM applicants --"),
        QStringLiteral("\\"),
        QString(QChar(0xFFFF)),
    };
    for (const QString &s : evil) {
        auto r = m_repo->searchBySurnamePrefix(s);
        ASSERT_TRUE(r.ok()) << s.toStdString() << ": " << r.error().describe().toStdString();
        EXPECT_TRUE(r->empty()) << s.toStdString();
        EXPECT_FALSE(m_repo->findByRnokpp(s).value().has_value());
        EXPECT_TRUE(m_repo->findByDocument(s).value().empty());
        EXPECT_TRUE(m_repo->findByUnzr(s).value().empty());
        EXPECT_FALSE(m_repo->findByEdrpou(s).value().has_value());
    }
    EXPECT_EQ(rows(), 1);
    EXPECT_EQ(m_repo->searchBySurnamePrefix(u8("бонд")).value().size(), 1u);
}

TEST_P(ApplicantRepositoryTest, OptimisticLockRejectsTheSecondWriterOfTheSameVersion)
{
    const Applicant stored = mustCreate(person(u8("Гончар"), u8("Віктор"), QDate(1965, 4, 4), 70));
    Applicant mine = m_repo->get(stored.id).value();
    Applicant theirs = m_repo->get(stored.id).value();

    m_clock.advanceSecs(30);
    mine.phone = QStringLiteral("0931112233");
    auto saved = m_repo->update(mine);
    ASSERT_TRUE(saved.ok()) << saved.error().describe().toStdString();
    EXPECT_EQ(saved->version, 2);
    EXPECT_EQ(saved->phone, QStringLiteral("0931112233"));
    EXPECT_EQ(saved->updatedAt, kNow.addSecs(30));
    EXPECT_EQ(saved->createdAt, kNow);

    theirs.email = QStringLiteral("other@example.org");
    auto lost = m_repo->update(theirs);
    ASSERT_FALSE(lost.ok());
    EXPECT_EQ(lost.error().code, ErrorCode::Conflict);
    EXPECT_TRUE(lost.error().message.contains(u8("запис змінив інший користувач")));

    const Applicant now = m_repo->get(stored.id).value();
    EXPECT_EQ(now.version, 2);
    EXPECT_EQ(now.phone, QStringLiteral("0931112233"));
    EXPECT_EQ(now.email, stored.email);  // the losing write left no trace
    EXPECT_EQ(m_repo->findByPhone(QStringLiteral("+380931112233")).value().size(), 1u);

    // Re-read and retry succeeds.
    Applicant retry = now;
    retry.email = QStringLiteral("other@example.org");
    auto ok = m_repo->update(retry);
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->version, 3);
}

TEST_P(ApplicantRepositoryTest, UpdateRefusesUnknownIdKindChangeDuplicatesAndInvalidData)
{
    const Applicant a = mustCreate(person(u8("Ткаченко"), u8("Юрій"), QDate(1977, 7, 7), 80));
    const Applicant b = mustCreate(person(u8("Ткачук"), u8("Юрій"), QDate(1977, 7, 8), 81));

    Applicant ghost = a;
    ghost.id = a.id + 1000;
    auto r = m_repo->update(ghost);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::NotFound);

    Applicant unsaved = a;
    unsaved.id = 0;
    EXPECT_EQ(m_repo->update(unsaved).error().field, QStringLiteral("id"));

    Applicant stolen = b;  // give b the РНОКПП (and birth date) of a
    stolen.birthDate = a.birthDate;
    stolen.rnokpp = a.rnokpp;
    stolen.unzr.clear();
    stolen.document.issueDate = {};
    r = m_repo->update(stolen);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(r.error().field, QStringLiteral("rnokpp"));

    Applicant bad = b;
    bad.givenName.clear();
    r = m_repo->update(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, QStringLiteral("givenName"));

    Applicant turned = entity(4444444);
    turned.id = b.id;
    turned.version = b.version;
    r = m_repo->update(turned);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, QStringLiteral("kind"));

    const Applicant still = m_repo->get(b.id).value();
    EXPECT_EQ(still.version, 1);
    EXPECT_EQ(still.givenName, u8("Юрій"));
    EXPECT_EQ(still.rnokpp, b.rnokpp);
}

TEST_P(ApplicantRepositoryTest, InsertBatchLoadsEverythingInOneGo)
{
    std::vector<Applicant> batch;
    for (int i = 0; i < 257; ++i)  // two full chunks of 100 and 57 single rows
        batch.push_back(person(i % 2 ? u8("Мельник") : u8("Мельничук"), u8("Степан"), QDate(1950, 1, 1).addDays(i), i));
    batch.push_back(entity(5555555));
    const bool sqlite = GetParam() == Backend::Sqlite;
    auto cacheSize = [&] { return execOne(m_db.database()->db(), QStringLiteral("PRAGMA cache_size")).value().value(0).toInt(); };
    const int cacheBefore = sqlite ? cacheSize() : 0;
    auto n = m_repo->insertBatch(batch);
    ASSERT_TRUE(n.ok()) << n.error().describe().toStdString();
    EXPECT_EQ(n.value(), 258);
    if (sqlite) {
        EXPECT_EQ(cacheSize(), cacheBefore);  // the bulk-load page cache is given back
    }
    EXPECT_EQ(rows(), 258);
    EXPECT_TRUE(m_repo->refreshStatistics().ok());

    auto r = m_repo->searchBySurnamePrefix(u8("мельнич"), 500);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->size(), 129u);
    auto one = m_repo->findByRnokpp(batch[200].rnokpp);
    ASSERT_TRUE(one.ok() && one->has_value());
    EXPECT_EQ((*one)->birthDate, batch[200].birthDate);
    EXPECT_EQ((*one)->version, 1);
    EXPECT_TRUE(m_repo->findByEdrpou(makeEdrpou(5555555)).value().has_value());
    EXPECT_EQ(m_repo->insertBatch({}).value(), 0);
}

TEST_P(ApplicantRepositoryTest, InsertBatchIsAllOrNothing)
{
    std::vector<Applicant> batch;
    for (int i = 0; i < 150; ++i)
        batch.push_back(person(u8("Лисенко"), u8("Микола"), QDate(1940, 1, 1).addDays(i), i));
    batch[120].surname.clear();
    auto n = m_repo->insertBatch(batch);
    ASSERT_FALSE(n.ok());
    EXPECT_EQ(n.error().field, QStringLiteral("surname"));
    EXPECT_TRUE(n.error().message.contains(QStringLiteral("121")));
    EXPECT_EQ(rows(), 0);

    batch[120].surname = u8("Лисенко");
    batch[140].rnokpp = batch[10].rnokpp;  // a duplicate inside the batch, caught by the index
    batch[140].birthDate = batch[10].birthDate;
    batch[140].unzr.clear();
    n = m_repo->insertBatch(batch);
    ASSERT_FALSE(n.ok());
    EXPECT_EQ(n.error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(rows(), 0);

    mustCreate(person(u8("Лисенко"), u8("Микола"), QDate(1940, 1, 1), 0));  // clashes with batch[0]
    batch[140] = person(u8("Лисенко"), u8("Микола"), QDate(1940, 1, 1).addDays(140), 140);
    n = m_repo->insertBatch(batch);
    ASSERT_FALSE(n.ok());
    EXPECT_EQ(n.error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(rows(), 1);
}

TEST_P(ApplicantRepositoryTest, PersonWhoRefusedRnokppIsStoredAndFoundByPassport)
{
    Applicant a = person(u8("Зав’ялов"), u8("Іоанн"), QDate(1955, 2, 2), 90);
    a.rnokpp.clear();
    a.rnokppRefused = true;
    a.document = {IdentityDocumentType::Passport, u8("ВК111222"), u8("Печерським РУ"), QDate(1998, 3, 3)};
    const Applicant stored = mustCreate(a);
    EXPECT_TRUE(stored.rnokppRefused);
    EXPECT_TRUE(stored.rnokpp.isEmpty());
    // Two refusals do not clash on the (NULL) РНОКПП.
    Applicant b = person(u8("Зав’ялова"), u8("Марія"), QDate(1957, 2, 2), 91);
    b.rnokpp.clear();
    b.rnokppRefused = true;
    b.document = {IdentityDocumentType::Passport, u8("ВК111223"), {}, {}};
    mustCreate(b);
    auto found = m_repo->findByDocument(u8("вк111222"));
    ASSERT_TRUE(found.ok());
    ASSERT_EQ(found->size(), 1u);
    EXPECT_EQ(found->front().id, stored.id);
}

CNAP_INSTANTIATE_FOR_BACKENDS(ApplicantRepositoryTest);
