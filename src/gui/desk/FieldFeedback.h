#pragma once

// Shows a validation problem where it belongs: a red border on the field and
// the Ukrainian message in a label right under it (the message names the field).

#include <QHash>
#include <QPointer>
#include <QString>

class QLabel;
class QWidget;

namespace cnap::gui::desk {

class FieldFeedback final {
public:
    /// Registers `field` (a service-layer field name such as "rnokpp" or
    /// "attachments[0]") shown by `widget` with `label` under it.  The label is
    /// hidden until an error arrives.
    void bind(const QString &field, QWidget *widget, QLabel *label);
    /// Shows `message` at `field`; falls back to `fallback` when the field is not bound.
    /// Returns false when neither is bound.
    bool show(const QString &field, const QString &message, const QString &fallback = {});
    void clear(const QString &field);
    void clearAll();
    [[nodiscard]] QString message(const QString &field) const;
    [[nodiscard]] bool hasErrors() const;
    [[nodiscard]] bool isBound(const QString &field) const { return m_fields.contains(field); }

    /// The marker property styled by the desk's style sheet.
    static void markInvalid(QWidget *widget, bool invalid);

private:
    struct Binding {
        QPointer<QWidget> widget;
        QPointer<QLabel> label;
    };
    QHash<QString, Binding> m_fields;
};

/// Makes a small red message label for under a field.
[[nodiscard]] QLabel *makeErrorLabel(QWidget *parent, const QString &objectName);

} // namespace cnap::gui::desk
