#pragma once

#include "gui/common/AppContext.h"
#include "security/AuditLog.h"

#include <QObject>

namespace cnap::gui::admin {

class AuditModel;

/// The audit viewer's state: the current filter, paging, chain verification and
/// anchor export.  Every database call runs on the TaskRunner's worker thread;
/// results come back through guarded continuations.  Read-only by design: the
/// only way to add an entry is to act through a service.
class AuditController final : public QObject {
    Q_OBJECT
public:
    static constexpr int kPageSize = 200;

    explicit AuditController(AppContext context, QObject *parent = nullptr);

    [[nodiscard]] AuditModel *model() const { return m_model; }
    [[nodiscard]] const security::AuditFilter &filter() const { return m_filter; }

    /// Replaces the filter (limit and beforeSeq are the controller's) and reloads.
    void setFilter(const security::AuditFilter &filter);
    void reload();
    /// Walks the whole chain (AuditService::verify), optionally against an anchor.
    void verify(const std::optional<security::AuditAnchor> &anchor = std::nullopt);
    /// Writes "seq hash" of the newest entry to `path` atomically (QSaveFile).
    void exportAnchor(const QString &path);

    /// Writes an anchor file atomically; a clear Ukrainian error naming the file.
    [[nodiscard]] static Status writeAnchorFile(const QString &path, const security::AuditAnchor &anchor);
    /// A one-line, translated summary of a verification for the status line.
    [[nodiscard]] static QString describe(const security::AuditVerification &v);

Q_SIGNALS:
    void loaded(int rows);
    void verified(const cnap::security::AuditVerification &result);
    void anchorExported(const cnap::security::AuditAnchor &anchor, const QString &path);
    void failed(const cnap::Error &error);
    void busyChanged(bool busy);

private:
    void loadMore(qint64 beforeSeq, quint64 generation);
    void setBusy(bool busy);

    AppContext m_context;
    AuditModel *m_model;
    security::AuditFilter m_filter;
    quint64 m_generation = 0;
    int m_pending = 0;
};

} // namespace cnap::gui::admin
