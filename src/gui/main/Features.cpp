#include "gui/main/Features.h"

#include "gui/main/MainWindow.h"

#include <algorithm>

namespace cnap::gui {

QString modeKey(Mode mode)
{
    switch (mode) {
    case Mode::Workstation: return QStringLiteral("workstation");
    case Mode::Supervisor: return QStringLiteral("supervisor");
    case Mode::Display: return QStringLiteral("display");
    case Mode::Kiosk: return QStringLiteral("kiosk");
    case Mode::Feedback: return QStringLiteral("feedback");
    }
    return {};
}

std::vector<MainWindowFeature> &FeatureRegistry::mainWindowFeatures()
{
    static std::vector<MainWindowFeature> all;
    return all;
}

std::vector<WindowFeature> &FeatureRegistry::windowFeatures()
{
    static std::vector<WindowFeature> all;
    return all;
}

void FeatureRegistry::installInto(MainWindow &window, Mode mode)
{
    std::vector<MainWindowFeature> features;
    for (const auto &f : mainWindowFeatures()) {
        if (f.mode == mode)
            features.push_back(f);
    }
    std::stable_sort(features.begin(), features.end(), [](const auto &a, const auto &b) { return a.order < b.order; });
    for (const auto &f : features) {
        // The pages a feature adds carry its key, so automation can ask for
        // "supervisor-reports" rather than a tab number that moves with roles.
        const int before = window.pageCount();
        f.install(window);
        for (int i = before; i < window.pageCount(); ++i)
            window.setPageKey(i, f.key);
    }
}

QWidget *FeatureRegistry::createWindow(Mode mode, const AppContext &context)
{
    for (const auto &f : windowFeatures()) {
        if (f.mode == mode)
            return f.create(context);
    }
    return nullptr;
}

} // namespace cnap::gui
