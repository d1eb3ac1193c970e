#include "gui/desk/FieldFeedback.h"

#include <QLabel>
#include <QStyle>
#include <QWidget>

namespace cnap::gui::desk {

void FieldFeedback::bind(const QString &field, QWidget *widget, QLabel *label)
{
    m_fields.insert(field, Binding{widget, label});
    if (label)
        label->hide();
}

void FieldFeedback::markInvalid(QWidget *widget, bool invalid)
{
    if (!widget)
        return;
    // A dynamic property plus a style sheet keeps the platform style for valid fields.
    widget->setProperty("invalid", invalid);
    widget->setStyleSheet(invalid ? QStringLiteral("border: 2px solid #c62828; border-radius: 3px;") : QString());
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

bool FieldFeedback::show(const QString &field, const QString &message, const QString &fallback)
{
    auto it = m_fields.find(field);
    if (it == m_fields.end() && !fallback.isEmpty())
        it = m_fields.find(fallback);
    if (it == m_fields.end())
        return false;
    markInvalid(it->widget, true);
    if (it->label) {
        it->label->setText(message);
        it->label->show();
    }
    return true;
}

void FieldFeedback::clear(const QString &field)
{
    auto it = m_fields.find(field);
    if (it == m_fields.end())
        return;
    markInvalid(it->widget, false);
    if (it->label) {
        it->label->clear();
        it->label->hide();
    }
}

void FieldFeedback::clearAll()
{
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        clear(it.key());
}

QString FieldFeedback::message(const QString &field) const
{
    const auto it = m_fields.constFind(field);
    return it != m_fields.cend() && it->label && !it->label->isHidden() ? it->label->text() : QString();
}

bool FieldFeedback::hasErrors() const
{
    for (const Binding &b : m_fields) {
        if (b.label && !b.label->isHidden())
            return true;
    }
    return false;
}

QLabel *makeErrorLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    label->setWordWrap(true);
    label->hide();
    return label;
}

} // namespace cnap::gui::desk
