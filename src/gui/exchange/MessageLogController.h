#pragma once

#include "gui/common/AppContext.h"
#include "storage/MessageLogRepository.h"

#include <QObject>

namespace cnap::gui::exchange {

class MessageLogModel;

/// One log entry made readable: the SOAP part indented when it parses (with
/// the hardened parser), attachments listed by content id, size and SHA-256;
/// otherwise the bytes as text with the reason.  `entry.body` stays exactly as
/// sent or received: that is what "Save" writes.
struct MessageLogDocument final {
    storage::MessageLogEntry entry;
    QString text;
    bool pretty = false;
    QString note;

    [[nodiscard]] static MessageLogDocument render(const storage::MessageLogEntry &entry);
};

/// The administrators' message log viewer: newest first, keyset paging by id
/// (beforeId), filter by message id, one entry opened in full, its bytes saved
/// atomically (QSaveFile).  ExchangeService checks ExchangeViewLog on every call.
class MessageLogController final : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultPageSize = 200;

    explicit MessageLogController(AppContext context, QObject *parent = nullptr);

    [[nodiscard]] MessageLogModel *model() const { return m_model; }
    [[nodiscard]] const QString &messageFilter() const { return m_messageId; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }

    /// Filters by X-Road message id (empty: every message) and reloads.
    void setMessageFilter(const QString &messageId);
    void reload();
    /// Loads entry `id` with its body; entryReady() or failed().
    void openEntry(qint64 id);
    /// Writes `body` to `path` atomically, on the worker.
    void saveBody(const QByteArray &body, const QString &path);

    [[nodiscard]] static Status writeFile(const QString &path, const QByteArray &bytes);

Q_SIGNALS:
    void loaded(int rows);
    void entryReady(const cnap::gui::exchange::MessageLogDocument &document);
    void saved(const QString &path);
    void failed(const cnap::Error &error);

private:
    void loadMore(qint64 beforeId, quint64 generation);

    AppContext m_context;
    MessageLogModel *m_model;
    QString m_messageId;
    quint64 m_generation = 0;
    int m_pageSize = kDefaultPageSize;
};

} // namespace cnap::gui::exchange
