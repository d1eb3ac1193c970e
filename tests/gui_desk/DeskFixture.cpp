#include "DeskFixture.h"

#include "core/identifiers/IdentifierFactory.h"
#include "storage/CatalogueRepository.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QPainter>
#include <QPdfWriter>
#include <QTest>

#include <gtest/gtest.h>

namespace cnap::test {
namespace {
ServiceCard card(const QString &code, const QString &name, int term, TermUnit unit, qint64 fee)
{
    ServiceCard c(ServiceCode::parse(code).value());
    c.name = name;
    c.provider.name = QStringLiteral("Виконавчий комітет міської ради");
    c.documents = {
        RequiredDocument{QStringLiteral("Заява"), DocumentForm::Original, true, QString()},
        RequiredDocument{QStringLiteral("Паспорт громадянина України"), DocumentForm::Copy, true, QString()},
    };
    c.term = term;
    c.termUnit = unit;
    c.feeKopecks = fee;
    c.legalBasis = QStringLiteral("Закон України «Про адміністративні послуги»");
    c.result = QStringLiteral("довідка");
    return c;
}
} // namespace

DeskFixture::DeskFixture(Backend backend)
    : m_db(backend), m_clock(QDateTime(QDate(2026, 3, 2), QTime(8, 0), QTimeZone::utc()))
{
    if (!m_db.ok())
        return;
    std::vector<ServiceCard> cards;
    cards.push_back(card(kDeskService, QStringLiteral("Реєстрація місця проживання особи"), 10, TermUnit::WorkingDays, 0));
    cards.push_back(card(kDeskPaidService, QStringLiteral("Державна реєстрація шлюбу"), 30, TermUnit::CalendarDays, 8500));
    if (auto r = storage::CatalogueRepository(m_db.database()).replaceAll(cards); !r) {
        ADD_FAILURE() << r.error().describe().toStdString();
        return;
    }
    m_settings = std::make_unique<gui::Settings>(QDir(m_db.dir()).filePath(QStringLiteral("desk.ini")));
    m_settings->setValue(gui::Settings::Key::DocumentStoreDir, QDir(m_db.dir()).filePath(QStringLiteral("store")));
    m_runner = std::make_unique<gui::TaskRunner>();
    auto database = m_db.database();
    m_runner->setThreadCleanup([database]() { database->releaseThreadConnection(); });
    m_context.database = database;
    m_context.actor = Actor{0, QStringLiteral("clerk1"), Role::Clerk, QStringLiteral("3")};
    m_context.settings = m_settings.get();
    m_context.runner = m_runner.get();
    m_context.clock = &m_clock;
    m_services = gui::desk::DeskServices::create(m_context);
    m_ok = m_services && m_services->cases;
    if (!m_ok)
        ADD_FAILURE() << "desk services: " << m_services->storeProblem.toStdString();
}

DeskFixture::~DeskFixture()
{
    m_services.reset();
    m_runner.reset();  // the worker's connection goes before the database is dropped
}

Applicant DeskFixture::person(int serial, const QString &surname)
{
    Applicant a;
    a.surname = surname;
    a.givenName = QStringLiteral("Олена");
    a.patronymic = QStringLiteral("Петрівна");
    a.birthDate = QDate(1975, 1, 1).addDays(serial * 7);
    a.sex = Sex::Female;
    a.rnokpp = makeRnokpp(a.birthDate, serial % 1000, Sex::Female);
    a.consentGiven = true;
    a.consentAt = QDateTime(QDate(2026, 3, 2), QTime(8, 0), QTimeZone::utc());
    return a;
}

bool DeskFixture::registerCases(int count)
{
    bool ok = true;
    const Actor actor = clerk();
    auto cases = m_services->cases;
    m_runner->runBlocking([&]() {
        for (int i = 0; i < count && ok; ++i) {
            services::RegistrationRequest r;
            r.applicant.candidate = person(i + 1, i % 2 ? QStringLiteral("Бондар") : QStringLiteral("Мельник"));
            r.serviceCode = kDeskService;
            r.allProvided = true;
            auto res = cases->registerCase(actor, r);
            if (!res) {
                ADD_FAILURE() << res.error().describe().toStdString();
                ok = false;
            }
        }
    });
    return ok;
}

QByteArray realPdf()
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        QPainter p(&writer);
        p.drawText(100, 100, QStringLiteral("Заява"));
    }
    return bytes;
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QTest::qWait(5);
    }
    return true;
}

} // namespace cnap::test
