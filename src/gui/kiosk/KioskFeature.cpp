// Registers the self-service kiosk as the window of `--mode kiosk`.

#include "gui/kiosk/KioskWindow.h"
#include "gui/main/Features.h"

namespace cnap::gui {
namespace {

const FeatureRegistrar kioskFeature(Mode::Kiosk, [](const AppContext &context) -> QWidget * {
    return new KioskWindow(context);
});

} // namespace
} // namespace cnap::gui
