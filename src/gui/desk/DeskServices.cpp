#include "gui/desk/DeskServices.h"

#include "gui/settings/Settings.h"
#include "storage/DocumentStore.h"

#include <QCoreApplication>

namespace cnap::gui::desk {

std::shared_ptr<DeskServices> DeskServices::create(const AppContext &context)
{
    auto s = std::make_shared<DeskServices>();
    const Clock &clock = context.clock ? *context.clock : Clock::system();
    if (context.settings) {
        const int mb = context.settings->integer(Settings::Key::MaxUploadMegabytes);
        if (mb > 0)
            s->maxAttachmentBytes = qint64(mb) * 1024 * 1024;
    }
    s->applicants = std::make_shared<services::ApplicantService>(context.database, clock);
    s->catalogue = std::make_shared<services::CatalogueService>(context.database, clock);
    const QString explicitRoot = context.settings ? context.settings->string(Settings::Key::DocumentStoreDir) : QString();
    auto root = storage::DocumentStore::resolveRoot(context.database->url(), explicitRoot);
    if (!root) {
        s->storeProblem = QCoreApplication::translate(
            "cnap::gui::desk::DeskServices",
            "не налаштовано сховище документів (параметр DocumentStoreDir або змінна CNAP_STORE): %1")
                              .arg(root.error().message);
        return s;
    }
    services::CaseServiceOptions options;
    options.maxAttachmentBytes = s->maxAttachmentBytes;
    s->cases = std::make_shared<services::CaseService>(context.database,
                                                       std::make_shared<storage::DocumentStore>(root.value()), options, clock);
    return s;
}

} // namespace cnap::gui::desk
