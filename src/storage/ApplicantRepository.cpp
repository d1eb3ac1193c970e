#include "storage/ApplicantRepository.h"

#include "core/text/SearchKey.h"
#include "storage/Sql.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QStringList>

namespace cnap::storage {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::storage::ApplicantRepository", s); }

// Column order shared by INSERT binds (rowValues) and SELECT reads (fromRow);
// `id` is read first and never written.
const QStringList &dataColumns()
{
    static const QStringList cols = {
        QStringLiteral("kind"), QStringLiteral("surname"), QStringLiteral("given_name"),
        QStringLiteral("patronymic"), QStringLiteral("birth_date"), QStringLiteral("sex"),
        QStringLiteral("rnokpp"), QStringLiteral("rnokpp_refused"), QStringLiteral("unzr"),
        QStringLiteral("doc_type"), QStringLiteral("doc_number"), QStringLiteral("doc_issuer"),
        QStringLiteral("doc_issued_on"), QStringLiteral("edrpou"), QStringLiteral("organisation_name"),
        QStringLiteral("representative_name"), QStringLiteral("representative_authority"),
        QStringLiteral("address_text"), QStringLiteral("address_katottg"), QStringLiteral("phone"),
        QStringLiteral("phone_key"), QStringLiteral("email"), QStringLiteral("consent_given"),
        QStringLiteral("consent_at"), QStringLiteral("surname_key"), QStringLiteral("version"),
        QStringLiteral("created_at"), QStringLiteral("updated_at"),
    };
    return cols;
}

const QString &selectSql()
{
    static const QString sql = QStringLiteral("SELECT id, ") + dataColumns().join(QStringLiteral(", "))
                               + QStringLiteral(" FROM applicants WHERE ");
    return sql;
}

/// "(?, ?, …)" for one row.
QString rowPlaceholders()
{
    QStringList marks;
    for (qsizetype i = 0; i < dataColumns().size(); ++i)
        marks << QStringLiteral("?");
    return u'(' + marks.join(QStringLiteral(", ")) + u')';
}

QString insertSql(int rows)
{
    QStringList values;
    const QString one = rowPlaceholders();
    for (int i = 0; i < rows; ++i)
        values << one;
    return QStringLiteral("INSERT INTO applicants (") + dataColumns().join(QStringLiteral(", "))
           + QStringLiteral(") VALUES ") + values.join(QStringLiteral(", "));
}

QVariant textOrNull(const QString &s) { return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s); }

QVariant dateOrNull(QDate d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}

/// ISO 8601 UTC with milliseconds: sorts as text on SQLite, parses as TIMESTAMPTZ on PostgreSQL.
QString timestampText(const QDateTime &t) { return t.toUTC().toString(Qt::ISODateWithMs); }

QVariant timestampOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(timestampText(t)) : QVariant(QMetaType::fromType<QString>());
}

QDateTime readTimestamp(const QVariant &v)
{
    if (v.isNull())
        return {};
    if (v.metaType() == QMetaType::fromType<QDateTime>())
        return v.toDateTime().toUTC();
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

QDate readDate(const QVariant &v)
{
    if (v.isNull())
        return {};
    if (v.metaType() == QMetaType::fromType<QDate>())
        return v.toDate();
    return QDate::fromString(v.toString().left(10), Qt::ISODate);
}

/// Stored values for one (normalised) applicant, in dataColumns() order.
QVariantList rowValues(const Applicant &a, const QString &now)
{
    QVariant sex(QMetaType::fromType<QString>());
    if (a.sex)
        sex = *a.sex == Sex::Female ? QStringLiteral("female") : QStringLiteral("male");
    const QString phone = a.phone.isEmpty() ? QString() : phoneKey(a.phone);
    return {
        toCode(a.kind), textOrNull(a.surname), textOrNull(a.givenName), textOrNull(a.patronymic),
        dateOrNull(a.birthDate), sex, textOrNull(a.rnokpp), a.rnokppRefused, textOrNull(a.unzr),
        textOrNull(toCode(a.document.type)), textOrNull(a.document.number), textOrNull(a.document.issuer),
        dateOrNull(a.document.issueDate), textOrNull(a.edrpou), textOrNull(a.organisationName),
        textOrNull(a.representative.fullName), textOrNull(a.representative.authority),
        textOrNull(a.address.text), textOrNull(a.address.katottg), textOrNull(a.phone), textOrNull(phone),
        textOrNull(a.email), a.consentGiven, timestampOrNull(a.consentAt),
        surnameKey(a.isPerson() ? a.surname : a.organisationName), 1, now, now,
    };
}

Applicant fromRow(const QSqlQuery &q)
{
    Applicant a;
    int i = 0;
    a.id = q.value(i++).toLongLong();
    a.kind = applicantKindFromCode(q.value(i++).toString()).value_or(ApplicantKind::Person);
    a.surname = q.value(i++).toString();
    a.givenName = q.value(i++).toString();
    a.patronymic = q.value(i++).toString();
    a.birthDate = readDate(q.value(i++));
    const QString sex = q.value(i++).toString();
    if (sex == QStringLiteral("female"))
        a.sex = Sex::Female;
    else if (sex == QStringLiteral("male"))
        a.sex = Sex::Male;
    a.rnokpp = q.value(i++).toString();
    a.rnokppRefused = q.value(i++).toBool();
    a.unzr = q.value(i++).toString();
    a.document.type = documentTypeFromCode(q.value(i++).toString()).value_or(IdentityDocumentType::Other);
    a.document.number = q.value(i++).toString();
    a.document.issuer = q.value(i++).toString();
    a.document.issueDate = readDate(q.value(i++));
    a.edrpou = q.value(i++).toString();
    a.organisationName = q.value(i++).toString();
    a.representative.fullName = q.value(i++).toString();
    a.representative.authority = q.value(i++).toString();
    a.address.text = q.value(i++).toString();
    a.address.katottg = q.value(i++).toString();
    a.phone = q.value(i++).toString();
    ++i;  // phone_key: derived
    a.email = q.value(i++).toString();
    a.consentGiven = q.value(i++).toBool();
    a.consentAt = readTimestamp(q.value(i++));
    ++i;  // surname_key: derived
    a.version = q.value(i++).toInt();
    a.createdAt = readTimestamp(q.value(i++));
    a.updatedAt = readTimestamp(q.value(i++));
    return a;
}

/// The stored spelling of a document number typed at a desk.
QString documentKey(const QString &number)
{
    if (auto p = PassportNumber::parse(number))
        return p->value();
    return number.simplified().toUpper();
}

QString unzrKey(const QString &unzr)
{
    if (auto u = Unzr::parse(unzr))
        return u->value();
    return unzr.trimmed();
}

constexpr int kMaxSearchLimit = 500;
// Rows per multi-row INSERT in insertBatch: 100 × 28 binds stays far below both
// SQLite's (32766) and PostgreSQL's (65535) parameter limits, and cuts the number
// of round trips to the server a hundredfold.
constexpr int kBatchRows = 100;
// SQLite page cache for a bulk load, in KiB (negative PRAGMA value).  The default
// 2 MiB cannot hold the seven index B-trees of a large table; inserts in random key
// order then spill dirty pages to the WAL and read them back, and a million-row
// load slows down several-fold as it goes.  Pages are allocated only as used and
// the cache is put back to its previous size when the batch ends.
constexpr int kBulkCacheKiB = 256 * 1024;

/// Raises the SQLite page cache of one connection for the lifetime of the guard.
class BulkCacheGuard final {
public:
    explicit BulkCacheGuard(const QSqlDatabase &db) : m_db(db)
    {
        if (isPostgres(m_db))
            return;
        auto prev = execOne(m_db, QStringLiteral("PRAGMA cache_size"));
        if (!prev)
            return;
        m_previous = prev->value(0).toString();
        m_raised = exec(m_db, QStringLiteral("PRAGMA cache_size = -%1").arg(kBulkCacheKiB)).ok();
    }
    ~BulkCacheGuard()
    {
        if (!m_raised)
            return;
        bool numeric = false;
        const int previous = m_previous.toInt(&numeric);
        if (numeric)  // a number we read back ourselves, never outside input
            (void)exec(m_db, QStringLiteral("PRAGMA cache_size = %1").arg(previous));
    }
    BulkCacheGuard(const BulkCacheGuard &) = delete;
    BulkCacheGuard &operator=(const BulkCacheGuard &) = delete;

private:
    QSqlDatabase m_db;
    QString m_previous;
    bool m_raised = false;
};

} // namespace

ApplicantRepository::ApplicantRepository(DatabasePtr db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}

Result<std::vector<Applicant>> ApplicantRepository::select(const QString &where, const QVariantList &binds,
                                                           const QString &tail)
{
    auto q = exec(m_db->db(), selectSql() + where + tail, binds);
    if (!q)
        return q.error();
    std::vector<Applicant> out;
    while (q->next())
        out.push_back(fromRow(q.value()));
    return out;
}

Result<std::optional<Applicant>> ApplicantRepository::selectOne(const QString &where, const QVariantList &binds)
{
    auto rows = select(where, binds);
    if (!rows)
        return rows.error();
    if (rows->empty())
        return std::optional<Applicant>{};
    return std::optional<Applicant>{std::move(rows->front())};
}

std::optional<Error> ApplicantRepository::heldBySomeoneElse(const Applicant &a)
{
    // The holder's record number goes into the message so the operator can open it.
    // A failed look-up here is not reported: the unique index still guards the write.
    if (a.isPerson() && !a.rnokpp.isEmpty()) {
        auto holder = findByRnokpp(a.rnokpp);
        if (holder && holder->has_value() && (*holder)->id != a.id)
            return Error{ErrorCode::AlreadyExists,
                         tr("заявник із таким РНОКПП уже є в базі (запис № %1) — оберіть наявний запис").arg((*holder)->id),
                         QStringLiteral("rnokpp")};
    }
    if (a.isLegalEntity() && !a.edrpou.isEmpty()) {
        auto holder = findByEdrpou(a.edrpou);
        if (holder && holder->has_value() && (*holder)->id != a.id)
            return Error{ErrorCode::AlreadyExists,
                         tr("юридична особа з таким кодом ЄДРПОУ уже є в базі (запис № %1) — оберіть наявний запис")
                             .arg((*holder)->id),
                         QStringLiteral("edrpou")};
    }
    return std::nullopt;
}

Result<Applicant> ApplicantRepository::create(const Applicant &applicant)
{
    const Applicant a = applicant.normalized();
    CNAP_TRY(a.validate(m_clock.today()));
    Applicant probe = a;
    probe.id = 0;
    // Checked before the INSERT for a message that names the existing record; the
    // unique indexes still decide when two desks race (then the same message is
    // built after the constraint violation).
    if (auto dup = heldBySomeoneElse(probe))
        return *dup;

    const QString now = timestampText(m_clock.now());
    auto id = insertReturningId(m_db->db(), insertSql(1), rowValues(a, now));
    if (!id) {
        if (id.error().code == ErrorCode::AlreadyExists)
            return heldBySomeoneElse(probe).value_or(id.error());
        return id.error();
    }
    return get(id.value());
}

Result<Applicant> ApplicantRepository::update(const Applicant &applicant)
{
    if (applicant.id <= 0)
        return Error::invalid(QStringLiteral("id"), tr("запис заявника ще не збережено — його не можна оновити"));
    const Applicant a = applicant.normalized();
    CNAP_TRY(a.validate(m_clock.today()));

    const QString now = timestampText(m_clock.now());
    QVariantList values = rowValues(a, now);
    // kind, version and created_at are not rewritten: drop them from the SET list.
    QStringList sets;
    QVariantList binds;
    const QStringList &cols = dataColumns();
    for (qsizetype i = 0; i < cols.size(); ++i) {
        const QString &c = cols[i];
        if (c == QStringLiteral("kind") || c == QStringLiteral("version") || c == QStringLiteral("created_at"))
            continue;
        sets << c + QStringLiteral(" = ?");
        binds << values[i];
    }
    sets << QStringLiteral("version = version + 1");
    binds << a.id << a.version << toCode(a.kind);
    auto q = exec(m_db->db(),
                  QStringLiteral("UPDATE applicants SET ") + sets.join(QStringLiteral(", "))
                      + QStringLiteral(" WHERE id = ? AND version = ? AND kind = ?"),
                  binds);
    if (!q) {
        if (q.error().code == ErrorCode::AlreadyExists)
            return heldBySomeoneElse(a).value_or(q.error());
        return q.error();
    }
    if (q->numRowsAffected() == 1)
        return get(a.id);

    // Nothing matched: tell "gone", "wrong kind" and "changed meanwhile" apart.
    auto current = selectOne(QStringLiteral("id = ?"), {a.id});
    if (!current)
        return current.error();
    if (!current->has_value())
        return Error::make(ErrorCode::NotFound, tr("заявника № %1 не знайдено — можливо, запис видалено").arg(a.id));
    if ((*current)->kind != a.kind)
        return Error::invalid(QStringLiteral("kind"), tr("тип заявника (фізична чи юридична особа) змінити не можна"));
    return Error::make(ErrorCode::Conflict,
                       tr("запис змінив інший користувач, поки ви його редагували (версія %1, у вас %2). "
                          "Відкрийте запис заново й повторіть зміни.")
                           .arg((*current)->version)
                           .arg(a.version));
}

Result<Applicant> ApplicantRepository::get(qint64 id)
{
    auto one = selectOne(QStringLiteral("id = ?"), {id});
    if (!one)
        return one.error();
    if (!one->has_value())
        return Error::make(ErrorCode::NotFound, tr("заявника № %1 не знайдено").arg(id));
    return std::move(**one);
}

Result<std::vector<Applicant>> ApplicantRepository::findDuplicates(const Applicant &candidate)
{
    const Applicant a = candidate.normalized();
    QStringList terms;
    QVariantList binds;
    auto addTerm = [&](const QString &term, const QVariantList &values) {
        terms << term;
        binds << values;
    };
    if (!a.rnokpp.isEmpty())
        addTerm(QStringLiteral("rnokpp = ?"), {a.rnokpp});
    if (!a.edrpou.isEmpty())
        addTerm(QStringLiteral("edrpou = ?"), {a.edrpou});
    if (!a.unzr.isEmpty())
        addTerm(QStringLiteral("unzr = ?"), {a.unzr});
    if (!a.document.number.isEmpty())
        addTerm(QStringLiteral("doc_number = ?"), {a.document.number});
    const QString surname = surnameKey(a.surname);
    if (a.isPerson() && !surname.isEmpty() && a.birthDate.isValid())
        addTerm(QStringLiteral("(birth_date = ? AND surname_key = ?)"), {dateOrNull(a.birthDate), surname});
    if (terms.isEmpty())
        return std::vector<Applicant>{};

    auto rows = select(u'(' + terms.join(QStringLiteral(" OR ")) + u')', binds, QStringLiteral(" ORDER BY id LIMIT 100"));
    if (!rows)
        return rows.error();
    const QString given = surnameKey(a.givenName);
    std::vector<Applicant> out;
    for (Applicant &r : rows.value()) {
        if (a.id != 0 && r.id == a.id)
            continue;
        const bool sameIdentifier = (!a.rnokpp.isEmpty() && r.rnokpp == a.rnokpp)
                                    || (!a.edrpou.isEmpty() && r.edrpou == a.edrpou)
                                    || (!a.unzr.isEmpty() && r.unzr == a.unzr)
                                    || (!a.document.number.isEmpty() && r.document.number == a.document.number);
        // Same surname and birth date alone is common (twins, namesakes): the given
        // name must match too before the operator is bothered.
        if (sameIdentifier || surnameKey(r.givenName) == given)
            out.push_back(std::move(r));
    }
    return out;
}

Result<std::optional<Applicant>> ApplicantRepository::findByRnokpp(const QString &rnokpp)
{
    const QString key = rnokpp.trimmed();
    if (key.isEmpty())
        return std::optional<Applicant>{};
    return selectOne(QStringLiteral("rnokpp = ?"), {key});
}

Result<std::optional<Applicant>> ApplicantRepository::findByEdrpou(const QString &edrpou)
{
    const QString key = edrpou.trimmed();
    if (key.isEmpty())
        return std::optional<Applicant>{};
    return selectOne(QStringLiteral("edrpou = ?"), {key});
}

Result<std::vector<Applicant>> ApplicantRepository::findByUnzr(const QString &unzr)
{
    const QString key = unzrKey(unzr);
    if (key.isEmpty())
        return std::vector<Applicant>{};
    return select(QStringLiteral("unzr = ?"), {key}, QStringLiteral(" ORDER BY id"));
}

Result<std::vector<Applicant>> ApplicantRepository::findByDocument(const QString &number)
{
    const QString key = documentKey(number);
    if (key.isEmpty())
        return std::vector<Applicant>{};
    return select(QStringLiteral("doc_number = ?"), {key}, QStringLiteral(" ORDER BY id"));
}

Result<std::vector<Applicant>> ApplicantRepository::findByPhone(const QString &phone)
{
    const QString key = phoneKey(phone);
    if (key.isEmpty())
        return std::vector<Applicant>{};
    return select(QStringLiteral("phone_key = ?"), {key}, QStringLiteral(" ORDER BY id"));
}

Result<std::vector<Applicant>> ApplicantRepository::searchBySurnamePrefix(const QString &prefix, int limit)
{
    if (limit < 1 || limit > kMaxSearchLimit)
        return Error::invalid(QStringLiteral("limit"),
                              tr("кількість результатів має бути від 1 до %1").arg(kMaxSearchLimit));
    const QString key = surnameKey(prefix);
    if (key.isEmpty())
        return std::vector<Applicant>{};
    return select(QStringLiteral("surname_key >= ? AND surname_key < ?"), {key, prefixUpperBound(key), limit},
                  QStringLiteral(" ORDER BY surname_key, id LIMIT ?"));
}

Result<int> ApplicantRepository::insertBatch(const std::vector<Applicant> &applicants)
{
    if (applicants.empty())
        return 0;
    const QDate today = m_clock.today();
    std::vector<Applicant> rows;
    rows.reserve(applicants.size());
    for (std::size_t i = 0; i < applicants.size(); ++i) {
        Applicant a = applicants[i].normalized();
        if (auto st = a.validate(today); !st) {
            Error e = st.error();
            e.message = tr("запис %1: %2").arg(i + 1).arg(e.message);
            return e;
        }
        rows.push_back(std::move(a));
    }

    QSqlDatabase db = m_db->db();
    const BulkCacheGuard cache(db);  // declared before the transaction: restored after it ends
    auto tx = Transaction::begin(db);
    if (!tx)
        return tx.error();
    const QString now = timestampText(m_clock.now());

    // Two statements, each prepared once: full chunks of kBatchRows, then single rows.
    QSqlQuery chunk(db);
    QSqlQuery single(db);
    const bool needChunk = rows.size() >= static_cast<std::size_t>(kBatchRows);
    if (needChunk && !chunk.prepare(insertSql(kBatchRows)))
        return sqlError(chunk, tr("помилка підготовки пакетного запису заявників"));
    if (!single.prepare(insertSql(1)))
        return sqlError(single, tr("помилка підготовки пакетного запису заявників"));

    const int width = static_cast<int>(dataColumns().size());
    std::size_t next = 0;
    while (rows.size() - next >= static_cast<std::size_t>(kBatchRows)) {
        for (int r = 0; r < kBatchRows; ++r) {
            const QVariantList values = rowValues(rows[next + static_cast<std::size_t>(r)], now);
            for (int c = 0; c < width; ++c)
                chunk.bindValue(r * width + c, values[c]);
        }
        if (!chunk.exec())
            return sqlError(chunk, tr("помилка пакетного запису заявників"));
        next += kBatchRows;
    }
    for (; next < rows.size(); ++next) {
        const QVariantList values = rowValues(rows[next], now);
        for (int c = 0; c < width; ++c)
            single.bindValue(c, values[c]);
        if (!single.exec())
            return sqlError(single, tr("помилка пакетного запису заявників"));
    }
    chunk.finish();
    single.finish();
    CNAP_TRY(tx->commit());
    return static_cast<int>(rows.size());
}

Status ApplicantRepository::refreshStatistics()
{
    auto q = exec(m_db->db(), QStringLiteral("ANALYZE applicants"));
    if (!q)
        return q.error();
    return {};
}

Result<qint64> ApplicantRepository::count()
{
    auto q = execOne(m_db->db(), QStringLiteral("SELECT COUNT(*) FROM applicants"));
    if (!q)
        return q.error();
    return q->value(0).toLongLong();
}

} // namespace cnap::storage
