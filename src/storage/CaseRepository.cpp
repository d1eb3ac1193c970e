#include "storage/CaseRepository.h"

#include "storage/Sql.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>

namespace cnap::storage {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::storage::CaseRepository", s); }

const QString kSummaryColumns = QStringLiteral(
    "c.id, c.number, c.journal, c.year, c.seq, c.state, c.registered_at, c.due_date, c.applicant_id, "
    "c.applicant_name, c.applicant_code, c.service_code, c.service_name, c.version");
constexpr int kSummaryColumnCount = 14;

const QStringList kCaseColumns = {
    QStringLiteral("id"), QStringLiteral("number"), QStringLiteral("journal"), QStringLiteral("year"),
    QStringLiteral("seq"), QStringLiteral("state"), QStringLiteral("registered_at"), QStringLiteral("due_date"),
    QStringLiteral("suspended_since"), QStringLiteral("applicant_id"), QStringLiteral("applicant_name"),
    QStringLiteral("applicant_code"), QStringLiteral("applicant_surname_key"), QStringLiteral("service_code"),
    QStringLiteral("service_name"), QStringLiteral("provider_name"), QStringLiteral("object_address"),
    QStringLiteral("delivery"), QStringLiteral("channel"), QStringLiteral("representative"), QStringLiteral("contact"),
    QStringLiteral("fee_kopecks"), QStringLiteral("payment_evidence"), QStringLiteral("registered_by"),
    QStringLiteral("registered_by_name"), QStringLiteral("desk"), QStringLiteral("issued_to"),
    QStringLiteral("issued_document"), QStringLiteral("issued_at"), QStringLiteral("document_count"),
    QStringLiteral("checklist_count"), QStringLiteral("version"), QStringLiteral("updated_at")};

const QStringList kChecklistColumns = {QStringLiteral("case_id"), QStringLiteral("position"), QStringLiteral("name"),
                                       QStringLiteral("mandatory"), QStringLiteral("provided"), QStringLiteral("form"),
                                       QStringLiteral("sheets")};
const QStringList kDocumentColumns = {QStringLiteral("case_id"), QStringLiteral("position"), QStringLiteral("file_name"),
                                      QStringLiteral("mime_type"), QStringLiteral("size"), QStringLiteral("sha256"),
                                      QStringLiteral("added_at"), QStringLiteral("added_by")};
const QStringList kHistoryColumns = {QStringLiteral("case_id"), QStringLiteral("at"), QStringLiteral("actor"),
                                     QStringLiteral("event"), QStringLiteral("from_state"), QStringLiteral("to_state"),
                                     QStringLiteral("comment"), QStringLiteral("due_before"), QStringLiteral("due_after")};

// Qt binds a null QString as SQL NULL; NOT NULL text columns get '' instead.
QVariant text(const QString &s) { return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s); }
QVariant nullable(const QString &s) { return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s); }
QVariant nullableDate(const QDate &d) { return d.isValid() ? QVariant(d) : QVariant(QMetaType(QMetaType::QDate)); }
QVariant utc(const QDateTime &t) { return t.isValid() ? QVariant(t.toUTC()) : QVariant(QMetaType(QMetaType::QDateTime)); }

QDateTime readTime(const QVariant &v)
{
    if (v.isNull())
        return {};
    QDateTime t = v.toDateTime();
    if (!t.isValid())
        t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.toUTC();
}

QDate readDate(const QVariant &v) { return v.isNull() ? QDate() : QDate::fromString(v.toString().left(10), Qt::ISODate); }

CaseState readState(const QVariant &v) { return caseStateFromKey(v.toString()).valueOr(CaseState::Registered); }

CaseSummary readSummary(const QSqlQuery &q, int o = 0)
{
    CaseSummary s;
    s.id = q.value(o + 0).toLongLong();
    s.number = q.value(o + 1).toString();
    s.journal = q.value(o + 2).toString();
    s.year = q.value(o + 3).toInt();
    s.seq = q.value(o + 4).toLongLong();
    s.state = readState(q.value(o + 5));
    s.registeredAt = readTime(q.value(o + 6));
    s.dueDate = readDate(q.value(o + 7));
    s.applicantId = q.value(o + 8).toLongLong();
    s.applicantName = q.value(o + 9).toString();
    s.applicantCode = q.value(o + 10).toString();
    s.serviceCode = q.value(o + 11).toString();
    s.serviceName = q.value(o + 12).toString();
    s.version = q.value(o + 13).toInt();
    return s;
}

QVariantList caseRow(qint64 id, const CaseDetails &d)
{
    const CaseSummary &s = d.summary;
    return {id, s.number, s.journal, s.year, s.seq, caseStateKey(s.state), utc(s.registeredAt), s.dueDate,
            d.suspendedSince ? QVariant(*d.suspendedSince) : QVariant(QMetaType(QMetaType::QDate)),
            s.applicantId, text(s.applicantName), nullable(s.applicantCode), text(d.applicantSurnameKey), s.serviceCode,
            text(s.serviceName), text(d.providerName), text(d.objectAddress), deliveryMethodKey(d.delivery),
            intakeChannelKey(d.channel), text(d.representative), text(d.contact), d.feeKopecks, text(d.paymentEvidence),
            text(d.registeredBy), text(d.registeredByName), text(d.desk),
            nullable(d.issuedTo), nullable(d.issuedDocument),
            d.issuedAt ? utc(*d.issuedAt) : QVariant(QMetaType(QMetaType::QDateTime)),
            int(d.documents.size()), int(d.checklist.size()), 1, utc(s.registeredAt)};
}

void appendChildRows(qint64 caseId, const CaseDetails &d, QList<QVariantList> &checklist, QList<QVariantList> &documents,
                     QList<QVariantList> &history)
{
    int pos = 0;
    for (const ChecklistItem &item : d.checklist)
        checklist.append({caseId, ++pos, text(item.name), item.mandatory, item.provided, documentFormKey(item.form), item.sheets});
    pos = 0;
    for (const CaseDocument &doc : d.documents)
        documents.append({caseId, ++pos, text(doc.fileName), doc.mimeType, doc.size, doc.sha256,
                          utc(doc.addedAt.isValid() ? doc.addedAt : d.summary.registeredAt), text(d.registeredBy)});
    for (const CaseHistoryEntry &h : d.history)
        history.append({caseId, utc(h.at), text(h.actor), text(h.event),
                        h.fromState ? QVariant(caseStateKey(*h.fromState)) : QVariant(QMetaType(QMetaType::QString)),
                        caseStateKey(h.toState), text(h.comment), nullableDate(h.dueBefore), nullableDate(h.dueAfter)});
}

// Inserts rows with multi-row VALUES statements, each prepared once and reused.
Status insertRows(const QSqlDatabase &db, const QString &table, const QStringList &columns, const QList<QVariantList> &rows)
{
    if (rows.isEmpty())
        return {};
    // PostgreSQL takes up to 65535 bound values per statement.  Qt's SQLite
    // driver looks every parameter's name up by a linear scan (quadratic in the
    // statement's size), so there a statement stays under ~1000 values.
    const int budget = isPostgres(db) ? 30000 : 960;
    const int perStatement = std::max(1, budget / int(columns.size()));
    const QString tuple = u'(' + QStringList(columns.size(), QStringLiteral("?")).join(u',') + u')';
    const QString head = QStringLiteral("INSERT INTO ") + table + QStringLiteral(" (") + columns.join(u',') + QStringLiteral(") VALUES ");
    QSqlQuery full(db);
    int fullPrepared = 0;
    for (qsizetype start = 0; start < rows.size(); start += perStatement) {
        const int n = int(std::min<qsizetype>(perStatement, rows.size() - start));
        QSqlQuery partial(db);
        QSqlQuery &q = (n == perStatement) ? full : partial;
        if (&q == &partial || fullPrepared == 0) {
            if (!q.prepare(head + QStringList(n, tuple).join(u',')))
                return sqlError(q, tr("помилка підготовки запиту"));
            if (&q == &full)
                fullPrepared = n;
        }
        int i = 0;
        for (qsizetype r = start; r < start + n; ++r)
            for (const QVariant &v : rows[r])
                q.bindValue(i++, v);
        if (!q.exec())
            return sqlError(q, tr("не вдалося записати справи"));
    }
    return {};
}
} // namespace

Result<qint64> CaseRepository::insert(const CaseDetails &d)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    const QSqlDatabase db = conn.value();
    QStringList cols = kCaseColumns.mid(1);  // id generated
    const QVariantList row = caseRow(0, d).mid(1);
    auto id = insertReturningId(db, QStringLiteral("INSERT INTO cases (") + cols.join(u',') + QStringLiteral(") VALUES (")
                                        + QStringList(cols.size(), QStringLiteral("?")).join(u',') + u')',
                                row);
    if (!id)
        return id.error();
    QList<QVariantList> checklist, documents, history;
    appendChildRows(id.value(), d, checklist, documents, history);
    CNAP_TRY(insertRows(db, QStringLiteral("case_checklist"), kChecklistColumns, checklist));
    CNAP_TRY(insertRows(db, QStringLiteral("case_documents"), kDocumentColumns, documents));
    CNAP_TRY(insertRows(db, QStringLiteral("case_history"), kHistoryColumns, history));
    return id.value();
}

Status CaseRepository::insertBatch(const QList<CaseDetails> &cases)
{
    if (cases.isEmpty())
        return {};
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    const QSqlDatabase db = conn.value();
    // Ids are taken up front so child rows can refer to them without a round
    // trip per case.  SQLite: the caller's BEGIN IMMEDIATE excludes other
    // writers; PostgreSQL: the identity sequence hands out a private range.
    QList<qint64> ids;
    ids.reserve(cases.size());
    if (m_db->isPostgres()) {
        auto q = exec(db, QStringLiteral("SELECT nextval(pg_get_serial_sequence('cases', 'id')) FROM generate_series(1, ?) ORDER BY 1"),
                      {qint64(cases.size())});
        if (!q)
            return q.error();
        while (q->next())
            ids.append(q->value(0).toLongLong());
    } else {
        auto q = execOne(db, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM cases"));
        if (!q)
            return q.error();
        const qint64 first = q->value(0).toLongLong() + 1;
        for (qsizetype i = 0; i < cases.size(); ++i)
            ids.append(first + i);
    }
    if (ids.size() != cases.size())
        return Error::make(ErrorCode::Internal, tr("не вдалося зарезервувати ідентифікатори справ"));

    QList<QVariantList> caseRows, checklist, documents, history;
    caseRows.reserve(cases.size());
    for (qsizetype i = 0; i < cases.size(); ++i) {
        caseRows.append(caseRow(ids[i], cases[i]));
        appendChildRows(ids[i], cases[i], checklist, documents, history);
    }
    CNAP_TRY(insertRows(db, QStringLiteral("cases"), kCaseColumns, caseRows));
    CNAP_TRY(insertRows(db, QStringLiteral("case_checklist"), kChecklistColumns, checklist));
    CNAP_TRY(insertRows(db, QStringLiteral("case_documents"), kDocumentColumns, documents));
    CNAP_TRY(insertRows(db, QStringLiteral("case_history"), kHistoryColumns, history));
    return {};
}

Result<int> CaseRepository::applyChange(const CaseChange &c)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    const QSqlDatabase db = conn.value();
    QSqlQuery q(db);
    if (!q.prepare(QStringLiteral(
            "UPDATE cases SET state = ?, due_date = ?, suspended_since = ?, issued_to = COALESCE(?, issued_to), "
            "issued_document = COALESCE(?, issued_document), issued_at = COALESCE(?, issued_at), "
            "version = version + 1, updated_at = ? WHERE id = ? AND version = ?")))
        return sqlError(q, tr("помилка підготовки запиту"));
    for (const QVariant &v : QVariantList{caseStateKey(c.state), c.dueDate,
                                          c.suspendedSince ? QVariant(*c.suspendedSince) : QVariant(QMetaType(QMetaType::QDate)),
                                          nullable(c.issuedTo), nullable(c.issuedDocument),
                                          c.issuedAt ? utc(*c.issuedAt) : QVariant(QMetaType(QMetaType::QDateTime)),
                                          utc(c.at), c.caseId, c.expectedVersion})
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(q, tr("не вдалося змінити справу"));
    if (q.numRowsAffected() != 1) {
        auto cur = exec(db, QStringLiteral("SELECT number, version FROM cases WHERE id = ?"), {c.caseId});
        if (!cur)
            return cur.error();
        if (!cur->next())
            return Error::make(ErrorCode::NotFound, tr("справу не знайдено"));
        return Error::make(ErrorCode::Conflict,
                           tr("справу %1 щойно змінив інший користувач (версія %2, а ви бачили %3); "
                              "оновіть картку справи і повторіть дію — ваші зміни не збережено")
                               .arg(cur->value(0).toString()).arg(cur->value(1).toInt()).arg(c.expectedVersion));
    }
    QList<QVariantList> none1, none2, history;
    CaseDetails holder;
    CaseHistoryEntry h = c.history;
    h.at = c.at;
    holder.history.append(h);
    appendChildRows(c.caseId, holder, none1, none2, history);
    CNAP_TRY(insertRows(db, QStringLiteral("case_history"), kHistoryColumns, history));
    return c.expectedVersion + 1;
}

Result<CaseDetails> CaseRepository::loadDetails(const QString &where, const QVariant &key)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    const QSqlDatabase db = conn.value();
    auto q = exec(db, QStringLiteral("SELECT ") + kSummaryColumns + QStringLiteral(
                          ", c.suspended_since, c.applicant_surname_key, c.provider_name, c.object_address, c.delivery, "
                          "c.channel, c.representative, c.contact, c.fee_kopecks, c.payment_evidence, c.registered_by, "
                          "c.registered_by_name, c.desk, c.issued_to, c.issued_document, c.issued_at FROM cases c WHERE ")
                          + where,
                  {key});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::make(ErrorCode::NotFound, tr("справу не знайдено"));
    CaseDetails d;
    d.summary = readSummary(q.value());
    int o = kSummaryColumnCount;
    if (!q->value(o).isNull())
        d.suspendedSince = readDate(q->value(o));
    d.applicantSurnameKey = q->value(o + 1).toString();
    d.providerName = q->value(o + 2).toString();
    d.objectAddress = q->value(o + 3).toString();
    d.delivery = deliveryMethodFromKey(q->value(o + 4).toString()).valueOr(DeliveryMethod::InPerson);
    d.channel = intakeChannelFromKey(q->value(o + 5).toString()).valueOr(IntakeChannel::InPerson);
    d.representative = q->value(o + 6).toString();
    d.contact = q->value(o + 7).toString();
    d.feeKopecks = q->value(o + 8).toLongLong();
    d.paymentEvidence = q->value(o + 9).toString();
    d.registeredBy = q->value(o + 10).toString();
    d.registeredByName = q->value(o + 11).toString();
    d.desk = q->value(o + 12).toString();
    d.issuedTo = q->value(o + 13).toString();
    d.issuedDocument = q->value(o + 14).toString();
    if (!q->value(o + 15).isNull())
        d.issuedAt = readTime(q->value(o + 15));
    const qint64 id = d.summary.id;

    auto k = exec(db, QStringLiteral("SELECT name, mandatory, provided, form, sheets FROM case_checklist WHERE case_id = ? ORDER BY position"), {id});
    if (!k)
        return k.error();
    while (k->next()) {
        ChecklistItem item;
        item.name = k->value(0).toString();
        item.mandatory = k->value(1).toBool();
        item.provided = k->value(2).toBool();
        item.form = documentFormFromKey(k->value(3).toString()).valueOr(DocumentForm::Original);
        item.sheets = k->value(4).toInt();
        d.checklist.append(item);
    }
    auto f = exec(db, QStringLiteral("SELECT id, position, file_name, mime_type, size, sha256, added_at FROM case_documents WHERE case_id = ? ORDER BY position"), {id});
    if (!f)
        return f.error();
    while (f->next())
        d.documents.append({f->value(0).toLongLong(), f->value(1).toInt(), f->value(2).toString(), f->value(3).toString(),
                            f->value(4).toLongLong(), f->value(5).toString(), readTime(f->value(6))});
    auto h = exec(db, QStringLiteral("SELECT id, at, actor, event, from_state, to_state, comment, due_before, due_after FROM case_history WHERE case_id = ? ORDER BY id"), {id});
    if (!h)
        return h.error();
    while (h->next()) {
        CaseHistoryEntry e;
        e.id = h->value(0).toLongLong();
        e.at = readTime(h->value(1));
        e.actor = h->value(2).toString();
        e.event = h->value(3).toString();
        if (!h->value(4).isNull())
            e.fromState = readState(h->value(4));
        e.toState = readState(h->value(5));
        e.comment = h->value(6).toString();
        e.dueBefore = readDate(h->value(7));
        e.dueAfter = readDate(h->value(8));
        d.history.append(e);
    }
    return d;
}

Result<CaseDetails> CaseRepository::getByNumber(const QString &number)
{
    return loadDetails(QStringLiteral("c.number = ?"), number);
}

Result<CaseDetails> CaseRepository::getById(qint64 id)
{
    return loadDetails(QStringLiteral("c.id = ?"), id);
}

Result<QList<CaseSummary>> CaseRepository::selectSummaries(const QString &tail, const QVariantList &binds)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = exec(conn.value(), QStringLiteral("SELECT ") + kSummaryColumns + QStringLiteral(" FROM cases c ") + tail, binds);
    if (!q)
        return q.error();
    QList<CaseSummary> out;
    while (q->next())
        out.append(readSummary(q.value()));
    return out;
}

Result<CaseSummary> CaseRepository::summaryByNumber(const QString &number)
{
    auto rows = selectSummaries(QStringLiteral("WHERE c.number = ?"), {number});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error::make(ErrorCode::NotFound, tr("справу %1 не знайдено").arg(number));
    return rows->first();
}

Result<CasePage> CaseRepository::list(const CaseListQuery &query, QDate today)
{
    if (query.limit < 1 || query.limit > 500)
        return Error::invalid(QStringLiteral("limit"), tr("розмір сторінки — від 1 до 500 рядків"));
    QStringList where;
    QVariantList binds;
    if (!query.states.isEmpty()) {
        QStringList marks;
        for (CaseState s : query.states) {
            marks << QStringLiteral("?");
            binds << caseStateKey(s);
        }
        where << QStringLiteral("c.state IN (") + marks.join(u',') + u')';
    }
    if (!query.serviceCode.isEmpty()) {
        where << QStringLiteral("c.service_code = ?");
        binds << query.serviceCode;
    }
    if (query.dueFrom) {
        where << QStringLiteral("c.due_date >= ?");
        binds << *query.dueFrom;
    }
    if (query.dueTo) {
        where << QStringLiteral("c.due_date <= ?");
        binds << *query.dueTo;
    }
    if (query.overdueOnly) {
        // Literal keys (constants of the program, never input), written exactly as
        // the partial index cases_running_due_idx (migration 0201) states them.
        QStringList quoted;
        for (const QString &k : termRunningStateKeys())
            quoted << u'\'' + k + u'\'';
        where << QStringLiteral("c.state IN (") + quoted.join(QStringLiteral(", ")) + QStringLiteral(") AND c.due_date < ?");
        binds << today;
    }
    QString sortColumn;
    bool descending = false;
    switch (query.sort) {
    case CaseSort::RegisteredDesc: sortColumn = QStringLiteral("c.registered_at"); descending = true; break;
    case CaseSort::RegisteredAsc: sortColumn = QStringLiteral("c.registered_at"); break;
    case CaseSort::DueAsc: sortColumn = QStringLiteral("c.due_date"); break;
    }
    if (query.after) {
        where << QStringLiteral("(") + sortColumn + QStringLiteral(", c.id) ") + (descending ? u'<' : u'>') + QStringLiteral(" (?, ?)");
        binds << query.after->sortValue << query.after->id;
    }
    const QString dir = descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QString tail;
    if (!where.isEmpty())
        tail = QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND "));
    tail += QStringLiteral(" ORDER BY ") + sortColumn + dir + QStringLiteral(", c.id") + dir + QStringLiteral(" LIMIT ?");
    binds << query.limit + 1;

    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = exec(conn.value(), QStringLiteral("SELECT ") + kSummaryColumns + QStringLiteral(" FROM cases c ") + tail, binds);
    if (!q)
        return q.error();
    CasePage page;
    const int sortIndex = query.sort == CaseSort::DueAsc ? 7 : 6;
    QVariant lastSortValue;
    while (q->next()) {
        if (page.rows.size() == query.limit) {
            page.next = CasePageKey{lastSortValue, page.rows.last().id};
            break;
        }
        page.rows.append(readSummary(q.value()));
        lastSortValue = q->value(sortIndex);
    }
    return page;
}

Result<QList<CaseSummary>> CaseRepository::findByApplicantCode(const QString &code, int limit)
{
    return selectSummaries(QStringLiteral("WHERE c.applicant_code = ? ORDER BY c.registered_at DESC, c.id DESC LIMIT ?"),
                           {code, std::clamp(limit, 1, 500)});
}

Result<QList<CaseSummary>> CaseRepository::findBySurnameKeyPrefix(const QString &key, int limit)
{
    if (key.isEmpty())
        return QList<CaseSummary>();
    // Upper bound of the prefix range: the key with U+FFFF appended sorts after
    // every BMP continuation under the byte-order collations of both tables.
    const QString upper = key + QChar(0xFFFF);
    return selectSummaries(QStringLiteral("WHERE c.applicant_surname_key >= ? AND c.applicant_surname_key < ? "
                                          "ORDER BY c.applicant_surname_key, c.id LIMIT ?"),
                           {key, upper, std::clamp(limit, 1, 500)});
}

Result<qint64> CaseRepository::count()
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = execOne(conn.value(), QStringLiteral("SELECT COUNT(*) FROM cases"));
    if (!q)
        return q.error();
    return q->value(0).toLongLong();
}

Result<QStringList> CaseRepository::verifyIntegrity()
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    const QSqlDatabase db = conn.value();
    QStringList problems;
    struct Probe {
        QString sql;
        const char *message;
    };
    const Probe probes[] = {
        {QStringLiteral("SELECT c.number FROM cases c LEFT JOIN (SELECT case_id, COUNT(*) AS n FROM case_checklist GROUP BY case_id) k "
                        "ON k.case_id = c.id WHERE COALESCE(k.n, 0) <> c.checklist_count ORDER BY c.id LIMIT 50"),
         QT_TRANSLATE_NOOP("cnap::storage::CaseRepository", "справа %1: перелік документів неповний (записано не всі рядки)")},
        {QStringLiteral("SELECT c.number FROM cases c LEFT JOIN (SELECT case_id, COUNT(*) AS n FROM case_documents GROUP BY case_id) k "
                        "ON k.case_id = c.id WHERE COALESCE(k.n, 0) <> c.document_count ORDER BY c.id LIMIT 50"),
         QT_TRANSLATE_NOOP("cnap::storage::CaseRepository", "справа %1: записано не всі прикріплені файли")},
        {QStringLiteral("SELECT c.number FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_history h WHERE h.case_id = c.id "
                        "AND h.event = 'registered') ORDER BY c.id LIMIT 50"),
         QT_TRANSLATE_NOOP("cnap::storage::CaseRepository", "справа %1: немає запису про реєстрацію в історії")},
    };
    for (const Probe &p : probes) {
        auto q = exec(db, p.sql);
        if (!q)
            return q.error();
        while (q->next())
            problems << tr(p.message).arg(q->value(0).toString());
    }
    return problems;
}

Result<QList<DocumentRef>> CaseRepository::documentRefs()
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = exec(conn.value(), QStringLiteral("SELECT sha256, MAX(size), COUNT(*) FROM case_documents GROUP BY sha256 ORDER BY sha256"));
    if (!q)
        return q.error();
    QList<DocumentRef> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toLongLong(), q->value(2).toLongLong()});
    return out;
}

Result<qint64> CaseRepository::maxApplicantId()
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = execOne(conn.value(), QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM applicants"));
    if (!q)
        return q.error();
    return q->value(0).toLongLong();
}

Result<QHash<QString, qint64>> CaseRepository::applicantIdsAfter(qint64 afterId)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = exec(conn.value(), QStringLiteral("SELECT id, rnokpp FROM applicants WHERE id > ? AND rnokpp IS NOT NULL"), {afterId});
    if (!q)
        return q.error();
    QHash<QString, qint64> out;
    while (q->next())
        out.insert(q->value(1).toString(), q->value(0).toLongLong());
    return out;
}

Status CaseRepository::analyze()
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    for (const char *t : {"cases", "case_checklist", "case_documents", "case_history", "case_journals"})
        CNAP_TRY(exec(conn.value(), QStringLiteral("ANALYZE ") + QString::fromLatin1(t)));
    return {};
}

} // namespace cnap::storage
