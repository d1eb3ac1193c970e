#include "gui/desk/InventoryRenderer.h"

#include <QCoreApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPrintDialog>
#include <QPrinter>
#include <QSaveFile>
#include <QTextDocument>

#include <memory>

namespace cnap::gui::desk {
namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::gui::desk::InventoryRenderer", s); }

QString esc(const QString &s) { return s.toHtmlEscaped(); }

QString money(qint64 kopecks)
{
    return QStringLiteral("%1.%2").arg(kopecks / 100).arg(kopecks % 100, 2, 10, QLatin1Char('0'));
}

QString copyHtml(const CaseInventory &inv, const QString &copyTitle)
{
    const QString d = QStringLiteral("dd.MM.yyyy");
    QString h;
    h += QStringLiteral("<p align=right style='font-size:9pt'>%1</p>").arg(esc(copyTitle));
    h += QStringLiteral("<h3 align=center>%1</h3>").arg(esc(tr("ОПИС ВХІДНОГО ПАКЕТА ДОКУМЕНТІВ")));
    h += QStringLiteral("<p align=center>%1</p>")
             .arg(esc(tr("№ %1 від %2").arg(inv.caseNumber, inv.registeredAt.toLocalTime().toString(d))));
    h += QStringLiteral("<table cellspacing=0 cellpadding=3 width='100%'>");
    auto row = [&h](const QString &k, const QString &v) {
        h += QStringLiteral("<tr><td width='32%'><b>%1</b></td><td>%2</td></tr>").arg(esc(k), esc(v));
    };
    row(tr("Суб'єкт звернення"), inv.applicantCode.isEmpty() ? inv.applicantName
                                                                : inv.applicantName + QStringLiteral(" (") + inv.applicantCode + u')');
    row(tr("Суб'єкт надання"), inv.providerName);
    row(tr("Адміністративна послуга"), inv.serviceCode + QStringLiteral(" — ") + inv.serviceName);
    if (!inv.objectAddress.isEmpty())
        row(tr("Адреса об'єкта"), inv.objectAddress);
    row(tr("Граничний строк надання"), inv.dueDate.toString(d));
    QString delivery = deliveryMethodDisplayName(inv.delivery);
    if (!inv.deliveryContact.isEmpty())
        delivery += QStringLiteral(": ") + inv.deliveryContact;
    row(tr("Спосіб отримання результату"), delivery);
    row(tr("Адміністративний збір"), inv.feeKopecks == 0 ? tr("безоплатно")
                                                         : tr("%1 грн (%2)").arg(money(inv.feeKopecks), inv.paymentEvidence));
    h += QStringLiteral("</table><br>");
    h += QStringLiteral("<table border=1 cellspacing=0 cellpadding=4 width='100%'><tr><th width='6%'>№</th><th>%1</th>"
                        "<th width='22%'>%2</th><th width='12%'>%3</th></tr>")
             .arg(esc(tr("Найменування документа")), esc(tr("Оригінал / копія")), esc(tr("Аркушів")));
    for (const auto &line : inv.documents) {
        h += QStringLiteral("<tr><td align=center>%1</td><td>%2</td><td>%3</td><td align=center>%4</td></tr>")
                 .arg(line.number)
                 .arg(esc(line.name), esc(documentFormDisplayName(line.form)))
                 .arg(line.sheets);
    }
    h += QStringLiteral("<tr><td></td><td><b>%1</b></td><td></td><td align=center><b>%2</b></td></tr></table>")
             .arg(esc(tr("Усього аркушів")))
             .arg(inv.totalSheets);
    if (inv.attachedFiles > 0)
        h += QStringLiteral("<p>%1</p>").arg(esc(tr("Електронних копій (сканів) долучено: %1").arg(inv.attachedFiles)));
    h += QStringLiteral("<br><table width='100%' cellpadding=6>");
    h += QStringLiteral("<tr><td width='50%'>%1<br>%2</td><td>%3<br>%4</td></tr>")
             .arg(esc(tr("Документи прийняв адміністратор ЦНАП:")),
                  esc(inv.administratorName.isEmpty() ? inv.administratorLogin : inv.administratorName),
                  esc(tr("Документи здав суб'єкт звернення:")), esc(inv.applicantName));
    h += QStringLiteral("<tr><td>____________ (%1)</td><td>____________ (%1)</td></tr>").arg(esc(tr("підпис")));
    h += QStringLiteral("</table>");
    return h;
}

void render(const CaseInventory &inventory, QPagedPaintDevice *device, int resolution)
{
    QTextDocument doc;
    QFont font(QStringLiteral("DejaVu Serif"));
    font.setPointSizeF(11);
    doc.setDefaultFont(font);
    const QPageLayout layout = device->pageLayout();
    const QRectF page = layout.paintRect(QPageLayout::Point);
    doc.setPageSize(page.size());
    QPainter painter(device);
    const double scale = resolution / 72.0;
    const QString copies[] = {tr("Примірник ЦНАП"), tr("Примірник суб'єкта звернення")};
    bool first = true;
    for (const QString &copy : copies) {
        if (!first)
            device->newPage();
        first = false;
        doc.setHtml(copyHtml(inventory, copy));
        painter.save();
        painter.scale(scale, scale);
        doc.drawContents(&painter, QRectF(QPointF(0, 0), page.size()));
        painter.restore();
    }
}

} // namespace

QString InventoryRenderer::html(const CaseInventory &inventory)
{
    return copyHtml(inventory, tr("Примірник ЦНАП")) + QStringLiteral("<div style='page-break-before:always'></div>")
         + copyHtml(inventory, tr("Примірник суб'єкта звернення"));
}

Status InventoryRenderer::writePdf(const CaseInventory &inventory, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(ErrorCode::Io, tr("не вдалося створити файл %1: %2").arg(path, file.errorString()));
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(20, 15, 10, 15), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(tr("Опис вхідного пакета документів %1").arg(inventory.caseNumber));
        writer.setCreator(QStringLiteral("CNAP"));
        render(inventory, &writer, writer.resolution());
    }
    if (!file.commit())
        return Error::make(ErrorCode::Io, tr("не вдалося записати файл %1: %2").arg(path, file.errorString()));
    return {};
}

void InventoryRenderer::print(const CaseInventory &inventory, QPrinter *printer)
{
    render(inventory, printer, printer->resolution());
}

void InventoryRenderer::printWithDialog(QWidget *parent, const CaseInventory &inventory, std::function<void()> printed)
{
    auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    printer->setPageSize(QPageSize(QPageSize::A4));
    printer->setDocName(tr("Опис %1").arg(inventory.caseNumber));
    auto *dialog = new QPrintDialog(printer.get(), parent);
    dialog->setObjectName(QStringLiteral("inventoryPrintDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QDialog::accepted, dialog, [printer, inventory, printed = std::move(printed)]() {
        print(inventory, printer.get());
        if (printed)
            printed();
    });
    dialog->open();
}

} // namespace cnap::gui::desk
