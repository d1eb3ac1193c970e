#pragma once

#include "gui/common/AppContext.h"

#include <QString>

#include <functional>
#include <vector>

class QWidget;

namespace cnap::gui {

class MainWindow;

/// The ways the workstation runs (`cnap-workstation --mode KEY`).
enum class Mode { Workstation, Supervisor, Display, Kiosk, Feedback };

[[nodiscard]] QString modeKey(Mode mode);

/// Each feature folder (src/gui/<feature>/) registers what it adds to a mode
/// with a static FeatureRegistrar, so features land without editing the
/// assembly code.  Main-window modes (workstation, supervisor) receive panels
/// and pages; full-screen modes (display, kiosk, feedback) one window factory.
using MainWindowInstaller = std::function<void(MainWindow &)>;
using WindowFactory = std::function<QWidget *(const AppContext &)>;

struct MainWindowFeature {
    Mode mode;
    int order;  ///< lower first: decides page and panel order
    QString key;
    MainWindowInstaller install;
};

struct WindowFeature {
    Mode mode;
    WindowFactory create;
};

class FeatureRegistry final {
public:
    static std::vector<MainWindowFeature> &mainWindowFeatures();
    static std::vector<WindowFeature> &windowFeatures();

    /// Installs every feature of `mode` into the window, in order.
    static void installInto(MainWindow &window, Mode mode);
    /// The window of a full-screen mode, or nullptr when none is registered.
    static QWidget *createWindow(Mode mode, const AppContext &context);
};

struct FeatureRegistrar {
    FeatureRegistrar(Mode mode, int order, QString key, MainWindowInstaller install)
    {
        FeatureRegistry::mainWindowFeatures().push_back({mode, order, std::move(key), std::move(install)});
    }
    FeatureRegistrar(Mode mode, WindowFactory create)
    {
        FeatureRegistry::windowFeatures().push_back({mode, std::move(create)});
    }
};

} // namespace cnap::gui
