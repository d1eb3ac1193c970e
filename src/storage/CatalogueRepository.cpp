#include "storage/CatalogueRepository.h"

#include "storage/Sql.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <map>

namespace cnap::storage {
namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::storage::CatalogueRepository", s); }

const QString kServiceColumns = QStringLiteral(
    "code, name, provider_name, provider_edrpou, term, term_unit, fee_kopecks, fee_note, legal_basis, result, "
    "route, registry_service_code, registry_service_version, active, version");

Error corrupt(const QString &code, const Error &why)
{
    return Error::make(ErrorCode::Database, tr("пошкоджений запис каталогу послуг %1: %2").arg(code, why.describe()));
}

Result<ServiceCard> cardFromRow(const QSqlQuery &q)
{
    const QString rawCode = q.value(0).toString();
    auto code = ServiceCode::parse(rawCode);
    if (!code)
        return corrupt(rawCode, code.error());
    ServiceCard card(code.value());
    card.name = q.value(1).toString();
    card.provider.name = q.value(2).toString();
    if (!q.value(3).isNull()) {
        auto edrpou = Edrpou::parse(q.value(3).toString());
        if (!edrpou)
            return corrupt(rawCode, edrpou.error());
        card.provider.edrpou = edrpou.value();
    }
    card.term = q.value(4).toInt();
    auto unit = termUnitFromKey(q.value(5).toString());
    if (!unit)
        return corrupt(rawCode, unit.error());
    card.termUnit = unit.value();
    card.feeKopecks = q.value(6).toLongLong();
    card.feeNote = q.value(7).toString();
    card.legalBasis = q.value(8).toString();
    card.result = q.value(9).toString();
    auto route = routeKindFromKey(q.value(10).toString());
    if (!route)
        return corrupt(rawCode, route.error());
    card.route = route.value();
    card.registry.serviceCode = q.value(11).toString();
    card.registry.serviceVersion = q.value(12).toString();
    card.active = q.value(13).toBool();
    card.version = q.value(14).toInt();
    return card;
}

Result<RequiredDocument> documentFromRow(const QSqlQuery &q, const QString &code)
{
    RequiredDocument d;
    d.name = q.value(2).toString();
    auto form = documentFormFromKey(q.value(3).toString());
    if (!form)
        return corrupt(code, form.error());
    d.form = form.value();
    d.mandatory = q.value(4).toBool();
    d.note = q.value(5).toString();
    return d;
}

// Loads cards (optionally one code, optionally active only) with their documents.
Result<std::vector<ServiceCard>> load(const QSqlDatabase &db, bool activeOnly, const QString &onlyCode = {})
{
    QString sql = QStringLiteral("SELECT ") + kServiceColumns + QStringLiteral(" FROM services");
    QString docSql = QStringLiteral("SELECT service_code, position, name, form, mandatory, note FROM service_documents");
    QVariantList binds;
    QVariantList docBinds;
    QStringList where;
    if (activeOnly) {
        where << QStringLiteral("active = ?");
        binds << true;
    }
    if (!onlyCode.isEmpty()) {
        where << QStringLiteral("code = ?");
        binds << onlyCode;
        docSql += QStringLiteral(" WHERE service_code = ?");
        docBinds << onlyCode;
    }
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY code");
    docSql += QStringLiteral(" ORDER BY service_code, position");

    auto q = exec(db, sql, binds);
    if (!q)
        return q.error();
    std::vector<ServiceCard> cards;
    QHash<QString, size_t> index;
    while (q->next()) {
        auto card = cardFromRow(q.value());
        if (!card)
            return card.error();
        index.insert(card->code.value(), cards.size());
        cards.push_back(std::move(card.value()));
    }
    if (cards.empty())
        return cards;

    auto d = exec(db, docSql, docBinds);
    if (!d)
        return d.error();
    while (d->next()) {
        const QString code = d->value(0).toString();
        const auto it = index.constFind(code);
        if (it == index.cend())
            continue;  // an inactive service's documents when listing active ones
        auto doc = documentFromRow(d.value(), code);
        if (!doc)
            return doc.error();
        cards[it.value()].documents.push_back(std::move(doc.value()));
    }
    return cards;
}

// Qt SQL binds a null QString as SQL NULL; NOT NULL text columns need "".
QString notNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QVariant nullIfEmpty(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

QVariantList cardBinds(const ServiceCard &c)
{
    const bool registry = c.route == RouteKind::Registry;
    return {c.name,
            c.provider.name,
            c.provider.edrpou ? QVariant(c.provider.edrpou->value()) : QVariant(QMetaType(QMetaType::QString)),
            c.term,
            termUnitKey(c.termUnit),
            c.feeKopecks,
            notNull(c.feeNote),
            c.legalBasis,
            c.result,
            routeKindKey(c.route),
            registry ? nullIfEmpty(c.registry.serviceCode) : QVariant(QMetaType(QMetaType::QString)),
            registry ? nullIfEmpty(c.registry.serviceVersion) : QVariant(QMetaType(QMetaType::QString))};
}

Status insertDocuments(const QSqlDatabase &db, const ServiceCard &c)
{
    int position = 1;
    for (const RequiredDocument &d : c.documents) {
        auto q = exec(db,
                      QStringLiteral("INSERT INTO service_documents (service_code, position, name, form, mandatory, note) "
                                     "VALUES (?, ?, ?, ?, ?, ?)"),
                      {c.code.value(), position++, d.name, documentFormKey(d.form), d.mandatory, notNull(d.note)});
        if (!q)
            return q.error();
    }
    return {};
}

Error lostRace(const QString &code)
{
    return Error::make(ErrorCode::Conflict,
                       tr("послугу %1 щойно змінив інший користувач; повторіть імпорт").arg(code));
}

} // namespace

CatalogueRepository::CatalogueRepository(DatabasePtr db, const Clock &clock) : m_db(std::move(db)), m_clock(&clock) {}

Result<CatalogueImportSummary> CatalogueRepository::replaceAll(const std::vector<ServiceCard> &cards)
{
    // Whole-catalogue checks first: nothing is written when any card is bad.
    QSet<QString> incoming;
    for (const ServiceCard &c : cards) {
        if (auto st = validate(c); !st)
            return Error::invalid(st.error().field, tr("послуга %1: %2").arg(c.code.value(), st.error().message));
        if (incoming.contains(c.code.value()))
            return Error::invalid(QStringLiteral("code"), tr("код послуги %1 повторюється").arg(c.code.value()));
        incoming.insert(c.code.value());
    }

    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    const QSqlDatabase db = conn.value();
    auto tx = Transaction::begin(db);
    if (!tx)
        return tx.error();

    // Read inside the transaction, so the comparison sees what we overwrite.
    auto stored = load(db, /*activeOnly=*/false);
    if (!stored)
        return stored.error();
    std::map<QString, const ServiceCard *> existing;
    for (const ServiceCard &c : stored.value())
        existing.emplace(c.code.value(), &c);

    const QString now = m_clock->now().toUTC().toString(Qt::ISODateWithMs);
    CatalogueImportSummary summary;
    summary.total = static_cast<int>(cards.size());

    for (const ServiceCard &c : cards) {
        const auto it = existing.find(c.code.value());
        if (it == existing.end()) {
            QVariantList binds{c.code.value()};
            binds << cardBinds(c) << now;
            auto q = exec(db,
                          QStringLiteral("INSERT INTO services (code, name, provider_name, provider_edrpou, term, term_unit, "
                                         "fee_kopecks, fee_note, legal_basis, result, route, registry_service_code, "
                                         "registry_service_version, updated_at, active, version) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"),
                          binds << true);
            if (!q)
                return q.error();
            CNAP_TRY(insertDocuments(db, c));
            ++summary.added;
            continue;
        }
        const ServiceCard &old = *it->second;
        if (old.active && old.sameContent(c)) {
            ++summary.unchanged;
            continue;
        }
        QVariantList binds = cardBinds(c);
        binds << now << true << c.code.value() << old.version;
        auto q = exec(db,
                      QStringLiteral("UPDATE services SET name = ?, provider_name = ?, provider_edrpou = ?, term = ?, "
                                     "term_unit = ?, fee_kopecks = ?, fee_note = ?, legal_basis = ?, result = ?, route = ?, "
                                     "registry_service_code = ?, registry_service_version = ?, updated_at = ?, active = ?, "
                                     "version = version + 1 WHERE code = ? AND version = ?"),
                      binds);
        if (!q)
            return q.error();
        if (q->numRowsAffected() != 1)
            return lostRace(c.code.value());
        auto del = exec(db, QStringLiteral("DELETE FROM service_documents WHERE service_code = ?"), {c.code.value()});
        if (!del)
            return del.error();
        CNAP_TRY(insertDocuments(db, c));
        ++summary.updated;
    }

    for (const auto &[code, old] : existing) {
        if (!old->active || incoming.contains(code))
            continue;
        auto q = exec(db,
                      QStringLiteral("UPDATE services SET active = ?, version = version + 1, updated_at = ? "
                                     "WHERE code = ? AND version = ?"),
                      {false, now, code, old->version});
        if (!q)
            return q.error();
        if (q->numRowsAffected() != 1)
            return lostRace(code);
        ++summary.deactivated;
    }

    CNAP_TRY(tx->commit());
    return summary;
}

Result<std::vector<ServiceCard>> CatalogueRepository::list(bool activeOnly)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    return load(conn.value(), activeOnly);
}

Result<ServiceCard> CatalogueRepository::get(const ServiceCode &code)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto cards = load(conn.value(), /*activeOnly=*/false, code.value());
    if (!cards)
        return cards.error();
    if (cards->empty())
        return Error::make(ErrorCode::NotFound, tr("послугу з кодом %1 не знайдено в каталозі").arg(code.value()));
    return std::move(cards->front());
}

Result<std::vector<ServiceCard>> CatalogueRepository::search(const QString &query, bool activeOnly)
{
    auto all = list(activeOnly);
    if (!all)
        return all.error();
    const QString exact = query.trimmed().toUpper();
    std::vector<ServiceCard> out;
    for (ServiceCard &c : all.value()) {
        if (matchesSearch(c, query))
            out.push_back(std::move(c));
    }
    // Stable: the list is in code order already; an exact code goes first.
    std::stable_partition(out.begin(), out.end(), [&](const ServiceCard &c) { return c.code.value() == exact; });
    return out;
}

} // namespace cnap::storage
