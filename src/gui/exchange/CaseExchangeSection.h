#pragma once

#include "gui/common/AppContext.h"

#include <QGroupBox>

class QLabel;
class QTableView;

namespace cnap::gui::exchange {

class CaseExchangeModel;

/// "Обмін з реєстрами" on the clerk's case view: each registry message of the
/// case with its state in words, attempts, the error or the registry's fault
/// string, and the registry's reply.  Loaded with ExchangeService::caseExchange
/// whenever the case view (re)loads its case.
class CaseExchangeSection final : public QGroupBox {
    Q_OBJECT
public:
    explicit CaseExchangeSection(AppContext context, QWidget *parent = nullptr);

    [[nodiscard]] CaseExchangeModel *model() const { return m_model; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }
    [[nodiscard]] const QString &caseNumber() const { return m_number; }

public Q_SLOTS:
    /// Shows the exchange state of case `number` (an empty number clears it).
    void showCase(const QString &number);

Q_SIGNALS:
    /// The items of `number` are on screen (`rows` of them).
    void loaded(const QString &number, int rows);

private:
    AppContext m_context;
    CaseExchangeModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_status = nullptr;
    QString m_number;
    quint64 m_generation = 0;
};

} // namespace cnap::gui::exchange
