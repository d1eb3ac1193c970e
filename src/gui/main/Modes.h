#pragma once

#include "gui/common/AppContext.h"

class QWidget;

namespace cnap::gui {

class MainWindow;

/// Feature assembly per mode.  Each function lives beside its feature
/// (src/gui/<feature>/) and returns nullptr when the actor's role may not use it.
void installClerkFeatures(MainWindow &window);
void installSupervisorFeatures(MainWindow &window);
QWidget *createDisplayWindow(const AppContext &context);
QWidget *createKioskWindow(const AppContext &context);
QWidget *createFeedbackWindow(const AppContext &context);

} // namespace cnap::gui
