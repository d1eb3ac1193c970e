#pragma once

// Registration journals: one gap-free counter per journal and year.

#include "core/Result.h"
#include "storage/Database.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cnap::storage {

class JournalRepository final {
public:
    explicit JournalRepository(DatabasePtr db) : m_db(std::move(db)) {}

    /// Takes the next `count` numbers of `journal` in `year` and returns the
    /// first.  MUST run inside an open Transaction on this thread's connection:
    /// the counter row stays locked until that transaction ends, so concurrent
    /// desks queue up on it, and a rollback gives the numbers back — no gaps.
    /// (PostgreSQL: INSERT ... ON CONFLICT DO UPDATE ... RETURNING locks the row
    /// exactly like SELECT ... FOR UPDATE; SQLite: BEGIN IMMEDIATE holds the write lock.)
    [[nodiscard]] Result<qint64> reserve(const QString &journal, int year, qint64 count = 1);

    struct Counter final {
        QString journal;
        int year = 0;
        qint64 lastSeq = 0;
    };
    [[nodiscard]] Result<QList<Counter>> counters();

    /// Problems with numbering, one line each (empty: sound): for every journal
    /// and year the cases must carry exactly the numbers 1..last_seq.
    [[nodiscard]] Result<QStringList> verify();

private:
    DatabasePtr m_db;
};

} // namespace cnap::storage
