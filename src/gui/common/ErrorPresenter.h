#pragma once

#include "core/Result.h"

#include <QString>

class QWidget;

namespace cnap::gui {

/// The one place where an Error becomes something a person reads: a title by
/// error class, the (already translated) message, and the field named.
class ErrorPresenter final {
public:
    [[nodiscard]] static QString title(const Error &error);
    [[nodiscard]] static QString text(const Error &error);
    /// Shows a modal message box (window-modal on `parent`).
    static void show(QWidget *parent, const Error &error);
};

} // namespace cnap::gui
