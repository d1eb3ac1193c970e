#pragma once

// Content-addressed file store for case documents.  Each file is kept once,
// named by its SHA-256, under ROOT/ab/<64 hex digits>.  A file is written
// safely — a temporary file in the same folder, flushed and fsync'ed, renamed
// into place, the folder fsync'ed — and BEFORE the database transaction that
// refers to it commits: a crash can leave an unreferenced file behind, never a
// reference to a missing one.  Files and folders are owner-only (personal data).

#include "core/Result.h"
#include "storage/DatabaseUrl.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cnap::storage {

/// What put() did.
struct StoredFile final {
    QString sha256;       ///< lower-case hex
    qint64 size = 0;
    bool written = false; ///< false: the same content was already in the store
};

class DocumentStore final {
public:
    /// A store rooted at `root` (created owner-only on first write).  An empty
    /// root is a store that is not configured: every file operation fails
    /// (field "--store"); commands that never touch files can still run.
    explicit DocumentStore(QString root);

    /// Where the store of `url` lives: `explicitRoot` if given, else the
    /// environment variable CNAP_STORE, else for SQLite the folder next to the
    /// database file ("<file>.files").  PostgreSQL has no such neighbour: without
    /// one of the first two the error (field "--store") says so.
    [[nodiscard]] static Result<QString> resolveRoot(const DatabaseUrl &url, const QString &explicitRoot = {});

    [[nodiscard]] const QString &root() const { return m_root; }
    /// Where a file with this hash lives (whether or not it exists).
    [[nodiscard]] QString pathFor(const QString &sha256) const;

    /// Stores `content` durably unless the same bytes are already there.
    [[nodiscard]] Result<StoredFile> put(const QByteArray &content);
    /// Reads a stored file back; NotFound when absent.
    [[nodiscard]] Result<QByteArray> read(const QString &sha256) const;
    /// Is the file present with exactly this hash?  (Reads it whole.)
    [[nodiscard]] Result<bool> verify(const QString &sha256) const;
    [[nodiscard]] bool contains(const QString &sha256) const;
    /// Hashes of all files in the store (for `cnapctl check`'s orphan count).
    [[nodiscard]] QStringList list() const;

private:
    QString m_root;
};

} // namespace cnap::storage
