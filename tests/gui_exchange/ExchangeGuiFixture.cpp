#include "ExchangeGuiFixture.h"

#include "services/CaseService.h"
#include "storage/ApplicantRepository.h"
#include "storage/CaseRepository.h"
#include "storage/OutboxRepository.h"

#include <QDir>
#include <QMessageBox>

namespace cnap::test {

ExchangeGuiFixture::ExchangeGuiFixture(Backend backend) : m_outbox(std::make_unique<outbox::OutboxFixture>(backend))
{
    if (!m_outbox->ok())
        return;
    m_settings = std::make_unique<gui::Settings>(QDir(dir()).filePath(QStringLiteral("desk.ini")));
    m_settings->setValue(gui::Settings::Key::DocumentStoreDir, QDir(dir()).filePath(QStringLiteral("store")));
    m_runner = std::make_unique<gui::TaskRunner>();
    auto db = database();
    m_runner->setThreadCleanup([db]() { db->releaseThreadConnection(); });
    m_ok = true;
}

ExchangeGuiFixture::~ExchangeGuiFixture()
{
    m_runner.reset();  // the worker's connection goes before the database is dropped
}

gui::AppContext ExchangeGuiFixture::contextAs(Role role, const QString &login)
{
    gui::AppContext c;
    c.database = database();
    c.actor = Actor{900001, login, role, QStringLiteral("3")};
    c.settings = m_settings.get();
    c.runner = m_runner.get();
    return c;
}

QString ExchangeGuiFixture::writeSyncConfig(const QString &url, const std::function<void(::cnap::exchange::sync::SyncConfig &)> &tweak)
{
    QDir(dir()).mkpath(QStringLiteral("conf"));
    auto config = outbox::syncConfig(url);
    if (tweak)
        tweak(config);
    return outbox::writeConfigFile(QDir(dir()).filePath(QStringLiteral("conf")), config);
}

QString ExchangeGuiFixture::registerDeadCase(int serial)
{
    services::RegistrationRequest r;
    Applicant a = outbox::residentPerson(serial);
    a.address.katottg.clear();
    r.applicant.candidate = a;
    r.serviceCode = outbox::kResidence;
    r.allProvided = true;
    r.objectAddress = QStringLiteral("м. Харків, вул. Сумська, буд. 25, кв. %1").arg(serial);
    auto res = m_outbox->cases().registerCase(Actor::system(), r);
    if (!res) {
        ADD_FAILURE() << "registration failed: " << res.error().describe().toStdString();
        return {};
    }
    return res->details.summary.number;
}

bool ExchangeGuiFixture::fixApplicantOf(const QString &caseNumber)
{
    auto details = storage::CaseRepository(database()).getByNumber(caseNumber);
    if (!details)
        return false;
    storage::ApplicantRepository applicants(database());
    auto a = applicants.get(details->summary.applicantId);
    if (!a)
        return false;
    Applicant fixed = a.value();
    fixed.address.katottg = QStringLiteral("UA63120270010096107");
    auto saved = applicants.update(fixed);
    if (!saved)
        ADD_FAILURE() << saved.error().describe().toStdString();
    return saved.ok();
}

storage::OutboxItem ExchangeGuiFixture::item(const QString &caseNumber)
{
    auto items = storage::OutboxRepository(database()).forCase(caseNumber);
    if (!items || items->isEmpty())
        return {};
    return items->constLast();
}

QString presentedError(QWidget *parent)
{
    const auto boxes = parent->findChildren<QMessageBox *>();
    for (QMessageBox *b : boxes) {
        if (b->isVisible())
            return b->windowTitle() + QStringLiteral(": ") + b->text();
    }
    return {};
}

void closeMessageBoxes(QWidget *parent)
{
    for (QMessageBox *b : parent->findChildren<QMessageBox *>())
        b->close();
}

} // namespace cnap::test
