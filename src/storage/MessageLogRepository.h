#pragma once

// The exchange message log (migration 0300): every request and response as it
// crossed the wire, with its SHA-256, time and outcome, kept for the
// configured retention and shown to administrators.

#include "core/Result.h"
#include "storage/Database.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace cnap::storage {

struct MessageLogEntry final {
    qint64 id = 0;
    QString messageId;
    QString caseNumber;
    QString serviceCode;
    QString direction;     ///< "request" | "response"
    qint64 atMs = 0;
    int httpStatus = 0;    ///< 0 for requests and for answers that never came
    QString contentType;
    QByteArray body;       ///< exactly as sent or received (empty when nothing came back)
    QString sha256;        ///< lower-case hex of body
    QString outcome;       ///< "sent", "accepted", "retry: …", "dead: …"
};

class MessageLogRepository final {
public:
    explicit MessageLogRepository(DatabasePtr db) : m_db(std::move(db)) {}

    /// Appends one entry (sha256 computed by the caller); works inside or outside a Transaction.
    [[nodiscard]] Result<qint64> append(const MessageLogEntry &entry);
    /// Newest first; `beforeId` > 0 pages backwards; `messageId` filters when set.
    /// `withBodies` false leaves `body` empty (the list view needs no payloads).
    [[nodiscard]] Result<QList<MessageLogEntry>> list(qint64 beforeId, int limit, const QString &messageId = {},
                                                      bool withBodies = false);
    [[nodiscard]] Result<MessageLogEntry> get(qint64 id);
    /// Deletes entries older than `olderThanMs`; returns how many.
    [[nodiscard]] Result<qint64> purge(qint64 olderThanMs);
    [[nodiscard]] Result<qint64> count();

private:
    DatabasePtr m_db;
};

} // namespace cnap::storage
