#include "storage/AuditRepository.h"

#include "storage/Sql.h"

#include <QSqlQuery>
#include <QStringList>

namespace cnap::storage {

namespace {
const QString kColumns = QStringLiteral(
    "seq, at, login, role, desk, action, object_type, object_id, details, prev_hash, hash");

AuditRow fromQuery(const QSqlQuery &q)
{
    AuditRow r;
    r.seq = q.value(0).toLongLong();
    r.at = q.value(1).toString();
    r.login = q.value(2).toString();
    r.role = q.value(3).toString();
    r.desk = q.value(4).toString();
    r.action = q.value(5).toString();
    r.objectType = q.value(6).toString();
    r.objectId = q.value(7).toString();
    r.details = q.value(8).toString();
    r.prevHash = q.value(9).toString();
    r.hash = q.value(10).toString();
    return r;
}

// Qt binds a null QString as SQL NULL; the audit columns are NOT NULL, empty allowed.
QString text(const QString &s) { return s.isNull() ? QStringLiteral("") : s; }

Result<std::vector<AuditRow>> collect(Result<QSqlQuery> q)
{
    if (!q)
        return q.error();
    std::vector<AuditRow> out;
    while (q->next())
        out.push_back(fromQuery(q.value()));
    return out;
}
} // namespace

Result<AuditHead> AuditRepository::lockHead()
{
    QString sql = QStringLiteral("SELECT seq, hash FROM audit_chain_head WHERE id = 1");
    if (isPostgres(m_db))
        sql += QStringLiteral(" FOR UPDATE");
    auto q = execOne(m_db, sql);
    if (!q)
        return q.error();
    return AuditHead{q->value(0).toLongLong(), q->value(1).toString()};
}

Result<AuditHead> AuditRepository::head() const
{
    auto q = execOne(m_db, QStringLiteral("SELECT seq, hash FROM audit_chain_head WHERE id = 1"));
    if (!q)
        return q.error();
    return AuditHead{q->value(0).toLongLong(), q->value(1).toString()};
}

Status AuditRepository::append(const AuditRow &r)
{
    CNAP_TRY(exec(m_db,
                  QStringLiteral("INSERT INTO audit_log (seq, at, login, role, desk, action, object_type, object_id, "
                                 "details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  {r.seq, text(r.at), text(r.login), text(r.role), text(r.desk), text(r.action), text(r.objectType), text(r.objectId),
                   text(r.details), text(r.prevHash), text(r.hash)}));
    CNAP_TRY(exec(m_db, QStringLiteral("UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1"), {r.seq, r.hash}));
    return {};
}

Result<std::vector<AuditRow>> AuditRepository::page(qint64 afterSeq, int limit) const
{
    return collect(exec(m_db,
                        QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?"),
                        {afterSeq, limit}));
}

Result<std::optional<AuditRow>> AuditRepository::bySeq(qint64 seq) const
{
    auto rows = collect(exec(m_db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log WHERE seq = ?"), {seq}));
    if (!rows)
        return rows.error();
    if (rows->empty())
        return std::optional<AuditRow>();
    return std::optional<AuditRow>(rows->front());
}

Result<std::optional<qint64>> AuditRepository::seqOfHash(const QString &hash) const
{
    auto q = exec(m_db, QStringLiteral("SELECT seq FROM audit_log WHERE hash = ? ORDER BY seq LIMIT 1"), {hash});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<qint64>();
    return std::optional<qint64>(q->value(0).toLongLong());
}

Result<std::vector<AuditRow>> AuditRepository::find(const AuditQuery &f) const
{
    QStringList where;
    QVariantList binds;
    const auto add = [&](const QString &value, const QString &clause) {
        if (!value.isEmpty()) {
            where << clause;
            binds << value;
        }
    };
    add(f.fromAt, QStringLiteral("at >= ?"));
    add(f.toAt, QStringLiteral("at < ?"));
    add(f.login, QStringLiteral("login = ?"));
    add(f.action, QStringLiteral("action = ?"));
    add(f.objectType, QStringLiteral("object_type = ?"));
    add(f.objectId, QStringLiteral("object_id = ?"));
    if (f.beforeSeq > 0) {
        where << QStringLiteral("seq < ?");
        binds << f.beforeSeq;
    }
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY seq DESC LIMIT ?");
    binds << (f.limit > 0 ? f.limit : 1000);
    return collect(exec(m_db, sql, binds));
}

} // namespace cnap::storage
