#pragma once

// The hall display's chime on a call.
//
// Decision: Qt Multimedia is not in our stack and spawning an external player is
// not acceptable, so the chime is the platform bell (QApplication::beep(): the
// X11/Wayland/Windows system sound).  Halls that need a louder announcement set
// the system bell sound on the display PC.  The visual cue carries the call
// anyway: the newest row flashes.  Tests count rings through rang().

#include <QObject>

namespace cnap::gui {

class Chime final : public QObject {
    Q_OBJECT
public:
    explicit Chime(bool enabled, QObject *parent = nullptr);

    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled) { m_enabled = enabled; }

public Q_SLOTS:
    void ring();

Q_SIGNALS:
    void rang();

private:
    bool m_enabled;
};

} // namespace cnap::gui
