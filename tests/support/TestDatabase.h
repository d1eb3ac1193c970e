#pragma once

#include "storage/Database.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <string>

namespace cnap::test {

/// The two backends every storage test runs against.
enum class Backend { Sqlite, Postgresql };

/// gtest parameter printer: "Sqlite" / "Postgresql".
std::string backendName(Backend b);

/// A fresh, migrated database for one test: a temporary SQLite file, or a new
/// database on the PostgreSQL server named by CNAP_TEST_PG_URL (started by
/// scripts/test).  PostgreSQL is never skipped: without the variable, or when
/// the server does not answer, the test fails.
class TestDatabase final {
public:
    explicit TestDatabase(Backend backend, bool migrate = true);
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    [[nodiscard]] bool ok() const { return m_db != nullptr; }
    [[nodiscard]] storage::DatabasePtr database() const { return m_db; }
    [[nodiscard]] QString url() const { return m_url; }   ///< for child processes (cnapctl --db)
    [[nodiscard]] QString dir() const { return m_tmp.path(); }  ///< scratch folder for this test
    [[nodiscard]] Backend backend() const { return m_backend; }

private:
    Backend m_backend;
    QTemporaryDir m_tmp;
    QString m_url;
    QString m_pgName;
    storage::DatabasePtr m_db;
};

/// The admin URL of the test PostgreSQL server (CNAP_TEST_PG_URL); fails the test when unset.
QString postgresAdminUrl();

} // namespace cnap::test

/// Instantiates a value-parameterised suite for both backends.
#define CNAP_INSTANTIATE_FOR_BACKENDS(Suite)                                                          \
    INSTANTIATE_TEST_SUITE_P(Backends, Suite,                                                         \
                             ::testing::Values(::cnap::test::Backend::Sqlite,                         \
                                               ::cnap::test::Backend::Postgresql),                    \
                             [](const ::testing::TestParamInfo<::cnap::test::Backend> &p) {           \
                                 return ::cnap::test::backendName(p.param);                           \
                             })
