#pragma once

// The supervisor console's pages: live centre, deadline control, reports.
// Thin widgets: they bind fields and forward to their controllers.

#include "gui/common/AppContext.h"
#include "gui/supervisor/SupervisorControllers.h"
#include "gui/supervisor/SupervisorModels.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableView;

namespace cnap::gui {

class BarChart;

class LiveCentrePage final : public QWidget {
    Q_OBJECT
public:
    explicit LiveCentrePage(const AppContext &context, QWidget *parent = nullptr);
    [[nodiscard]] LiveCentreController *controller() const { return m_controller; }
    [[nodiscard]] QueueLiveModel *queueModel() const { return m_queues; }
    [[nodiscard]] DeskLiveModel *deskModel() const { return m_desks; }
    [[nodiscard]] QListWidget *alertList() const { return m_alerts; }

private:
    void show(const reports::LiveCentre &centre);
    void togglePause();
    void reassign();

    LiveCentreController *m_controller;
    QueueLiveModel *m_queues;
    DeskLiveModel *m_desks;
    QLabel *m_status;
    QListWidget *m_alerts;
    QPushButton *m_pauseButton;
    QPushButton *m_reassignButton;
    QSpinBox *m_thresholdSpin;
    QTableView *m_deskView;
    bool m_paused = false;
    QList<QPair<QString, QString>> m_services;
    QString m_pendingReassignDesk;
};

class DeadlinePage final : public QWidget {
    Q_OBJECT
public:
    explicit DeadlinePage(const AppContext &context, QWidget *parent = nullptr);
    [[nodiscard]] DeadlineController *controller() const { return m_controller; }
    [[nodiscard]] DeadlineModel *model() const { return m_model; }
    [[nodiscard]] DeadlineCaseModel *caseModel() const { return m_cases; }
    void reload();
    void drillDown(int row);

private:
    DeadlineController *m_controller;
    DeadlineModel *m_model;
    DeadlineCaseModel *m_cases;
    QDoubleSpinBox *m_shareSpin;
    QLabel *m_summary;
    QLabel *m_caseTitle;
    QTableView *m_view;
    QLabel *m_exchangeSummary;
    QListWidget *m_deadList;
    QListWidget *m_deliveryList;

    void showExchange(const services::ExchangeHealth &health);
};

class ReportsPage final : public QWidget {
    Q_OBJECT
public:
    explicit ReportsPage(const AppContext &context, QWidget *parent = nullptr);
    [[nodiscard]] ReportsController *controller() const { return m_controller; }
    [[nodiscard]] ReportTableModel *model() const { return m_model; }
    [[nodiscard]] BarChart *chart() const { return m_chart; }

    /// The form's values (tests and the screenshot path set them).
    void setRequest(reports::ReportKind kind, const QDate &from, const QDate &to, const reports::ReportFilter &filter = {});
    void runReport();
    /// Export without the file dialog (the buttons ask for the path first).
    void exportTo(const QString &path, const QString &format);
    /// PDF through the same layout as the printout.
    [[nodiscard]] Status writePdf(const QString &path);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showTable(const reports::ReportTable &table);
    void exportClicked(const QString &format);
    void print();
    [[nodiscard]] QString documentHtml() const;

    AppContext m_context;
    ReportsController *m_controller;
    ReportTableModel *m_model;
    QComboBox *m_kindCombo;
    QDateEdit *m_fromEdit;
    QDateEdit *m_toEdit;
    QLineEdit *m_serviceEdit;
    QLineEdit *m_providerEdit;
    QLineEdit *m_deskEdit;
    QLineEdit *m_clerkEdit;
    QPushButton *m_runButton;
    QLabel *m_totalLabel;
    QLabel *m_messageLabel;
    BarChart *m_chart;
    QTableView *m_view;
    QList<QPushButton *> m_exportButtons;
    bool m_shownOnce = false;
};

} // namespace cnap::gui
