#include "gui/kiosk/TicketPrinter.h"

#include "gui/queue/QueueFormat.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPrinter>
#include <QPrinterInfo>
#include <QStandardPaths>

namespace cnap::gui {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::gui::TicketPrinter", s); }

/// Draws `text` in a band of `height` at `y`, centred; returns the band's bottom.
qreal line(QPainter &p, const QRectF &page, qreal y, qreal height, const QString &text, qreal pointSize, bool bold)
{
    QFont f = p.font();
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    p.setFont(f);
    const QRectF band(page.left(), y, page.width(), height);
    p.drawText(band, Qt::AlignCenter | Qt::TextWordWrap, text);
    return y + height;
}
} // namespace

TicketPrinter::TicketPrinter(QString printerName, QString pdfDir)
    : m_printerName(std::move(printerName)), m_pdfDir(std::move(pdfDir))
{
}

QString TicketPrinter::defaultPdfDir()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (base.isEmpty())
        base = QDir::tempPath() + QStringLiteral("/cnap");
    return base + QStringLiteral("/tickets");
}

Result<QString> TicketPrinter::print(const TicketPrint &ticket) const
{
    QPrinter printer(QPrinter::HighResolution);
    // An 80 mm receipt roll, the usual kiosk ticket printer.
    printer.setPageSize(QPageSize(QSizeF(80, 110), QPageSize::Millimeter, QStringLiteral("ticket")));
    printer.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout::Millimeter);
    printer.setDocName(tr("Талон %1").arg(ticket.number));
    QString target;
    if (m_printerName.isEmpty()) {
        const QString dir = m_pdfDir.isEmpty() ? defaultPdfDir() : m_pdfDir;
        if (!QDir().mkpath(dir))
            return Error::make(ErrorCode::Io, tr("не вдалося створити теку для талонів «%1»").arg(dir));
        // The number may hold Cyrillic letters: keep it, file systems take UTF-8.
        target = QDir(dir).filePath(QStringLiteral("ticket-%1-%2.pdf")
                                        .arg(ticket.issuedAt.toString(QStringLiteral("yyyyMMdd-HHmmss")), ticket.number));
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(target);
    } else {
        const QPrinterInfo info = QPrinterInfo::printerInfo(m_printerName);
        if (info.isNull())
            return Error::make(ErrorCode::Io, tr("принтер талонів «%1» не знайдено").arg(m_printerName));
        printer.setPrinterName(m_printerName);
        target = m_printerName;
    }
    QPainter painter;
    if (!painter.begin(&printer))
        return Error::make(ErrorCode::Io, tr("не вдалося розпочати друк талона на «%1»").arg(target));
    const QRectF page(QPointF(0, 0), printer.pageLayout().paintRectPixels(printer.resolution()).size());
    render(painter, page, ticket);
    if (!painter.end())
        return Error::make(ErrorCode::Io, tr("не вдалося завершити друк талона на «%1»").arg(target));
    if (m_printerName.isEmpty() && !QFileInfo::exists(target))
        return Error::make(ErrorCode::Io, tr("файл талона «%1» не створено").arg(target));
    return target;
}

void TicketPrinter::render(QPainter &p, const QRectF &page, const TicketPrint &t)
{
    p.save();
    p.setPen(Qt::black);
    const qreal u = page.height() / 22.0;  // layout unit: the page is 22 units tall
    qreal y = page.top();
    y = line(p, page, y, 2 * u, t.centreName, 9, true);
    y = line(p, page, y, 1.2 * u, t.queueName, 8, false);
    y = line(p, page, y + 0.5 * u, 1 * u, tr("Ваш талон"), 9, false);
    y = line(p, page, y, 5 * u, t.number, 40, true);
    y = line(p, page, y, 2.5 * u, t.serviceName, 9, false);
    if (!t.priorityNote.isEmpty())
        y = line(p, page, y, 2 * u, t.priorityNote, 7, true);
    p.drawLine(QPointF(page.left(), y + 0.3 * u), QPointF(page.right(), y + 0.3 * u));
    y += 0.6 * u;
    y = line(p, page, y, 1.3 * u, tr("Перед вами: %1").arg(t.ahead), 10, true);
    y = line(p, page, y, 1.3 * u, tr("Орієнтовне очікування: %1").arg(formatEstimate(t.estimatedWaitSecs)), 9, false);
    y = line(p, page, y, 1.3 * u, tr("Видано: %1").arg(t.issuedAt.toString(QStringLiteral("dd.MM.yyyy HH:mm"))), 8, false);
    line(p, page, y + 0.3 * u, 2 * u, tr("Слідкуйте за табло: номер вікна з'явиться поруч із вашим талоном."), 7, false);
    p.restore();
}

} // namespace cnap::gui
