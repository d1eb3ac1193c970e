#pragma once

#include "core/applicant/Applicant.h"

#include <QAbstractTableModel>

#include <vector>

namespace cnap::gui::desk {

/// The applicant search results (one page, at most a few dozen rows), fed by
/// ApplicantSearchController.  Identifiers are shown masked: the visitor's
/// neighbour in the queue can see the screen.
class ApplicantResultsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, BirthDateColumn, CodeColumn, PhoneColumn, AddressColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1 };

    using QAbstractTableModel::QAbstractTableModel;

    void setApplicants(std::vector<Applicant> applicants);
    [[nodiscard]] const Applicant *applicantAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<Applicant> m_rows;
};

} // namespace cnap::gui::desk
