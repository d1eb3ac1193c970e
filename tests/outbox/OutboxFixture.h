#pragma once

// Shared set-up for the outbox tests: a catalogue whose services go through the
// registries, applicants with what the registries need, a case service, a sync
// configuration pointing at a simulator, and readers of the simulator's journal.

#include "core/Clock.h"
#include "exchange/sync/SyncConfig.h"
#include "services/CaseService.h"
#include "storage/OutboxRepository.h"
#include "support/TestDatabase.h"

#include <QHash>
#include <QString>

#include <memory>

namespace cnap::test::outbox {

inline const QString kResidence = QStringLiteral("01331");  ///< RegisterResidence
inline const QString kSocial = QStringLiteral("00201");     ///< SubmitSocialApplication (birth assistance)
inline const QString kLookup = QStringLiteral("00430");     ///< LookupLegalEntity
inline const QString kPaper = QStringLiteral("00049");      ///< no registry

/// A person with a passport, РНОКПП and a КАТОТТГ-coded address.
Applicant residentPerson(int serial);

/// Sync configuration for a simulator at `url`: our client, every provider, tiny backoff.
::cnap::exchange::sync::SyncConfig syncConfig(const QString &url);
/// Writes the same as an INI file (for cnap-syncd and cnapctl); returns its path.
QString writeConfigFile(const QString &dir, const ::cnap::exchange::sync::SyncConfig &c, const QString &extra = {});

/// How many times the simulator acted (stored an answer) per message id.
QHash<QString, int> simActions(const QString &stateDir);

class OutboxFixture {
public:
    explicit OutboxFixture(Backend backend);
    [[nodiscard]] bool ok() const { return m_ok; }
    TestDatabase &database() { return m_db; }
    services::CaseService &cases() { return *m_cases; }
    /// Registers a case of `service` for a new applicant; returns its number.
    QString registerCase(const QString &service, int serial, bool withAttachment = true);
    QList<storage::OutboxItem> items();
    [[nodiscard]] CaseState caseState(const QString &number);

private:
    TestDatabase m_db;
    std::unique_ptr<services::CaseService> m_cases;
    bool m_ok = false;
};

} // namespace cnap::test::outbox
