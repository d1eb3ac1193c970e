#include "gui/desk/ApplicantPanel.h"

#include "gui/common/ErrorPresenter.h"
#include "gui/desk/ApplicantDialog.h"
#include "gui/desk/ApplicantFormController.h"
#include "gui/desk/ApplicantResultsModel.h"
#include "gui/desk/ApplicantSearchController.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace cnap::gui::desk {

ApplicantPanel::ApplicantPanel(AppContext context, DeskServicesPtr services, QWidget *parent)
    : QWidget(parent), m_context(std::move(context)), m_services(std::move(services)),
      m_controller(new ApplicantSearchController(m_context, m_services, this))
{
    setObjectName(QStringLiteral("applicantPanel"));
    auto *root = new QVBoxLayout(this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("applicantSearchLineEdit"));
    m_search->setPlaceholderText(tr("РНОКПП, ЄДРПОУ, УНЗР, паспорт, телефон, № справи або прізвище"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    root->addWidget(m_search);
    m_kind = new QLabel(this);
    m_kind->setObjectName(QStringLiteral("searchKindLabel"));
    m_kind->setStyleSheet(QStringLiteral("color: #555;"));
    root->addWidget(m_kind);

    m_results = new QTableView(this);
    m_results->setObjectName(QStringLiteral("applicantResultsView"));
    m_results->setModel(m_controller->model());
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->verticalHeader()->hide();
    m_results->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_results->horizontalHeader()->setSectionResizeMode(ApplicantResultsModel::NameColumn, QHeaderView::Stretch);
    // The dock is narrow: name, birth date and code are what tell two namesakes apart.
    m_results->setColumnHidden(ApplicantResultsModel::PhoneColumn, true);
    m_results->setColumnHidden(ApplicantResultsModel::AddressColumn, true);
    m_results->installEventFilter(this);
    root->addWidget(m_results, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("applicantSearchStatusLabel"));
    m_status->setWordWrap(true);
    root->addWidget(m_status);

    auto *buttons = new QHBoxLayout;
    auto *take = new QPushButton(tr("До &нової справи"), this);
    take->setObjectName(QStringLiteral("takeApplicantButton"));
    take->setToolTip(tr("Взяти обраного заявника до нової справи (Enter у списку)"));
    auto *open = new QPushButton(tr("&Картка"), this);
    open->setObjectName(QStringLiteral("openApplicantButton"));
    auto *person = new QPushButton(tr("Нова &особа"), this);
    person->setObjectName(QStringLiteral("newPersonButton"));
    auto *entity = new QPushButton(tr("Нова &юрособа"), this);
    entity->setObjectName(QStringLiteral("newLegalEntityButton"));
    for (QPushButton *b : {take, open, person, entity})
        buttons->addWidget(b);
    root->addLayout(buttons);

    connect(m_search, &QLineEdit::textChanged, m_controller, &ApplicantSearchController::setText);
    connect(m_controller, &ApplicantSearchController::kindDetected, this, [this](services::ApplicantQueryKind k) {
        m_kind->setText(k == services::ApplicantQueryKind::Empty
                            ? QString()
                            : tr("Шукаю за: %1").arg(services::applicantQueryKindDisplayName(k)));
    });
    connect(m_controller, &ApplicantSearchController::finished, this, [this](int n) {
        m_status->setText(m_controller->kind() == services::ApplicantQueryKind::Empty ? QString()
                          : n == 0 ? tr("Нікого не знайдено. Створіть нового заявника.")
                                   : tr("Знайдено: %1").arg(n));
        if (n > 0)
            m_results->selectRow(0);
    });
    connect(m_controller, &ApplicantSearchController::failed, this,
            [this](const Error &e) { m_status->setText(ErrorPresenter::text(e)); });
    connect(m_controller, &ApplicantSearchController::opened, this, [this](const Applicant &a) {
        if (m_takeAfterOpen) {
            m_takeAfterOpen = false;
            Q_EMIT applicantChosen(a);
        } else {
            editApplicant(a);
        }
    });
    connect(take, &QPushButton::clicked, this, [this]() {
        if (const qint64 id = currentId(); id > 0) {
            m_takeAfterOpen = true;
            m_controller->open(id);
        }
    });
    connect(open, &QPushButton::clicked, this, [this]() {
        if (const qint64 id = currentId(); id > 0)
            m_controller->open(id);
    });
    connect(m_results, &QTableView::doubleClicked, open, &QPushButton::click);
    connect(person, &QPushButton::clicked, this, [this]() { createApplicant(false); });
    connect(entity, &QPushButton::clicked, this, [this]() { createApplicant(true); });
}

qint64 ApplicantPanel::currentId() const
{
    const QModelIndex i = m_results->currentIndex();
    return i.isValid() ? m_controller->model()->data(i, ApplicantResultsModel::IdRole).toLongLong() : 0;
}

bool ApplicantPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (watched == m_search && key->key() == Qt::Key_Down && m_controller->model()->rowCount() > 0) {
            m_results->setFocus();
            return true;
        }
        if (watched == m_search && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
            m_controller->searchNow();
            return true;
        }
        if (watched == m_results && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
            if (const qint64 id = currentId(); id > 0) {
                m_takeAfterOpen = true;
                m_controller->open(id);
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ApplicantPanel::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void ApplicantPanel::createApplicant(bool legalEntity)
{
    Applicant a;
    a.kind = legalEntity ? ApplicantKind::LegalEntity : ApplicantKind::Person;
    // A typed surname or code carries over into the new card.
    const QString typed = m_search->text().trimmed();
    switch (m_controller->kind()) {
    case services::ApplicantQueryKind::Rnokpp: a.rnokpp = typed; break;
    case services::ApplicantQueryKind::Edrpou:
        a.kind = ApplicantKind::LegalEntity;
        a.edrpou = typed;
        break;
    case services::ApplicantQueryKind::Surname:
        if (legalEntity)
            a.organisationName = typed;
        else
            a.surname = typed;
        break;
    case services::ApplicantQueryKind::Phone: a.phone = typed; break;
    default: break;
    }
    editApplicant(a);
}

void ApplicantPanel::editApplicant(const Applicant &applicant)
{
    auto *controller = new ApplicantFormController(m_context, m_services);
    auto *dialog = new ApplicantDialog(controller, this);
    controller->setParent(dialog);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setApplicant(applicant);
    connect(dialog, &ApplicantDialog::applicantChosen, this, &ApplicantPanel::applicantChosen);
    dialog->open();
}

} // namespace cnap::gui::desk
