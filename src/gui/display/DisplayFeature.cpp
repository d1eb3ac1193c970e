// Registers the hall display as the window of `--mode display`.

#include "gui/display/HallDisplay.h"
#include "gui/main/Features.h"

namespace cnap::gui {
namespace {

const FeatureRegistrar hallDisplayFeature(Mode::Display, [](const AppContext &context) -> QWidget * {
    // The display account may only read the board: the service layer refuses the rest.
    return new HallDisplay(context);
});

} // namespace
} // namespace cnap::gui
