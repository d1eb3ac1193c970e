#include "gui/desk/ApplicantResultsModel.h"

namespace cnap::gui::desk {

void ApplicantResultsModel::setApplicants(std::vector<Applicant> applicants)
{
    beginResetModel();
    m_rows = std::move(applicants);
    endResetModel();
}

const Applicant *ApplicantResultsModel::applicantAt(int row) const
{
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? &m_rows[static_cast<std::size_t>(row)] : nullptr;
}

int ApplicantResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ApplicantResultsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ApplicantResultsModel::data(const QModelIndex &index, int role) const
{
    const Applicant *a = index.isValid() ? applicantAt(index.row()) : nullptr;
    if (!a)
        return {};
    if (role == IdRole)
        return a->id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NameColumn: return a->displayName();
    case BirthDateColumn: return a->isPerson() ? a->birthDate.toString(QStringLiteral("dd.MM.yyyy")) : QString();
    case CodeColumn:
        if (a->isLegalEntity())
            return tr("ЄДРПОУ %1").arg(a->edrpou);
        if (a->rnokppRefused)
            return tr("відмова від РНОКПП");
        return maskIdentifier(a->rnokpp);
    case PhoneColumn: return a->phone.isEmpty() ? QString() : maskIdentifier(a->phone);
    case AddressColumn: return a->address.text;
    default: return {};
    }
}

QVariant ApplicantResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Заявник");
    case BirthDateColumn: return tr("Дата народження");
    case CodeColumn: return tr("РНОКПП / ЄДРПОУ");
    case PhoneColumn: return tr("Телефон");
    case AddressColumn: return tr("Адреса");
    default: return {};
    }
}

} // namespace cnap::gui::desk
