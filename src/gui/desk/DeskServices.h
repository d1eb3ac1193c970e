#pragma once

// The services the desk screens call, built once per window from the
// AppContext.  They are only ever called from the TaskRunner's worker thread
// (each thread gets its own database connection from storage::Database).

#include "gui/common/AppContext.h"
#include "services/ApplicantService.h"
#include "services/CaseService.h"
#include "services/CatalogueService.h"

#include <QString>

#include <memory>

namespace cnap::gui::desk {

struct DeskServices final {
    std::shared_ptr<services::CaseService> cases;         ///< null when the document store is not configured
    std::shared_ptr<services::ApplicantService> applicants;
    std::shared_ptr<services::CatalogueService> catalogue;
    QString storeProblem;                                 ///< why `cases` is null (Ukrainian)
    qint64 maxAttachmentBytes = kDefaultMaxAttachmentBytes;

    /// Settings used: DocumentStoreDir (else CNAP_STORE, else next to a SQLite
    /// file) and MaxUploadMegabytes.
    [[nodiscard]] static std::shared_ptr<DeskServices> create(const AppContext &context);
};

using DeskServicesPtr = std::shared_ptr<DeskServices>;

} // namespace cnap::gui::desk
