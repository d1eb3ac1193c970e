#pragma once

// Shared set-up for the case tests: a catalogue with a few cards, applicants,
// sample files of every supported type, a service on a manual clock.

#include "core/Clock.h"
#include "services/CaseService.h"
#include "support/TestDatabase.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace cnap::test {

/// Codes of the cards seedCatalogue() stores.
inline const QString kFreeService = QStringLiteral("00049");     ///< 10 working days, free, 2 documents
inline const QString kPaidService = QStringLiteral("00100");     ///< 30 calendar days, 85 грн
inline const QString kRegistryService = QStringLiteral("00201"); ///< routed to a registry, 5 working days

/// Stores the test catalogue; false (with a gtest failure) when it cannot.
bool seedCatalogue(const storage::DatabasePtr &db);

/// Minimal valid files of each type.
QByteArray samplePdf(int variant = 0);
QByteArray sampleJpeg();
QByteArray samplePng();
QByteArray sampleTiff();

/// A person applicant with a valid РНОКПП made from `serial`.
Applicant samplePerson(int serial, const QString &surname = QStringLiteral("Шевченко"));

/// Monday 2 March 2026, 08:00 UTC.
QDateTime fixtureStart();

/// A request for the free service with one PDF attached.
services::RegistrationRequest sampleRequest(int serial = 1);

/// A migrated database with the catalogue, a store in its temp folder, and a service on a manual clock.
class CaseFixture {
public:
    explicit CaseFixture(Backend backend, services::CaseServiceOptions options = {});
    [[nodiscard]] bool ok() const { return m_ok; }
    TestDatabase &database() { return m_db; }
    services::CaseService &service() { return *m_service; }
    ManualClock &clock() { return m_clock; }
    [[nodiscard]] QString storeDir() const;
    /// Rows in a table (tests look behind the service's back).
    [[nodiscard]] qint64 rows(const QString &table);

private:
    TestDatabase m_db;
    ManualClock m_clock;
    std::unique_ptr<services::CaseService> m_service;
    bool m_ok = false;
};

} // namespace cnap::test
