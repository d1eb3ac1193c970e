#include "security/AuditLog.h"

#include "core/log/Categories.h"
#include "core/log/Masking.h"
#include "crypto/Hash.h"
#include "storage/AuditRepository.h"
#include "storage/Sql.h"
#include "storage/UserRepository.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace cnap::security {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::security::AuditLog", s); }

constexpr int kVerifyBatch = 2000;
constexpr qsizetype kMaxField = 500;

struct ActionKey {
    AuditAction action;
    const char16_t *key;
};
constexpr ActionKey kActionKeys[] = {
    {AuditAction::Login, u"login"},
    {AuditAction::LoginFailed, u"login-failed"},
    {AuditAction::Logout, u"logout"},
    {AuditAction::Lock, u"lock"},
    {AuditAction::Unlock, u"unlock"},
    {AuditAction::PasswordChange, u"password-change"},
    {AuditAction::ApplicantOpen, u"applicant-open"},
    {AuditAction::ApplicantSearch, u"applicant-search"},
    {AuditAction::ApplicantChange, u"applicant-change"},
    {AuditAction::CaseOpen, u"case-open"},
    {AuditAction::CaseChange, u"case-change"},
    {AuditAction::Export, u"export"},
    {AuditAction::Print, u"print"},
    {AuditAction::UserAdd, u"user-add"},
    {AuditAction::UserChange, u"user-change"},
    {AuditAction::SettingsChange, u"settings-change"},
    {AuditAction::QueueChange, u"queue-change"},
    {AuditAction::ExchangeChange, u"exchange-change"},
};

void appendField(QByteArray &out, const QString &value)
{
    const QByteArray bytes = value.toUtf8();
    out += QByteArray::number(bytes.size());
    out += ':';
    out += bytes;
    out += ';';
}

AuditEntry toEntry(const storage::AuditRow &r)
{
    return {r.seq, storage::UserRepository::parseTime(r.at), r.login, r.role, r.desk, r.action,
            r.objectType, r.objectId, r.details, r.hash};
}

QString clip(const QString &s) { return s.size() > kMaxField ? s.left(kMaxField) : s; }
} // namespace

QString auditActionKey(AuditAction action)
{
    for (const auto &k : kActionKeys) {
        if (k.action == action)
            return QString::fromUtf16(k.key);
    }
    return {};
}

Result<AuditAction> auditActionFromKey(const QString &key)
{
    for (const auto &k : kActionKeys) {
        if (key == QString::fromUtf16(k.key))
            return k.action;
    }
    return Error::invalid(QStringLiteral("action"), tr("невідома дія журналу аудиту «%1»").arg(key));
}

std::vector<AuditAction> allAuditActions()
{
    std::vector<AuditAction> out;
    for (const auto &k : kActionKeys)
        out.push_back(k.action);
    return out;
}

QString AuditAnchor::toText() const { return QString::number(seq) + u' ' + hash; }

Result<AuditAnchor> AuditAnchor::parse(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d+)\\s+([0-9a-f]{64})\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return Error::invalid(QStringLiteral("anchor"), tr("якір журналу аудиту має бути у форматі «номер хеш» (64 шістнадцяткові цифри)"));
    return AuditAnchor{m.captured(1).toLongLong(), m.captured(2)};
}

AuditLog::AuditLog(storage::DatabasePtr db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}

QString AuditLog::genesisHash() { return QString(64, u'0'); }

QString AuditLog::entryHash(const QString &prevHash, const storage::AuditRow &row)
{
    QByteArray data = prevHash.toLatin1();
    appendField(data, QString::number(row.seq));
    appendField(data, row.at);
    appendField(data, row.login);
    appendField(data, row.role);
    appendField(data, row.desk);
    appendField(data, row.action);
    appendField(data, row.objectType);
    appendField(data, row.objectId);
    appendField(data, row.details);
    return crypto::sha256Hex(data);
}

Status AuditLog::append(storage::Transaction &tx, const Actor &actor, AuditAction action, const QString &objectType,
                        const QString &objectId, const QString &details)
{
    return appendOn(tx.db(), actor, action, objectType, objectId, details);
}

Status AuditLog::append(const Actor &actor, AuditAction action, const QString &objectType, const QString &objectId,
                        const QString &details)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto tx = storage::Transaction::begin(conn.value());
    if (!tx)
        return tx.error();
    CNAP_TRY(appendOn(conn.value(), actor, action, objectType, objectId, details));
    return tx->commit();
}

Status AuditLog::appendOn(const QSqlDatabase &db, const Actor &actor, AuditAction action, const QString &objectType,
                          const QString &objectId, const QString &details)
{
    storage::AuditRepository repo(db);
    auto head = repo.lockHead();
    if (!head)
        return head.error();
    storage::AuditRow row;
    row.seq = head->seq + 1;
    row.at = storage::UserRepository::timeText(m_clock.now());
    row.login = clip(actor.login);
    row.role = roleKey(actor.role);
    // A null QString binds as SQL NULL; "no desk" is stored as empty text.
    row.desk = actor.desk.isNull() ? QStringLiteral("") : clip(log::maskPersonalData(actor.desk));
    row.action = auditActionKey(action);
    row.objectType = clip(objectType);
    row.objectId = clip(objectId);
    // Defence in depth: callers must not put personal data here, but a slip is masked.
    row.details = clip(log::maskPersonalData(details));
    row.prevHash = head->hash;
    row.hash = entryHash(row.prevHash, row);
    CNAP_TRY(repo.append(row));
    return {};
}

Result<AuditAnchor> AuditLog::anchor() const
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    storage::AuditRepository repo(conn.value());
    storage::AuditQuery newest;
    newest.limit = 1;
    auto page = repo.find(newest);
    if (!page)
        return page.error();
    if (page->empty())
        return AuditAnchor{0, genesisHash()};
    return AuditAnchor{page->front().seq, page->front().hash};
}

Result<AuditVerification> AuditLog::verify(const std::optional<AuditAnchor> &anchor) const
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    const storage::AuditRepository repo(conn.value());
    AuditVerification v;
    const auto fail = [&v](AuditFault fault, qint64 seq, qint64 other, QString message) {
        v.fault = fault;
        v.seq = seq;
        v.otherSeq = other;
        v.message = std::move(message);
        qCWarning(lcAudit) << "audit chain broken at entry" << seq << "fault" << static_cast<int>(fault);
        return v;
    };

    qint64 expected = 1;
    QString prevHash = genesisHash();
    QString anchorSeen;  // the stored hash at the anchor's seq
    while (true) {
        auto rows = repo.page(expected - 1, kVerifyBatch);
        if (!rows)
            return rows.error();
        if (rows->empty())
            break;
        for (const storage::AuditRow &row : rows.value()) {
            if (row.seq != expected) {
                return fail(AuditFault::Removed, expected, row.seq - 1,
                            row.seq - 1 == expected ? tr("запис №%1 журналу аудиту видалено").arg(expected)
                                                    : tr("записи №%1–%2 журналу аудиту видалено").arg(expected).arg(row.seq - 1));
            }
            if (entryHash(row.prevHash, row) != row.hash) {
                // Is this another position's entry moved here?  Its prev_hash then
                // names the entry before its true place, and it hashes correctly there.
                if (row.prevHash != prevHash) {
                    std::optional<qint64> before;
                    if (row.prevHash == genesisHash()) {
                        before = 0;
                    } else {
                        auto found = repo.seqOfHash(row.prevHash);
                        if (!found)
                            return found.error();
                        before = found.value();
                    }
                    if (before && *before + 1 != row.seq) {
                        storage::AuditRow moved = row;
                        moved.seq = *before + 1;
                        if (entryHash(row.prevHash, moved) == row.hash)
                            return fail(AuditFault::Reordered, row.seq, moved.seq,
                                        tr("запис №%1 журналу аудиту переставлено: на його місці запис №%2").arg(row.seq).arg(moved.seq));
                    }
                }
                return fail(AuditFault::Changed, row.seq, 0, tr("запис №%1 журналу аудиту змінено").arg(row.seq));
            }
            if (row.prevHash != prevHash) {
                // This entry is intact but does not follow its predecessor: the
                // predecessor was rewritten together with its hash.
                const qint64 culprit = row.seq > 1 ? row.seq - 1 : row.seq;
                return fail(AuditFault::Changed, culprit, 0, tr("запис №%1 журналу аудиту змінено").arg(culprit));
            }
            if (anchor && row.seq == anchor->seq)
                anchorSeen = row.hash;
            prevHash = row.hash;
            ++v.entries;
            ++expected;
        }
    }
    const qint64 last = expected - 1;

    auto head = repo.head();
    if (!head)
        return head.error();
    if (head->seq > last)
        return fail(AuditFault::Truncated, last + 1, head->seq,
                    tr("журнал аудиту обрізано: бракує записів №%1–%2").arg(last + 1).arg(head->seq));
    if (head->seq < last)
        return fail(AuditFault::Changed, head->seq + 1, 0,
                    tr("запис №%1 журналу аудиту додано в обхід програми").arg(head->seq + 1));
    if (head->hash != prevHash)
        return fail(AuditFault::Changed, last, 0, tr("запис №%1 журналу аудиту змінено").arg(last));

    if (anchor) {
        if (anchor->seq > last)
            return fail(AuditFault::Truncated, last + 1, anchor->seq,
                        tr("журнал аудиту обрізано: бракує записів №%1–%2 (за якорем)").arg(last + 1).arg(anchor->seq));
        const QString expectedHash = anchor->seq == 0 ? genesisHash() : anchorSeen;
        if (expectedHash != anchor->hash)
            return fail(AuditFault::Changed, anchor->seq, 0,
                        tr("запис №%1 журналу аудиту не збігається з якорем").arg(anchor->seq));
    }
    return v;
}

Result<std::vector<AuditEntry>> AuditLog::list(const AuditFilter &f) const
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    if (f.from.isValid() && f.to.isValid() && f.to <= f.from)
        return Error::invalid(QStringLiteral("to"), tr("кінець періоду має бути пізніше за початок"));
    storage::AuditQuery q;
    if (f.from.isValid())
        q.fromAt = storage::UserRepository::timeText(f.from);
    if (f.to.isValid())
        q.toAt = storage::UserRepository::timeText(f.to);
    q.login = f.login;
    if (f.action)
        q.action = auditActionKey(*f.action);
    q.objectType = f.objectType;
    q.objectId = f.objectId;
    q.limit = f.limit;
    q.beforeSeq = f.beforeSeq;
    auto rows = storage::AuditRepository(conn.value()).find(q);
    if (!rows)
        return rows.error();
    std::vector<AuditEntry> out;
    out.reserve(rows->size());
    for (const auto &r : rows.value())
        out.push_back(toEntry(r));
    return out;
}

} // namespace cnap::security
