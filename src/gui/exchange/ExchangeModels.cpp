#include "gui/exchange/ExchangeModels.h"

#include "gui/exchange/ExchangeFormat.h"

#include <QBrush>
#include <QColor>

namespace cnap::gui::exchange {

namespace {

const QColor kDeadBackground(0xff, 0xeb, 0xee);
const QColor kRetryBackground(0xff, 0xf8, 0xe1);

bool validRow(const QAbstractItemModel *m, const QModelIndex &index)
{
    return m->checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid | QAbstractItemModel::CheckIndexOption::ParentIsInvalid);
}

} // namespace

// ------------------------------------------------------------------ outbox

int OutboxModel::rowOf(qint64 id) const
{
    for (qsizetype i = 0; i < rows().size(); ++i) {
        if (rows()[i].id == id)
            return int(i);
    }
    return -1;
}

qint64 OutboxModel::lastId() const { return isEmpty() ? 0 : rows().constLast().id; }

int OutboxModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!validRow(this, index))
        return {};
    const storage::OutboxItem &i = rows()[index.row()];
    if (role == ItemIdRole)
        return i.id;
    if (role == StateKeyRole)
        return storage::outboxStateKey(i.state);
    if (role == Qt::BackgroundRole) {
        if (i.state == storage::OutboxState::Dead)
            return QBrush(kDeadBackground);
        if (i.state == storage::OutboxState::Pending && i.attempts > 0)
            return QBrush(kRetryBackground);
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() == AttemptsColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case ServiceColumn: return QStringLiteral("%1 %2").arg(i.serviceCode, i.serviceVersion);
        case LastErrorColumn: return i.lastError.isEmpty() ? QVariant() : QVariant(i.lastError);
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case CaseNumberColumn: return i.caseNumber.isEmpty() ? tr("—") : i.caseNumber;
    case MessageIdColumn: return i.messageId;
    case ServiceColumn: return registryServiceDisplayName(i.serviceCode);
    case StateColumn: return outboxStateDisplayName(i.state);
    case AttemptsColumn: return i.attempts;
    case NextAttemptColumn: return i.state == storage::OutboxState::Pending ? timeText(i.nextAttemptMs) : tr("—");
    case LastErrorColumn: return i.lastError;
    case UpdatedColumn: return timeText(i.updatedMs);
    default: return {};
    }
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CaseNumberColumn: return tr("Справа");
    case MessageIdColumn: return tr("Ідентифікатор повідомлення");
    case ServiceColumn: return tr("Сервіс реєстру");
    case StateColumn: return tr("Стан");
    case AttemptsColumn: return tr("Спроб");
    case NextAttemptColumn: return tr("Наступна спроба");
    case LastErrorColumn: return tr("Остання помилка / причина");
    case UpdatedColumn: return tr("Змінено");
    default: return {};
    }
}

void OutboxModel::requestPage(const storage::OutboxItem *last, quint64 generation)
{
    Q_EMIT moreRequested(last ? last->id : 0, generation);
}

// ------------------------------------------------------------------ message log

qint64 MessageLogModel::oldestId() const { return isEmpty() ? 0 : rows().constLast().id; }

int MessageLogModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant MessageLogModel::data(const QModelIndex &index, int role) const
{
    if (!validRow(this, index))
        return {};
    const storage::MessageLogEntry &e = rows()[index.row()];
    if (role == EntryIdRole)
        return e.id;
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case OutcomeColumn: return e.outcome;
        case Sha256Column: return e.sha256;
        case ServiceColumn: return e.serviceCode;
        default: return {};
        }
    }
    if (role == Qt::BackgroundRole) {
        if (e.outcome.startsWith(QStringLiteral("dead:")))
            return QBrush(kDeadBackground);
        if (e.outcome.startsWith(QStringLiteral("retry:")) || e.outcome.startsWith(QStringLiteral("failed:")))
            return QBrush(kRetryBackground);
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn: return timeText(e.atMs);
    case DirectionColumn: return logDirectionDisplayName(e.direction);
    case MessageIdColumn: return e.messageId;
    case CaseNumberColumn: return e.caseNumber.isEmpty() ? tr("—") : e.caseNumber;
    case ServiceColumn: return registryServiceDisplayName(e.serviceCode);
    case HttpStatusColumn: return e.httpStatus > 0 ? QVariant(e.httpStatus) : QVariant(tr("—"));
    case OutcomeColumn: return logOutcomeDisplayName(e.outcome);
    case Sha256Column: return e.sha256;
    default: return {};
    }
}

QVariant MessageLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Час");
    case DirectionColumn: return tr("Напрям");
    case MessageIdColumn: return tr("Ідентифікатор повідомлення");
    case CaseNumberColumn: return tr("Справа");
    case ServiceColumn: return tr("Сервіс реєстру");
    case HttpStatusColumn: return tr("HTTP");
    case OutcomeColumn: return tr("Результат");
    case Sha256Column: return tr("SHA-256");
    default: return {};
    }
}

void MessageLogModel::requestPage(const storage::MessageLogEntry *last, quint64 generation)
{
    Q_EMIT moreRequested(last ? last->id : 0, generation);
}

// ------------------------------------------------------------------ one case

void CaseExchangeModel::setItems(const QList<storage::OutboxItem> &items)
{
    beginResetModel();
    m_rows = items;
    endResetModel();
}

const storage::OutboxItem *CaseExchangeModel::itemAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr; }

int CaseExchangeModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int CaseExchangeModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant CaseExchangeModel::data(const QModelIndex &index, int role) const
{
    if (!validRow(this, index))
        return {};
    const storage::OutboxItem &i = m_rows[index.row()];
    if (role == Qt::BackgroundRole) {
        if (i.state == storage::OutboxState::Dead || i.resultStatus == QStringLiteral("refused"))
            return QBrush(kDeadBackground);
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == ProblemColumn && !i.lastError.isEmpty())
            return i.lastError;
        if (index.column() == ServiceColumn)
            return tr("%1 %2, повідомлення %3").arg(i.serviceCode, i.serviceVersion, i.messageId);
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() == AttemptsColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ServiceColumn: return registryServiceDisplayName(i.serviceCode);
    case StateColumn: return caseExchangeStateText(i);
    case AttemptsColumn: return i.attempts;
    // A delivered item keeps the error of an earlier failed attempt: not the clerk's concern any more.
    case ProblemColumn: return i.state == storage::OutboxState::Done || i.lastError.isEmpty() ? tr("—") : i.lastError;
    case ReplyColumn: return registryReplyText(i);
    case UpdatedColumn: return timeText(i.updatedMs);
    default: return {};
    }
}

QVariant CaseExchangeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ServiceColumn: return tr("Реєстр");
    case StateColumn: return tr("Стан обміну");
    case AttemptsColumn: return tr("Спроб");
    case ProblemColumn: return tr("Остання помилка");
    case ReplyColumn: return tr("Відповідь реєстру");
    case UpdatedColumn: return tr("Змінено");
    default: return {};
    }
}

// ------------------------------------------------------------------ online applications

void OnlineApplicationsModel::setRows(const QList<storage::OnlineApplicationRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

const storage::OnlineApplicationRow *OnlineApplicationsModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

void OnlineApplicationsModel::markTaken(qint64 id)
{
    for (qsizetype r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r].id != id)
            continue;
        m_rows[r].state = QStringLiteral("taken");
        Q_EMIT dataChanged(index(int(r), 0), index(int(r), ColumnCount - 1));
    }
}

int OnlineApplicationsModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int OnlineApplicationsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant OnlineApplicationsModel::data(const QModelIndex &index, int role) const
{
    if (!validRow(this, index))
        return {};
    const storage::OnlineApplicationRow &a = m_rows[index.row()];
    if (role == ApplicationIdRole)
        return a.id;
    if (role == Qt::ForegroundRole && a.state != QStringLiteral("new"))
        return QBrush(QColor(0x75, 0x75, 0x75));
    if (role == Qt::ToolTipRole && index.column() == SummaryColumn)
        return a.summary;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SubmittedColumn: return a.submittedAt.isValid() ? a.submittedAt.toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm")) : tr("—");
    case PortalIdColumn: return a.portalId;
    case ServiceColumn: return a.serviceTitle.isEmpty() ? a.serviceCode : QStringLiteral("%1 %2").arg(a.serviceCode, a.serviceTitle);
    case ApplicantColumn: return QStringList{a.lastName, a.firstName, a.patronymic}.join(u' ').simplified();
    case RnokppColumn: return a.rnokpp;
    case PhoneColumn: return a.phone;
    case SummaryColumn: return a.summary;
    case StateColumn: return a.state == QStringLiteral("new") ? tr("нова") : tr("взято в роботу");
    default: return {};
    }
}

QVariant OnlineApplicationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SubmittedColumn: return tr("Подано");
    case PortalIdColumn: return tr("Номер на порталі");
    case ServiceColumn: return tr("Послуга");
    case ApplicantColumn: return tr("Заявник");
    case RnokppColumn: return tr("РНОКПП");
    case PhoneColumn: return tr("Телефон");
    case SummaryColumn: return tr("Суть звернення");
    case StateColumn: return tr("Стан");
    default: return {};
    }
}

} // namespace cnap::gui::exchange
