#include "gui/supervisor/SupervisorModels.h"

#include "core/cases/CaseState.h"
#include "core/reports/ReportFormat.h"

#include <QBrush>
#include <QCoreApplication>
#include <QColor>
#include <QLocale>

namespace cnap::gui {
namespace {

bool valid(const QModelIndex &index, int rows, int columns, const QModelIndex &parent = {})
{
    return index.isValid() && !parent.isValid() && index.row() < rows && index.column() < columns;
}

const QColor kAlert(0xfd, 0xe2, 0xe1);
const QColor kWarn(0xff, 0xf3, 0xcd);

} // namespace

QString formatDuration(qint64 secs)
{
    if (secs < 60)
        return QCoreApplication::translate("cnap::gui::Supervisor", "%1 с").arg(secs);
    if (secs < 3600)
        return QCoreApplication::translate("cnap::gui::Supervisor", "%1 хв %2 с").arg(secs / 60).arg(secs % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("cnap::gui::Supervisor", "%1 год %2 хв").arg(secs / 3600).arg((secs % 3600) / 60, 2, 10, QLatin1Char('0'));
}

// --- queues -----------------------------------------------------------------

void QueueLiveModel::setRows(const QList<reports::QueueLive> &rows, qint64 alertSecs)
{
    beginResetModel();
    m_rows = rows;
    m_alertSecs = alertSecs;
    endResetModel();
}

int QueueLiveModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : static_cast<int>(m_rows.size()); }
int QueueLiveModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant QueueLiveModel::data(const QModelIndex &index, int role) const
{
    if (!valid(index, rowCount(), ColumnCount))
        return {};
    const reports::QueueLive &q = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case QueueColumn: return QString(q.prefix + QStringLiteral(" · ") + q.name);
        case WaitingColumn: return q.waiting;
        case LongestWaitColumn: return q.waiting > 0 ? formatDuration(q.longestWaitSecs) : QStringLiteral("—");
        case EstimateColumn: return q.estimatedWaitSecs ? formatDuration(*q.estimatedWaitSecs) : tr("немає відкритих вікон");
        case IssuedTodayColumn: return q.issuedToday;
        }
    }
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case QueueColumn: return q.prefix;
        case WaitingColumn: return q.waiting;
        case LongestWaitColumn: return q.longestWaitSecs;
        case EstimateColumn: return q.estimatedWaitSecs ? QVariant(*q.estimatedWaitSecs) : QVariant();
        case IssuedTodayColumn: return q.issuedToday;
        }
    }
    if (role == Qt::BackgroundRole && q.waiting > 0 && m_alertSecs > 0 && q.longestWaitSecs > m_alertSecs)
        return QBrush(kAlert);
    if (role == Qt::TextAlignmentRole && index.column() != QueueColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant QueueLiveModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case QueueColumn: return tr("Черга");
    case WaitingColumn: return tr("Чекають");
    case LongestWaitColumn: return tr("Найдовше чекає");
    case EstimateColumn: return tr("Орієнтовне очікування");
    case IssuedTodayColumn: return tr("Талонів сьогодні");
    }
    return {};
}

// --- desks ------------------------------------------------------------------

void DeskLiveModel::setRows(const QList<reports::DeskLive> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int DeskLiveModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : static_cast<int>(m_rows.size()); }
int DeskLiveModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DeskLiveModel::data(const QModelIndex &index, int role) const
{
    if (!valid(index, rowCount(), ColumnCount))
        return {};
    const reports::DeskLive &d = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case DeskColumn: return tr("Вікно %1").arg(d.name);
        case StateColumn: return reports::deskActivityName(d.activity);
        case ClerkColumn: return d.activity == reports::DeskActivity::Offline ? QString() : d.clerk;
        case TicketColumn: return d.ticket;
        case InServiceColumn:
            if (d.activity == reports::DeskActivity::Serving)
                return formatDuration(d.inServiceSecs);
            if (d.activity == reports::DeskActivity::Free)
                return tr("вільне %1").arg(formatDuration(d.idleSecs));
            return QString();
        case ServicesColumn: return d.serviceCodes.join(QStringLiteral(", "));
        }
    }
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case DeskColumn: return d.name;
        case StateColumn: return static_cast<int>(d.activity);
        case InServiceColumn: return d.inServiceSecs;
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::BackgroundRole && index.column() == StateColumn) {
        switch (d.activity) {
        case reports::DeskActivity::Serving: return QBrush(QColor(0xd1, 0xe7, 0xdd));
        case reports::DeskActivity::Free: return QBrush(QColor(0xcf, 0xe2, 0xff));
        case reports::DeskActivity::Paused: return QBrush(kWarn);
        case reports::DeskActivity::Offline: return QBrush(QColor(0xe9, 0xec, 0xef));
        }
    }
    return {};
}

QVariant DeskLiveModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DeskColumn: return tr("Вікно");
    case StateColumn: return tr("Стан");
    case ClerkColumn: return tr("Адміністратор");
    case TicketColumn: return tr("Талон");
    case InServiceColumn: return tr("Час обслуговування");
    case ServicesColumn: return tr("Послуги");
    }
    return {};
}

// --- deadlines ----------------------------------------------------------------

void DeadlineModel::setRows(const QList<reports::DeadlineRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int DeadlineModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : static_cast<int>(m_rows.size()); }
int DeadlineModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DeadlineModel::data(const QModelIndex &index, int role) const
{
    if (!valid(index, rowCount(), ColumnCount))
        return {};
    const reports::DeadlineRow &r = m_rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::UserRole) {
        switch (index.column()) {
        case ProviderColumn: return r.provider;
        case ServiceColumn: return role == Qt::UserRole ? r.serviceCode : QString(r.serviceCode + u' ' + r.serviceName);
        case OpenColumn: return r.open;
        case AtRiskColumn: return r.atRisk;
        case OverdueColumn: return r.overdue;
        }
    }
    if (role == Qt::BackgroundRole) {
        if (index.column() == OverdueColumn && r.overdue > 0)
            return QBrush(kAlert);
        if (index.column() == AtRiskColumn && r.atRisk > 0)
            return QBrush(kWarn);
    }
    if (role == Qt::TextAlignmentRole && index.column() >= OpenColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant DeadlineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ProviderColumn: return tr("Суб'єкт надання");
    case ServiceColumn: return tr("Послуга");
    case OpenColumn: return tr("На розгляді");
    case AtRiskColumn: return tr("Під загрозою");
    case OverdueColumn: return tr("Прострочено");
    }
    return {};
}

void DeadlineCaseModel::setRows(const QList<storage::DeadlineCase> &rows, const QDate &today)
{
    beginResetModel();
    m_rows = rows;
    m_today = today;
    endResetModel();
}

int DeadlineCaseModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : static_cast<int>(m_rows.size()); }
int DeadlineCaseModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DeadlineCaseModel::data(const QModelIndex &index, int role) const
{
    if (!valid(index, rowCount(), ColumnCount))
        return {};
    const storage::DeadlineCase &c = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        const QLocale locale;
        switch (index.column()) {
        case NumberColumn: return c.number;
        case ServiceColumn: return QString(c.serviceCode + u' ' + c.serviceName);
        case StateColumn: {
            auto s = caseStateFromKey(c.state);
            return s ? caseStateDisplayName(s.value()) : c.state;
        }
        case RegisteredColumn: return locale.toString(c.registered, QLocale::ShortFormat);
        case DueColumn: return locale.toString(c.due, QLocale::ShortFormat);
        }
    }
    if (role == Qt::UserRole && index.column() == NumberColumn)
        return c.number;
    if (role == Qt::BackgroundRole && index.column() == DueColumn && m_today.isValid() && c.due < m_today)
        return QBrush(kAlert);
    return {};
}

QVariant DeadlineCaseModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn: return tr("Справа");
    case ServiceColumn: return tr("Послуга");
    case StateColumn: return tr("Стан");
    case RegisteredColumn: return tr("Зареєстровано");
    case DueColumn: return tr("Строк");
    }
    return {};
}

// --- report -------------------------------------------------------------------

void ReportTableModel::setTable(const reports::ReportTable &table)
{
    beginResetModel();
    m_table = table;
    endResetModel();
}

void ReportTableModel::clear()
{
    beginResetModel();
    m_table = {};
    endResetModel();
}

int ReportTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : static_cast<int>(m_table.rows.size()); }
int ReportTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : static_cast<int>(m_table.columns.size()); }

QVariant ReportTableModel::data(const QModelIndex &index, int role) const
{
    if (!valid(index, rowCount(), columnCount()))
        return {};
    const QVariant v = m_table.rows.at(index.row()).value(index.column());
    switch (role) {
    case Qt::DisplayRole: return reports::displayCell(v);
    case Qt::UserRole: return v;
    case Qt::TextAlignmentRole:
        if (m_table.columns.at(index.column()).numeric)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole: return v.toString();
    default: return {};
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_table.columns.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_table.columns.at(section).title;
    if (role == Qt::UserRole)
        return m_table.columns.at(section).key;
    return {};
}

} // namespace cnap::gui
