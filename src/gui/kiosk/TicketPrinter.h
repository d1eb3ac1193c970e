#pragma once

// Prints a queue ticket: to the configured printer, or — when none is set, as on
// a kiosk without a printer and in tests — to a PDF file.  Runs on the UI
// thread (QPrinter is a paint device of the GUI); one small page renders in
// milliseconds, and the spooler takes the job asynchronously.

#include "core/Result.h"

#include <QDateTime>
#include <QString>

#include <optional>

class QPainter;
class QRectF;

namespace cnap::gui {

/// What goes on the paper.
struct TicketPrint final {
    QString centreName;
    QString number;
    QString serviceName;
    QString queueName;
    QDateTime issuedAt;                 ///< local time
    int ahead = 0;
    std::optional<qint64> estimatedWaitSecs;
    QString priorityNote;               ///< e.g. "Пільгова категорія: …; пред'явіть документ у вікні"
};

class TicketPrinter final {
public:
    /// `printerName` empty → PDF into `pdfDir` (empty → the app-data "tickets" folder).
    TicketPrinter(QString printerName, QString pdfDir);

    /// Prints; returns the PDF path, or the printer name for paper.
    [[nodiscard]] Result<QString> print(const TicketPrint &ticket) const;
    /// Draws the ticket into `page` (80 mm receipt proportions).
    static void render(QPainter &painter, const QRectF &page, const TicketPrint &ticket);
    /// The default PDF folder.
    [[nodiscard]] static QString defaultPdfDir();

private:
    QString m_printerName;
    QString m_pdfDir;
};

} // namespace cnap::gui
