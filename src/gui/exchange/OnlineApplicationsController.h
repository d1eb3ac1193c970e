#pragma once

#include "gui/common/AppContext.h"
#include "storage/OutboxRepository.h"

#include <QObject>

namespace cnap::gui::exchange {

class OnlineApplicationsModel;

/// Applications submitted on the portal, fetched by the sync engine, for the
/// clerks' intake: the list and "take into work" (ExchangeService::
/// takeOnlineApplication, CaseRegister).  Two clerks taking the same
/// application: the second gets Conflict and the list is refreshed.
class OnlineApplicationsController final : public QObject {
    Q_OBJECT
public:
    explicit OnlineApplicationsController(AppContext context, QObject *parent = nullptr);

    [[nodiscard]] OnlineApplicationsModel *model() const { return m_model; }
    [[nodiscard]] bool showTaken() const { return m_showTaken; }

    void setShowTaken(bool show);
    void reload();
    /// Takes application `id` into work; taken() with its row, or failed().
    void take(qint64 id);

Q_SIGNALS:
    void loaded(int rows);
    void taken(const cnap::storage::OnlineApplicationRow &application);
    void failed(const cnap::Error &error);

private:
    AppContext m_context;
    OnlineApplicationsModel *m_model;
    bool m_showTaken = false;
    quint64 m_generation = 0;
};

} // namespace cnap::gui::exchange
