#pragma once

// The опис вхідного пакета документів on paper and in PDF.  Two copies on
// separate pages: one stays in the case file, one is handed to the applicant
// as proof of what the centre took in (Law 5203-VI, Art. 9 part 6: the
// administrator registers the application and hands over the inventory).

#include "core/Result.h"
#include "core/cases/Case.h"

#include <QString>

#include <functional>

class QPagedPaintDevice;
class QPrinter;
class QWidget;

namespace cnap::gui::desk {

class InventoryRenderer final {
public:
    /// The HTML of both copies, page-broken.
    [[nodiscard]] static QString html(const CaseInventory &inventory);
    /// Writes an A4 PDF (both copies); the file is replaced atomically.
    [[nodiscard]] static Status writePdf(const CaseInventory &inventory, const QString &path);
    /// Prints both copies on `printer`.
    static void print(const CaseInventory &inventory, QPrinter *printer);
    /// Shows the print dialog without blocking (QPrintDialog::open) and prints
    /// when accepted; `printed` runs after printing.
    static void printWithDialog(QWidget *parent, const CaseInventory &inventory, std::function<void()> printed);
};

} // namespace cnap::gui::desk
