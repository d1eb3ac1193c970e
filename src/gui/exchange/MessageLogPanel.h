#pragma once

#include "gui/common/AppContext.h"
#include "gui/exchange/MessageLogController.h"

#include <QDialog>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

namespace cnap::gui::exchange {

/// One message log entry in full, read-only: who/when/how it went, the text
/// (indented SOAP when it parses), attachments; copy the text or save the
/// bytes exactly as they crossed the wire.
class MessageEntryDialog final : public QDialog {
    Q_OBJECT
public:
    MessageEntryDialog(MessageLogDocument document, MessageLogController *controller, QWidget *parent = nullptr);

    [[nodiscard]] const MessageLogDocument &document() const { return m_document; }
    [[nodiscard]] QPlainTextEdit *textView() const { return m_text; }

public Q_SLOTS:
    void copyText();
    /// Asks for a file and writes the body's bytes there (QSaveFile, on the worker).
    void saveAs();

private:
    MessageLogDocument m_document;
    MessageLogController *m_controller;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_status = nullptr;
};

/// The message log viewer (administrators, ExchangeViewLog): newest first,
/// loads older pages while scrolling, filter by message id; Enter or a
/// double click opens an entry.
class MessageLogPanel final : public QWidget {
    Q_OBJECT
public:
    explicit MessageLogPanel(AppContext context, QWidget *parent = nullptr);

    [[nodiscard]] MessageLogController *controller() const { return m_controller; }
    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }

public Q_SLOTS:
    /// Loads the first page once (the first time the panel is shown).
    void activate();
    void openCurrent();
    /// Shows only the messages with this id (from the outbox tables).
    void showMessage(const QString &messageId);

Q_SIGNALS:
    /// A dialog for an entry was opened (tests reach it here).
    void entryOpened(cnap::gui::exchange::MessageEntryDialog *dialog);

protected:
    void showEvent(QShowEvent *event) override;

private:
    MessageLogController *m_controller;
    QLineEdit *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_status = nullptr;
    bool m_loadedOnce = false;
};

} // namespace cnap::gui::exchange
