#include "CaseFixture.h"

#include "core/identifiers/IdentifierFactory.h"
#include "storage/CatalogueRepository.h"
#include "storage/Sql.h"

#include <gtest/gtest.h>

namespace cnap::test {

namespace {
ServiceCard card(const QString &code, const QString &name, int term, TermUnit unit, qint64 fee)
{
    ServiceCard c(ServiceCode::parse(code).value());
    c.name = name;
    c.provider.name = QStringLiteral("Виконавчий комітет міської ради");
    c.documents = {
        RequiredDocument{QStringLiteral("Заява"), DocumentForm::Original, true, QStringLiteral("за формою")},
        RequiredDocument{QStringLiteral("Паспорт громадянина України"), DocumentForm::Copy, true, QStringLiteral("копія")},
    };
    c.term = term;
    c.termUnit = unit;
    c.feeKopecks = fee;
    c.feeNote = fee ? QStringLiteral("державне мито") : QStringLiteral("безоплатно");
    c.legalBasis = QStringLiteral("Закон України «Про адміністративні послуги»");
    c.result = QStringLiteral("довідка");
    return c;
}
} // namespace

bool seedCatalogue(const storage::DatabasePtr &db)
{
    std::vector<ServiceCard> cards;
    cards.push_back(card(kFreeService, QStringLiteral("Реєстрація місця проживання особи"), 10, TermUnit::WorkingDays, 0));
    cards.push_back(card(kPaidService, QStringLiteral("Державна реєстрація шлюбу"), 30, TermUnit::CalendarDays, 8500));
    ServiceCard reg = card(kRegistryService, QStringLiteral("Видача витягу з реєстру територіальної громади"), 5, TermUnit::WorkingDays, 0);
    reg.route = RouteKind::Registry;
    reg.registry = RegistryBinding{QStringLiteral("TerritorialCommunityExtract"), QStringLiteral("v1")};
    cards.push_back(reg);
    auto r = storage::CatalogueRepository(db).replaceAll(cards);
    if (!r) {
        ADD_FAILURE() << "cannot seed the catalogue: " << r.error().describe().toStdString();
        return false;
    }
    return true;
}

QByteArray samplePdf(int variant)
{
    return QByteArrayLiteral("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% variant ") + QByteArray::number(variant)
         + QByteArrayLiteral("\n%%EOF\n");
}
QByteArray sampleJpeg() { return QByteArray("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xFF\xD9", 22); }
QByteArray samplePng() { return QByteArray("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR\x00\x00\x00\x01", 20); }
QByteArray sampleTiff() { return QByteArray("II\x2A\x00\x08\x00\x00\x00\x00\x00", 10); }

Applicant samplePerson(int serial, const QString &surname)
{
    Applicant a;
    a.kind = ApplicantKind::Person;
    a.surname = surname;
    a.givenName = QStringLiteral("Тарас");
    a.patronymic = QStringLiteral("Григорович");
    a.birthDate = QDate(1980, 1, 1).addDays(serial % 5000);
    a.sex = Sex::Male;
    a.rnokpp = makeRnokpp(a.birthDate, serial % 1000, Sex::Male);
    a.consentGiven = true;
    a.consentAt = fixtureStart();
    return a;
}

QDateTime fixtureStart() { return QDateTime(QDate(2026, 3, 2), QTime(8, 0), QTimeZone::utc()); }

services::RegistrationRequest sampleRequest(int serial)
{
    services::RegistrationRequest r;
    r.applicant.candidate = samplePerson(serial);
    r.serviceCode = kFreeService;
    r.attachments = {{QStringLiteral("заява.pdf"), samplePdf(serial)}};
    r.objectAddress = QStringLiteral("м. Київ, вул. Хрещатик, 1");
    r.administratorName = QStringLiteral("Іваненко О. П.");
    return r;
}

CaseFixture::CaseFixture(Backend backend, services::CaseServiceOptions options) : m_db(backend), m_clock(fixtureStart())
{
    if (!m_db.ok() || !seedCatalogue(m_db.database()))
        return;
    m_service = std::make_unique<services::CaseService>(m_db.database(), std::make_shared<storage::DocumentStore>(storeDir()),
                                                        std::move(options), m_clock);
    m_ok = true;
}

QString CaseFixture::storeDir() const { return m_db.dir() + QStringLiteral("/store"); }

qint64 CaseFixture::rows(const QString &table)
{
    auto q = storage::execOne(m_db.database()->db(), QStringLiteral("SELECT COUNT(*) FROM ") + table);
    return q ? q->value(0).toLongLong() : -1;
}

} // namespace cnap::test
