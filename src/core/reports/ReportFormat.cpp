#include "core/reports/ReportFormat.h"

#include <QJsonArray>
#include <QLocale>

namespace cnap::reports {
namespace {

QString quoted(const QString &s)
{
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n') && !s.contains(u'\r'))
        return s;
    QString q = s;
    q.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

QJsonValue jsonCell(const QVariant &v)
{
    if (v.isNull() || !v.isValid())
        return QJsonValue(QJsonValue::Null);
    switch (v.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float:
        return round1(v.toDouble());
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return v.toLongLong();
    default:
        return v.toString();
    }
}

} // namespace

QString csvCell(const QVariant &v)
{
    if (v.isNull() || !v.isValid())
        return {};
    if (v.typeId() == QMetaType::Double || v.typeId() == QMetaType::Float)
        return QString::number(round1(v.toDouble()), 'f', 1);
    return quoted(v.toString());
}

QString displayCell(const QVariant &v)
{
    if (v.isNull() || !v.isValid())
        return QStringLiteral("—");
    const QLocale locale;
    if (v.typeId() == QMetaType::Double || v.typeId() == QMetaType::Float)
        return locale.toString(round1(v.toDouble()), 'f', 1);
    if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
        return locale.toString(v.toLongLong());
    return v.toString();
}

QByteArray toCsv(const ReportTable &table)
{
    QString out;
    QStringList header;
    for (const ReportColumn &c : table.columns)
        header << c.key;
    out += header.join(u',') + QStringLiteral("\r\n");
    for (const QVariantList &row : table.rows) {
        QStringList cells;
        for (const QVariant &v : row)
            cells << csvCell(v);
        out += cells.join(u',') + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

QJsonObject toJson(const ReportTable &table)
{
    QJsonObject o;
    o.insert(QStringLiteral("report"), reportKey(table.kind));
    o.insert(QStringLiteral("from"), table.period.from.toString(Qt::ISODate));
    o.insert(QStringLiteral("to"), table.period.to.toString(Qt::ISODate));
    QJsonObject filter;
    if (!table.filter.serviceCode.isEmpty())
        filter.insert(QStringLiteral("service"), table.filter.serviceCode);
    if (!table.filter.provider.isEmpty())
        filter.insert(QStringLiteral("provider"), table.filter.provider);
    if (!table.filter.desk.isEmpty())
        filter.insert(QStringLiteral("desk"), table.filter.desk);
    if (!table.filter.clerk.isEmpty())
        filter.insert(QStringLiteral("clerk"), table.filter.clerk);
    o.insert(QStringLiteral("filter"), filter);
    QJsonArray columns;
    for (const ReportColumn &c : table.columns)
        columns.append(c.key);
    o.insert(QStringLiteral("columns"), columns);
    QJsonArray rows;
    for (const QVariantList &row : table.rows) {
        QJsonObject r;
        for (int i = 0; i < row.size() && i < table.columns.size(); ++i)
            r.insert(table.columns.at(i).key, jsonCell(row.at(i)));
        rows.append(r);
    }
    o.insert(QStringLiteral("rows"), rows);
    if (table.total)
        o.insert(QStringLiteral("total"), *table.total);
    return o;
}

} // namespace cnap::reports
