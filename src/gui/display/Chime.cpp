#include "gui/display/Chime.h"

#include <QApplication>

namespace cnap::gui {

Chime::Chime(bool enabled, QObject *parent) : QObject(parent), m_enabled(enabled) {}

void Chime::ring()
{
    if (!m_enabled)
        return;
    QApplication::beep();
    Q_EMIT rang();
}

} // namespace cnap::gui
