#include "services/OpenDataService.h"

#include "core/reports/ReportFormat.h"
#include "services/ReportService.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSaveFile>

#include <memory>

namespace cnap::services {

using namespace cnap::reports;

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::services::OpenDataService", s); }

struct Line {
    QString name;
    QString provider;
    qint64 tickets = 0;
    qint64 served = 0;
    qint64 waited = 0;
    QVariant waitMean;
    QVariant waitMedian;
    qint64 registered = 0;
    qint64 issued = 0;
    qint64 decisions = 0;
    qint64 onTime = 0;
};

QVariant count(qint64 n)
{
    const auto v = suppressSmall(n);
    return v ? QVariant::fromValue<qint64>(*v) : QVariant();
}

/// A statistic over few visitors would describe those few: published only from the threshold on.
QVariant statistic(const QVariant &value, qint64 basis)
{
    return basis >= kSuppressionThreshold ? value : QVariant();
}

} // namespace

OpenDataService::OpenDataService(storage::DatabasePtr db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}

QStringList OpenDataService::columnKeys()
{
    return {QStringLiteral("month"),          QStringLiteral("service_code"),    QStringLiteral("service_name"),
            QStringLiteral("provider"),       QStringLiteral("tickets_issued"),  QStringLiteral("visitors_served"),
            QStringLiteral("wait_mean_min"),  QStringLiteral("wait_median_min"), QStringLiteral("cases_registered"),
            QStringLiteral("results_issued"), QStringLiteral("decisions"),       QStringLiteral("decisions_on_time"),
            QStringLiteral("on_time_pct")};
}

Result<OpenDataSet> OpenDataService::build(const Actor &actor, const QString &month)
{
    CNAP_TRY(require(actor, Permission::ReportsExport));
    auto period = monthPeriod(month);
    if (!period)
        return period.error();
    if (period->from > m_clock.today())
        return Error::invalid(QStringLiteral("month"), tr("місяць %1 ще не почався").arg(month));
    // The reports run as the same actor: ReportsExport implies ReportsView in the role matrix.
    ReportService reports(m_db, m_clock);
    QMap<QString, Line> lines;
    auto noShows = reports.run(actor, ReportKind::NoShows, period.value());
    if (!noShows)
        return noShows.error();
    for (const QVariantList &r : noShows->rows) {
        Line &l = lines[r.at(0).toString()];
        l.name = r.at(1).toString();
        l.tickets = r.at(2).toLongLong();
        l.served = r.at(3).toLongLong();
    }
    auto waits = reports.run(actor, ReportKind::Waits, period.value());
    if (!waits)
        return waits.error();
    for (const QVariantList &r : waits->rows) {
        if (r.at(0).toString() == QStringLiteral("*"))
            continue;
        Line &l = lines[r.at(0).toString()];
        l.name = r.at(1).toString();
        l.waited = r.at(2).toLongLong();
        // Minutes: what a reader of the portal compares.
        l.waitMean = r.at(3).isNull() ? QVariant() : QVariant(round1(r.at(3).toDouble() / 60.0));
        l.waitMedian = r.at(4).isNull() ? QVariant() : QVariant(round1(r.at(4).toDouble() / 60.0));
    }
    auto cases = reports.run(actor, ReportKind::Cases, period.value());
    if (!cases)
        return cases.error();
    for (const QVariantList &r : cases->rows) {
        Line &l = lines[r.at(1).toString()];
        l.provider = r.at(0).toString();
        l.name = r.at(2).toString();
        l.registered += r.at(3).toLongLong();
        l.issued += r.at(4).toLongLong();
    }
    auto decisions = reports.decisionsOnTime(actor, period.value());
    if (!decisions)
        return decisions.error();
    for (const auto &[c, onTime] : decisions.value()) {
        Line &l = lines[c.serviceCode];
        if (l.provider.isEmpty())
            l.provider = c.provider;
        if (l.name.isEmpty())
            l.name = c.serviceName;
        l.decisions += c.count;
        l.onTime += onTime;
    }
    OpenDataSet set;
    set.month = month;
    ReportTable &t = set.table;
    t.kind = ReportKind::Cases;
    t.period = period.value();
    for (const QString &k : columnKeys())
        t.columns.append({k, k, k != QStringLiteral("month") && !k.startsWith(QStringLiteral("service_")) && k != QStringLiteral("provider")});
    for (auto it = lines.cbegin(); it != lines.cend(); ++it) {
        const Line &l = it.value();
        if (l.tickets == 0 && l.registered == 0 && l.decisions == 0 && l.issued == 0 && l.served == 0)
            continue;
        const QVariant pct = l.decisions >= kSuppressionThreshold
                                 ? QVariant(round1(100.0 * static_cast<double>(l.onTime) / static_cast<double>(l.decisions)))
                                 : QVariant();
        t.rows.append({month, it.key(), l.name, l.provider, count(l.tickets), count(l.served), statistic(l.waitMean, l.waited),
                       statistic(l.waitMedian, l.waited), count(l.registered), count(l.issued), count(l.decisions),
                       count(l.onTime), pct});
    }
    set.csv = toCsv(t);
    QJsonObject doc;
    doc.insert(QStringLiteral("schema_version"), kSchemaVersion);
    doc.insert(QStringLiteral("month"), month);
    doc.insert(QStringLiteral("suppression_threshold"), kSuppressionThreshold);
    doc.insert(QStringLiteral("rows"), toJson(t).value(QStringLiteral("rows")));
    set.json = QJsonDocument(doc).toJson(QJsonDocument::Indented);
    return set;
}

Result<OpenDataFiles> OpenDataService::exportMonth(const Actor &actor, const QString &month, const QString &dir)
{
    CNAP_TRY(require(actor, Permission::ReportsExport));
    if (dir.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("out"), tr("не вказано теку для експорту"));
    const QFileInfo info(dir);
    if (!info.isDir())
        return Error::invalid(QStringLiteral("out"), tr("теки %1 немає").arg(dir));
    if (!info.isWritable())
        return Error::invalid(QStringLiteral("out"), tr("до теки %1 не можна писати").arg(dir));
    auto set = build(actor, month);
    if (!set)
        return set.error();
    const QDir d(dir);
    OpenDataFiles files{d.filePath(QStringLiteral("cnap-%1.csv").arg(month)), d.filePath(QStringLiteral("cnap-%1.json").arg(month)),
                        static_cast<int>(set->table.rows.size())};
    // Both temporary files are written in full before either is renamed into place.
    QSaveFile csv(files.csvPath);
    QSaveFile json(files.jsonPath);
    for (auto [file, bytes] : {std::pair{&csv, &set->csv}, std::pair{&json, &set->json}}) {
        if (!file->open(QIODevice::WriteOnly) || file->write(*bytes) != bytes->size())
            return Error::invalid(QStringLiteral("out"), tr("не вдалося записати %1: %2").arg(file->fileName(), file->errorString()));
    }
    if (!csv.commit())
        return Error::invalid(QStringLiteral("out"), tr("не вдалося записати %1: %2").arg(files.csvPath, csv.errorString()));
    if (!json.commit()) {
        QFile::remove(files.csvPath);  // neither file, rather than half a dataset
        return Error::invalid(QStringLiteral("out"), tr("не вдалося записати %1: %2").arg(files.jsonPath, json.errorString()));
    }
    return files;
}

} // namespace cnap::services
