#include "support/TestDatabase.h"

#include "storage/Sql.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <gtest/gtest.h>

namespace cnap::test {

std::string backendName(Backend b) { return b == Backend::Sqlite ? "Sqlite" : "Postgresql"; }

QString postgresAdminUrl()
{
    const QString url = qEnvironmentVariable("CNAP_TEST_PG_URL");
    if (url.isEmpty())
        ADD_FAILURE() << "CNAP_TEST_PG_URL is not set: PostgreSQL tests need the server that scripts/test starts";
    return url;
}

namespace {
// Runs one admin statement (CREATE/DROP DATABASE) on a short-lived connection.
bool adminExec(const storage::DatabaseUrl &admin, const QString &sql, QString *error)
{
    const QString name = QStringLiteral("cnap-test-admin-") + QUuid::createUuid().toString(QUuid::Id128);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(admin.host());
        db.setPort(admin.port());
        db.setUserName(admin.user());
        db.setPassword(admin.password());
        db.setDatabaseName(admin.databaseName());
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok && error)
                *error = q.lastError().text();
            db.close();
        } else if (error) {
            *error = db.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}
} // namespace

TestDatabase::TestDatabase(Backend backend, bool migrate) : m_backend(backend)
{
    if (backend == Backend::Sqlite) {
        m_url = QStringLiteral("sqlite:") + m_tmp.filePath(QStringLiteral("test.sqlite"));
    } else {
        const QString adminText = postgresAdminUrl();
        if (adminText.isEmpty())
            return;
        auto admin = storage::DatabaseUrl::parse(adminText);
        if (!admin) {
            ADD_FAILURE() << "bad CNAP_TEST_PG_URL: " << admin.error().message.toStdString();
            return;
        }
        m_pgName = QStringLiteral("cnap_t_") + QUuid::createUuid().toString(QUuid::Id128).left(20);
        QString error;
        if (!adminExec(admin.value(), QStringLiteral("CREATE DATABASE ") + m_pgName + QStringLiteral(" TEMPLATE template0 ENCODING 'UTF8'"), &error)) {
            ADD_FAILURE() << "cannot create test database on PostgreSQL: " << error.toStdString();
            m_pgName.clear();
            return;
        }
        m_url = admin->withDatabaseName(m_pgName).toString();
    }
    auto url = storage::DatabaseUrl::parse(m_url);
    if (!url) {
        ADD_FAILURE() << url.error().message.toStdString();
        return;
    }
    auto db = storage::Database::open(url.value());
    if (!db) {
        ADD_FAILURE() << "cannot open test database: " << db.error().message.toStdString();
        return;
    }
    if (migrate) {
        if (auto st = db.value()->migrate(); !st) {
            ADD_FAILURE() << "migration failed: " << st.error().message.toStdString();
            return;
        }
    }
    m_db = db.value();
}

TestDatabase::~TestDatabase()
{
    m_db.reset();
    if (!m_pgName.isEmpty()) {
        auto admin = storage::DatabaseUrl::parse(qEnvironmentVariable("CNAP_TEST_PG_URL"));
        if (admin)
            adminExec(admin.value(), QStringLiteral("DROP DATABASE IF EXISTS ") + m_pgName + QStringLiteral(" WITH (FORCE)"), nullptr);
    }
}

} // namespace cnap::test
