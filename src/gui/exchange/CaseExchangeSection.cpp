#include "gui/exchange/CaseExchangeSection.h"

#include "gui/common/ErrorPresenter.h"
#include "gui/common/TaskRunner.h"
#include "gui/exchange/ExchangeModels.h"
#include "services/ExchangeService.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace cnap::gui::exchange {

CaseExchangeSection::CaseExchangeSection(AppContext context, QWidget *parent)
    : QGroupBox(tr("Обмін з реєстрами"), parent), m_context(std::move(context)), m_model(new CaseExchangeModel(this))
{
    setObjectName(QStringLiteral("caseExchangeSection"));
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("caseExchangeStatusLabel"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("caseExchangeView"));
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(true);
    m_view->horizontalHeader()->setSectionResizeMode(CaseExchangeModel::ProblemColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(CaseExchangeModel::ServiceColumn, 230);
    m_view->setColumnWidth(CaseExchangeModel::StateColumn, 260);
    m_view->setColumnWidth(CaseExchangeModel::AttemptsColumn, 55);
    m_view->setColumnWidth(CaseExchangeModel::ReplyColumn, 220);
    // A case has a message or two: keep the section short under history and documents.
    m_view->setMaximumHeight(120);
    m_view->hide();
    layout->addWidget(m_view);
}

void CaseExchangeSection::showCase(const QString &number)
{
    const quint64 generation = ++m_generation;
    m_number = number.trimmed();
    if (m_number.isEmpty()) {
        m_model->setItems({});
        m_view->hide();
        m_status->clear();
        return;
    }
    auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    const QString caseNumber = m_number;
    m_context.runner->run(
        this,
        [db, actor, clock, caseNumber]() -> Result<QList<storage::OutboxItem>> {
            auto r = services::ExchangeService(db, {}, {}, *clock).caseExchange(actor, caseNumber);
            if (r) {
                for (storage::OutboxItem &i : r.value()) {
                    i.payload.clear();
                    i.request.clear();
                }
            }
            return r;
        },
        [this, generation, caseNumber](Result<QList<storage::OutboxItem>> r) {
            if (generation != m_generation)
                return;  // another case was opened meanwhile
            if (!r) {
                m_model->setItems({});
                m_view->hide();
                m_status->setText(ErrorPresenter::text(r.error()));
                return;
            }
            m_model->setItems(r.value());
            m_view->setVisible(!r->isEmpty());
            if (r->isEmpty()) {
                m_status->setText(tr("Справа не потребує обміну з реєстрами."));
            } else {
                bool attention = false;
                for (const storage::OutboxItem &i : r.value())
                    attention = attention || i.state == storage::OutboxState::Dead;
                m_status->setText(attention ? tr("Повідомлення до реєстру не доставлено: перевірте причину, виправте дані й "
                                                 "зверніться до керівника, щоб повторити надсилання.")
                                            : QString());
            }
            m_view->resizeRowsToContents();
            Q_EMIT loaded(caseNumber, m_model->rowCount());
        });
}

} // namespace cnap::gui::exchange
