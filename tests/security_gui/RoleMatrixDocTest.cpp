// docs/security.md carries the role matrix for people; this keeps it true: the
// table is parsed and compared with allowed() cell by cell, in both directions
// (every permission has a row, every row names a permission).

#include "core/security/Access.h"
#include "support/TestEnv.h"

#include <QFile>
#include <QMap>
#include <QSet>

#include <gtest/gtest.h>

using namespace cnap;

namespace {

const QMap<QString, Permission> &permissions()
{
    using P = Permission;
    static const QMap<QString, Permission> map{
        {QStringLiteral("QueueIssueTicket"), P::QueueIssueTicket}, {QStringLiteral("QueueServeDesk"), P::QueueServeDesk},
        {QStringLiteral("QueueViewBoard"), P::QueueViewBoard}, {QStringLiteral("QueuePauseCentre"), P::QueuePauseCentre},
        {QStringLiteral("QueueConfigure"), P::QueueConfigure}, {QStringLiteral("ApplicantRead"), P::ApplicantRead},
        {QStringLiteral("ApplicantWrite"), P::ApplicantWrite}, {QStringLiteral("CaseRegister"), P::CaseRegister},
        {QStringLiteral("CaseRead"), P::CaseRead}, {QStringLiteral("CaseTransition"), P::CaseTransition},
        {QStringLiteral("CaseIssueResult"), P::CaseIssueResult}, {QStringLiteral("CatalogueRead"), P::CatalogueRead},
        {QStringLiteral("CatalogueWrite"), P::CatalogueWrite}, {QStringLiteral("ExchangeRun"), P::ExchangeRun},
        {QStringLiteral("ExchangeRequeue"), P::ExchangeRequeue}, {QStringLiteral("ExchangeViewLog"), P::ExchangeViewLog},
        {QStringLiteral("ReportsView"), P::ReportsView}, {QStringLiteral("ReportsExport"), P::ReportsExport},
        {QStringLiteral("FeedbackSubmit"), P::FeedbackSubmit}, {QStringLiteral("UsersManage"), P::UsersManage},
        {QStringLiteral("AuditView"), P::AuditView}, {QStringLiteral("AuditVerify"), P::AuditVerify},
        {QStringLiteral("SystemAdminister"), P::SystemAdminister},
    };
    return map;
}

} // namespace

TEST(RoleMatrixDoc, TableInSecurityMdMatchesAllowed)
{
    QFile f(test::sourceDir() + QStringLiteral("/docs/security.md"));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n');
    QList<Role> columns;
    QSet<QString> seen;
    for (const QString &line : lines) {
        if (!line.startsWith(u'|'))
            continue;
        QStringList cells = line.split(u'|');
        cells = cells.mid(1, cells.size() - 2);
        for (QString &c : cells)
            c = c.trimmed();
        if (cells.value(0) == QStringLiteral("Permission")) {
            for (const QString &key : cells.mid(1)) {
                auto r = roleFromKey(key);
                ASSERT_TRUE(r.ok()) << key.toStdString();
                columns << r.value();
            }
            continue;
        }
        if (columns.isEmpty() || !permissions().contains(cells.value(0)))
            continue;
        const Permission p = permissions().value(cells[0]);
        seen.insert(cells[0]);
        ASSERT_EQ(cells.size(), columns.size() + 1) << line.toStdString();
        for (int i = 0; i < columns.size(); ++i) {
            const QString mark = cells[i + 1];
            ASSERT_TRUE(mark == QStringLiteral("✓") || mark == QStringLiteral("–")) << line.toStdString();
            EXPECT_EQ(mark == QStringLiteral("✓"), allowed(columns[i], p))
                << cells[0].toStdString() << " for " << roleKey(columns[i]).toStdString();
        }
    }
    EXPECT_EQ(columns.size(), 5);
    EXPECT_EQ(seen.size(), permissions().size()) << "every permission has a row";
    // SystemAdminister is the enum's last value: a new permission must be added here and to the doc.
    EXPECT_EQ(permissions().size(), static_cast<int>(Permission::SystemAdminister) + 1);
}
