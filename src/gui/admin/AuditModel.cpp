#include "gui/admin/AuditModel.h"

#include "core/log/Masking.h"

#include <QLocale>

namespace cnap::gui::admin {

qint64 AuditModel::oldestSeq() const { return isEmpty() ? 0 : rows().constLast().seq; }

QString AuditModel::actionDisplayName(const QString &key)
{
    auto action = security::auditActionFromKey(key);
    if (!action)
        return key;
    using A = security::AuditAction;
    switch (action.value()) {
    case A::Login: return tr("Вхід");
    case A::LoginFailed: return tr("Невдалий вхід");
    case A::Logout: return tr("Вихід");
    case A::Lock: return tr("Блокування сеансу");
    case A::Unlock: return tr("Розблокування сеансу");
    case A::PasswordChange: return tr("Зміна пароля");
    case A::ApplicantOpen: return tr("Перегляд заявника");
    case A::ApplicantSearch: return tr("Пошук заявника");
    case A::ApplicantChange: return tr("Зміна заявника");
    case A::CaseOpen: return tr("Перегляд справи");
    case A::CaseChange: return tr("Зміна справи");
    case A::Export: return tr("Експорт");
    case A::Print: return tr("Друк");
    case A::UserAdd: return tr("Новий користувач");
    case A::UserChange: return tr("Зміна користувача");
    case A::SettingsChange: return tr("Зміна налаштувань");
    case A::QueueChange: return tr("Зміна черги");
    case A::ExchangeChange: return tr("Зміна обміну");
    }
    return key;
}

int AuditModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const security::AuditEntry &e = rows()[index.row()];
    switch (role) {
    case SeqRole: return e.seq;
    case ActionKeyRole: return e.action;
    case HashRole: return e.hash;
    case Qt::TextAlignmentRole:
        return index.column() == SeqColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == ActionColumn)
            return e.action;
        if (index.column() == DetailsColumn)
            return log::maskPersonalData(e.details);
        return {};
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case SeqColumn: return e.seq;
        case TimeColumn: return QLocale().toString(e.at.toLocalTime(), QStringLiteral("dd.MM.yyyy HH:mm:ss"));
        case LoginColumn: return e.login;
        case RoleColumn: {
            if (e.role == roleKey(cnap::Role::System))  // cnapctl: not an account role, so roleFromKey() refuses it
                return roleDisplayName(cnap::Role::System);
            auto r = roleFromKey(e.role);
            return r ? roleDisplayName(r.value()) : e.role;
        }
        case DeskColumn: return e.desk;
        case ActionColumn: return actionDisplayName(e.action);
        case ObjectColumn:
            if (e.objectType.isEmpty())
                return QString();
            // Object ids are record numbers (case numbers, row ids), never
            // identifiers of a person; masked anyway as a second line of defence.
            return e.objectId.isEmpty() ? e.objectType : e.objectType + u' ' + log::maskPersonalData(e.objectId);
        case DetailsColumn: return log::maskPersonalData(e.details);
        case ColumnCount: break;
        }
        return {};
    default:
        return {};
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case SeqColumn: return tr("№");
    case TimeColumn: return tr("Час");
    case LoginColumn: return tr("Користувач");
    case RoleColumn: return tr("Роль");
    case DeskColumn: return tr("Вікно");
    case ActionColumn: return tr("Дія");
    case ObjectColumn: return tr("Об’єкт");
    case DetailsColumn: return tr("Подробиці");
    case ColumnCount: break;
    }
    return {};
}

void AuditModel::requestPage(const security::AuditEntry *last, quint64 generation)
{
    Q_EMIT moreRequested(last ? last->seq : 0, generation);
}

} // namespace cnap::gui::admin
