#include "exchange/sync/SyncEngine.h"

#include "core/cases/CaseWorkflow.h"
#include "core/log/Categories.h"
#include "crypto/Hash.h"
#include "exchange/message/Exchange.h"
#include "exchange/registry/RegistryServices.h"
#include "storage/CaseRepository.h"
#include "storage/DocumentStore.h"
#include "storage/MessageLogRepository.h"
#include "storage/Sql.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <mutex>
#include <thread>
#include <vector>

namespace cnap::exchange::sync {

namespace reg = cnap::exchange::registry;
namespace xr = cnap::xml::xroad;
using storage::OutboxItem;

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::exchange::sync", s); }

const QString kActor = QStringLiteral("cnap-syncd");

/// A step the registry's answer moves the case along.
struct Step {
    CaseState to;
    QString comment;
};

/// Moves a case along `steps` inside the caller's transaction, skipping steps
/// the workflow no longer allows (a clerk may have withdrawn the case while the
/// message travelled: the registry's answer must not resurrect it).
Status advanceCase(const storage::DatabasePtr &db, qint64 caseId, const QList<Step> &steps, qint64 atMs, int *applied)
{
    if (caseId <= 0 || steps.isEmpty())
        return {};
    storage::CaseRepository cases(db);
    auto cur = cases.getById(caseId);
    if (!cur)
        return cur.error();
    CaseState state = cur->summary.state;
    int version = cur->summary.version;
    for (const Step &s : steps) {
        TransitionRequest req;
        req.to = s.to;
        req.comment = s.comment;
        if (!checkTransition(state, req))
            continue;
        storage::CaseChange c;
        c.caseId = caseId;
        c.expectedVersion = version;
        c.state = s.to;
        c.dueDate = cur->summary.dueDate;
        c.suspendedSince = cur->suspendedSince;
        c.at = QDateTime::fromMSecsSinceEpoch(atMs, QTimeZone::utc());
        c.history.actor = kActor;
        c.history.event = QStringLiteral("transition");
        c.history.fromState = state;
        c.history.toState = s.to;
        c.history.comment = s.comment;
        c.history.dueBefore = cur->summary.dueDate;
        c.history.dueAfter = cur->summary.dueDate;
        auto v = cases.applyChange(c);
        if (!v)
            return v.error();
        version = v.value();
        state = s.to;
        if (applied)
            ++*applied;
    }
    return {};
}

Status logMessage(const storage::DatabasePtr &db, const QString &messageId, const QString &caseNumber, const QString &service,
                  const QString &direction, qint64 atMs, int httpStatus, const QByteArray &contentType, const QByteArray &body,
                  const QString &outcome)
{
    storage::MessageLogEntry e;
    e.messageId = messageId;
    e.caseNumber = caseNumber;
    e.serviceCode = service;
    e.direction = direction;
    e.atMs = atMs;
    e.httpStatus = httpStatus;
    e.contentType = QString::fromLatin1(contentType);
    e.body = body;
    e.sha256 = crypto::sha256Hex(body);
    e.outcome = outcome;
    auto id = storage::MessageLogRepository(db).append(e);
    if (!id)
        return id.error();
    return {};
}

QString reasonOf(const ResponseVerdict &v)
{
    if (v.fault)
        return QStringLiteral("%1: %2").arg(v.fault->code, v.fault->string);
    return v.errors.isEmpty() ? tr("невідома помилка обміну") : v.errors.join(QStringLiteral("; "));
}

/// The raw exchange: what went out, what came back (if anything), the verdict.
struct Sent {
    qint64 sentAtMs = 0;
    qint64 answeredAtMs = 0;
    net::HttpResponse response;
    bool answered = false;
    ResponseVerdict verdict;
};

Sent post(net::HttpTransport &transport, const QString &url, const OutgoingMessage &msg, const Clock &clock)
{
    Sent s;
    s.sentAtMs = clock.now().toMSecsSinceEpoch();
    auto r = transport.post(net::HttpRequest{url, msg.wire.contentType, msg.wire.body, {}});
    s.answeredAtMs = clock.now().toMSecsSinceEpoch();
    if (!r) {
        s.verdict = xr::transportFailure(r.error(), net::isRetryable(r.error()));
        return s;
    }
    s.answered = true;
    s.response = r.value();
    s.verdict = judgeResponse(msg.sent, s.response);
    return s;
}

} // namespace

struct SyncEngine::Worker {
    std::unique_ptr<net::HttpTransport> transport;
    std::unique_ptr<storage::DocumentStore> store;
    CycleReport report;
};

SyncEngine::SyncEngine(storage::DatabasePtr db, SyncConfig config, TransportFactory transports, const Clock &clock, QString name)
    : m_db(std::move(db)), m_config(std::move(config)), m_transports(std::move(transports)), m_clock(clock), m_name(std::move(name))
{
}

qint64 SyncEngine::backoffMs(const SyncConfig &config, int attempts)
{
    const qint64 base = config.backoffBase.count();
    const qint64 cap = config.backoffMax.count();
    qint64 d = base;
    for (int i = 1; i < attempts && d < cap; ++i)
        d *= 2;
    d = std::min(d, cap);
    const qint64 half = d / 2;
    return half + (d - half > 0 ? qint64(QRandomGenerator::global()->bounded(quint64(d - half + 1))) : 0);
}

Result<QByteArray> SyncEngine::seal(const OutboxItem &item, const SyncConfig &config)
{
    const auto service = reg::serviceFromCode(item.serviceCode);
    if (!service)
        return Error::invalid(QStringLiteral("serviceCode"), tr("реєстровий сервіс «%1» модулю обміну невідомий").arg(item.serviceCode));
    if (item.payload.isEmpty())
        return Error::invalid(QStringLiteral("payload"), tr("зміст запиту не сформовано: виправте дані справи і поставте повідомлення в чергу знову"));
    auto provider = config.serviceFor(item.serviceCode, item.serviceVersion);
    if (!provider)
        return provider.error();
    xr::RequestHeader h;
    h.client = config.client;
    h.service = provider.value();
    h.id = item.messageId;
    h.userId = item.userId.isEmpty() ? QString() : config.userIdFormat.arg(item.userId);
    h.issue = item.caseNumber;
    auto env = reg::newRegistryRequest(h, *service);
    if (!env)
        return env.error();
    auto payload = xml::Document::parse(item.payload);
    if (!payload)
        return payload.error();
    const xml::Element root = payload->root();
    if (root.localName() != item.serviceCode || root.namespaceUri() != reg::payloadNamespace(*service))
        return Error::invalid(QStringLiteral("payload"), tr("збережений зміст не відповідає сервісу %1").arg(item.serviceCode));
    for (const xml::Element &child : root.children())
        env->payload.appendCopy(child);
    return env->document.serialize();
}

Result<CycleReport> SyncEngine::runCycle(const ProgressFn &progress)
{
    auto report = sendDue(progress);
    if (!report)
        return report;
    if (!m_stop->load())
        CNAP_TRY(pollResults(report.value()));
    if (!m_stop->load() && m_config.pollOnline)
        CNAP_TRY(pollOnline(report.value()));
    if (m_config.messageLogDays > 0) {
        auto purged = storage::MessageLogRepository(m_db).purge(nowMs() - qint64(m_config.messageLogDays) * 86400 * 1000);
        if (!purged)
            return purged.error();
        report->logPurged = purged.value();
    }
    return report;
}

Result<CycleReport> SyncEngine::sendDue(const ProgressFn &progress)
{
    auto counts = storage::OutboxRepository(m_db).counts();
    if (!counts)
        return counts.error();
    const int total = int(counts->pending + counts->inFlight);
    std::vector<std::unique_ptr<Worker>> workers;
    for (int i = 0; i < std::max(1, m_config.concurrency); ++i) {
        auto w = std::make_unique<Worker>();
        auto t = m_transports();
        if (!t)
            return t.error();
        w->transport = std::move(t.value());
        auto root = storage::DocumentStore::resolveRoot(m_db->url(), m_config.documentStore);
        if (root)
            w->store = std::make_unique<storage::DocumentStore>(root.value());
        workers.push_back(std::move(w));
    }
    std::atomic<int> finished{0};
    std::vector<std::thread> threads;
    for (auto &w : workers)
        threads.emplace_back([this, &w, &finished, total, &progress] { workerLoop(*w, finished, total, progress); });
    for (std::thread &t : threads)
        t.join();

    CycleReport out;
    for (const auto &w : workers) {
        const CycleReport &r = w->report;
        out.claimed += r.claimed;
        out.done += r.done;
        out.retried += r.retried;
        out.dead += r.dead;
        out.released += r.released;
        out.leaseLost += r.leaseLost;
        out.problems += r.problems;
    }
    return out;
}

void SyncEngine::workerLoop(Worker &w, std::atomic<int> &finished, int total, const ProgressFn &progress)
{
    storage::OutboxRepository repo(m_db);
    // Seals the requests of newly claimed items inside the claim transaction, so
    // the bytes are durable before they first leave: a retry after a crash sends
    // the very same bytes (same id, same requestHash).
    const auto sealer = [this, &repo, &w](storage::Claim &claim) -> Status {
        for (qsizetype i = 0; i < claim.items.size();) {
            OutboxItem &item = claim.items[i];
            if (!item.request.isEmpty()) {
                ++i;
                continue;
            }
            auto bytes = seal(item, m_config);
            if (bytes) {
                CNAP_TRY(repo.seal(item.id, claim.token, bytes.value()));
                item.request = bytes.value();
                ++i;
                continue;
            }
            qCWarning(lcExchange).noquote() << "item" << item.id << "cannot be sealed (field" << bytes.error().field << "), moved to dead";
            auto dead = repo.markDead(item.id, claim.token, nowMs(), bytes.error().describe());
            if (!dead)
                return dead.error();
            ++w.report.dead;
            claim.items.removeAt(i);
        }
        return {};
    };

    while (!m_stop->load()) {
        auto claim = repo.claim(m_config.batchSize, nowMs(), m_config.lease.count(), m_name, sealer);
        if (!claim) {
            w.report.problems << QStringLiteral("claim failed: %1").arg(claim.error().message);
            break;
        }
        if (claim->items.isEmpty())
            break;
        w.report.claimed += int(claim->items.size());
        for (qsizetype i = 0; i < claim->items.size(); ++i) {
            if (m_stop->load()) {
                QList<qint64> rest;
                for (qsizetype j = i; j < claim->items.size(); ++j)
                    rest << claim->items[j].id;
                auto released = repo.release(claim->token, rest, nowMs());
                if (released)
                    w.report.released += released.value();
                else
                    w.report.problems << QStringLiteral("release failed: %1").arg(released.error().message);
                break;
            }
            processItem(w, claim.value(), claim->items[i]);
            const int n = finished.fetch_add(1) + 1;
            if (progress)
                progress(n, std::max(n, total));
        }
    }
    m_db->releaseThreadConnection();
}

void SyncEngine::processItem(Worker &w, const storage::Claim &claim, const OutboxItem &item)
{
    storage::OutboxRepository repo(m_db);
    // Attachments travel after the SOAP part; they are read from the document
    // store by the SHA-256 the payload names, so they are byte-for-byte the
    // files the clerk registered.
    std::vector<Attachment> attachments;
    QString attachError;
    if (item.serviceCode == reg::serviceCode(reg::Service::SubmitSocialApplication)) {
        auto doc = xml::Document::parse(item.payload);
        auto social = doc ? reg::readSubmitSocialApplication(doc->root()) : Result<reg::SubmitSocialApplicationRequest>(doc.error());
        if (!social) {
            attachError = social.error().describe();
        } else {
            for (const reg::AttachmentRef &a : social->attachments) {
                auto bytes = w.store ? w.store->read(a.sha256)
                                     : Result<QByteArray>(Error::make(ErrorCode::Io, tr("сховище документів не налаштовано")));
                if (!bytes) {
                    attachError = tr("файл %1 не прочитано зі сховища: %2").arg(a.contentId, bytes.error().message);
                    break;
                }
                attachments.push_back({a.contentId.toLatin1(), a.mediaType.toLatin1(), bytes.value()});
            }
        }
    }

    Sent sent;
    OutgoingMessage msg;
    if (attachError.isEmpty()) {
        auto composed = composeMessage(item.request, attachments);
        if (!composed)
            attachError = composed.error().describe();
        else
            msg = composed.value();
    }
    if (!attachError.isEmpty()) {
        // Nothing can be sent: a local problem an administrator must fix.
        sent.sentAtMs = sent.answeredAtMs = nowMs();
        sent.verdict.retry = false;
        sent.verdict.errors << attachError;
    } else {
        sent = post(*w.transport, m_config.securityServerUrl, msg, m_clock);
    }

    // --- the outcome, in a new transaction
    const qint64 now = nowMs();
    QString reference;
    QString result;
    QList<Step> steps;
    enum class Outcome { Done, Retry, Dead } outcome = Outcome::Dead;
    QString reason;
    if (sent.verdict.accepted) {
        const xml::Element &body = sent.verdict.response->body;
        const auto service = reg::serviceFromCode(item.serviceCode);
        outcome = Outcome::Done;
        switch (service.value_or(reg::Service::FetchOnlineApplications)) {
        case reg::Service::RegisterResidence:
        case reg::Service::SubmitSocialApplication: {
            auto a = reg::readAcceptedResponse(body);
            if (!a) {
                outcome = Outcome::Dead;
                reason = tr("відповідь реєстру не відповідає схемі: %1").arg(a.error().describe());
                break;
            }
            reference = a->registryReference;
            result = QStringLiteral("pending");
            steps << Step{CaseState::SentToProvider, tr("реєстр прийняв заяву, номер у реєстрі %1").arg(reference)};
            break;
        }
        case reg::Service::VerifyPersonUnzr: {
            auto v = reg::readVerifyPersonUnzrResponse(body);
            if (!v) {
                outcome = Outcome::Dead;
                reason = tr("відповідь реєстру не відповідає схемі: %1").arg(v.error().describe());
                break;
            }
            result = v->match ? QStringLiteral("granted") : QStringLiteral("refused");
            steps << Step{CaseState::SentToProvider, tr("запит до реєстру виконано")} << Step{CaseState::UnderReview, {}};
            if (v->match)
                steps << Step{CaseState::Granted, tr("дані особи збігаються з реєстром")};
            else
                steps << Step{CaseState::Refused, tr("дані не збігаються з реєстром: %1").arg(v->mismatchedFields.join(QStringLiteral(", ")))};
            break;
        }
        case reg::Service::LookupLegalEntity: {
            auto l = reg::readLookupLegalEntityResponse(body);
            if (!l) {
                outcome = Outcome::Dead;
                reason = tr("відповідь реєстру не відповідає схемі: %1").arg(l.error().describe());
                break;
            }
            result = QStringLiteral("granted");
            steps << Step{CaseState::SentToProvider, tr("запит до реєстру виконано")} << Step{CaseState::UnderReview, {}}
                  << Step{CaseState::Granted, tr("відомості з ЄДР отримано: %1 (%2)").arg(l->fullName, l->status)};
            break;
        }
        case reg::Service::FetchOnlineApplications:
        case reg::Service::GetApplicationStatus:
            break;
        }
    } else if (sent.verdict.retry && item.attempts < m_config.maxAttempts) {
        outcome = Outcome::Retry;
        reason = reasonOf(sent.verdict);
    } else {
        outcome = Outcome::Dead;
        reason = sent.verdict.retry ? tr("після %1 спроб: %2").arg(item.attempts).arg(reasonOf(sent.verdict)) : reasonOf(sent.verdict);
    }

    auto conn = m_db->connection();
    if (!conn) {
        w.report.problems << QStringLiteral("item %1: no database connection; its lease will expire").arg(item.id);
        return;
    }
    auto tx = storage::Transaction::begin(conn.value());
    if (!tx) {
        w.report.problems << QStringLiteral("item %1: %2; its lease will expire").arg(item.id).arg(tx.error().message);
        return;
    }
    Result<bool> fenced = false;
    switch (outcome) {
    case Outcome::Done: fenced = repo.markDone(item.id, claim.token, now, reference, result); break;
    case Outcome::Retry: fenced = repo.markRetry(item.id, claim.token, now, now + backoffMs(m_config, item.attempts), reason); break;
    case Outcome::Dead: fenced = repo.markDead(item.id, claim.token, now, reason); break;
    }
    if (!fenced || !fenced.value()) {
        tx->rollback();
        if (!fenced)
            w.report.problems << QStringLiteral("item %1: %2").arg(item.id).arg(fenced.error().message);
        else
            ++w.report.leaseLost;
        return;
    }
    const QString outcomeText = outcome == Outcome::Done ? QStringLiteral("accepted")
                              : outcome == Outcome::Retry ? QStringLiteral("retry: ") + reason
                                                          : QStringLiteral("dead: ") + reason;
    Status st = logMessage(m_db, item.messageId, item.caseNumber, item.serviceCode, QStringLiteral("request"), sent.sentAtMs, 0,
                           msg.wire.contentType, msg.wire.body, attachError.isEmpty() ? QStringLiteral("sent") : QStringLiteral("not sent"));
    if (st && attachError.isEmpty())
        st = logMessage(m_db, item.messageId, item.caseNumber, item.serviceCode, QStringLiteral("response"), sent.answeredAtMs,
                        sent.answered ? sent.response.status : 0, sent.response.contentType, sent.response.body, outcomeText);
    int applied = 0;
    if (st)
        st = advanceCase(m_db, item.caseId, steps, now, &applied);
    if (st)
        st = tx->commit();
    if (!st) {
        w.report.problems << QStringLiteral("item %1: outcome not recorded (%2); its lease will expire").arg(item.id).arg(st.error().message);
        return;
    }
    switch (outcome) {
    case Outcome::Done: ++w.report.done; break;
    case Outcome::Retry: ++w.report.retried; break;
    case Outcome::Dead:
        ++w.report.dead;
        qCInfo(lcExchange).noquote() << "item" << item.id << "message" << item.messageId << "moved to dead after" << item.attempts
                                     << "attempt(s)";
        break;
    }
}

Status SyncEngine::pollResults(CycleReport &report)
{
    storage::OutboxRepository repo(m_db);
    const qint64 checkedBefore = nowMs() - qint64(m_config.statusPollInterval.count()) * 1000;
    auto items = repo.awaitingResult(checkedBefore + 1, 200);
    if (!items)
        return items.error();
    if (items->isEmpty())
        return {};
    auto transport = m_transports();
    if (!transport)
        return transport.error();
    for (const OutboxItem &item : items.value()) {
        if (m_stop->load())
            break;
        auto provider = m_config.serviceFor(item.serviceCode, item.serviceVersion);
        if (!provider) {
            report.problems << provider.error().message;
            continue;
        }
        xr::RequestHeader h;
        h.client = m_config.client;
        h.service = provider.value();
        h.service.serviceCode = reg::serviceCode(reg::Service::GetApplicationStatus);
        h.service.serviceVersion = QStringLiteral("v1");
        h.id = crypto::uuid4();
        h.userId = kActor;
        h.issue = item.caseNumber;
        auto bytes = reg::buildRequest(h, reg::GetApplicationStatusRequest{item.registryReference});
        if (!bytes) {
            report.problems << QStringLiteral("item %1: status request not built: %2").arg(item.id).arg(bytes.error().message);
            continue;
        }
        auto msg = composeMessage(bytes.value());
        if (!msg)
            return msg.error();
        const Sent sent = post(*transport.value(), m_config.securityServerUrl, msg.value(), m_clock);
        ++report.statusChecked;
        QString status = QStringLiteral("pending");
        QList<Step> steps;
        QString outcome = sent.verdict.accepted ? QStringLiteral("accepted") : QStringLiteral("failed: ") + reasonOf(sent.verdict);
        if (sent.verdict.accepted) {
            auto s = reg::readGetApplicationStatusResponse(sent.verdict.response->body);
            if (!s) {
                outcome = QStringLiteral("failed: ") + s.error().describe();
            } else if (s->status == QStringLiteral("granted")) {
                status = s->status;
                steps << Step{CaseState::UnderReview, {}}
                      << Step{CaseState::Granted, tr("рішення реєстру %1").arg(s->decisionNumber)};
            } else if (s->status == QStringLiteral("refused")) {
                status = s->status;
                const QString grounds = s->grounds.isEmpty() ? tr("реєстр відмовив без зазначення підстав") : s->grounds;
                steps << Step{CaseState::UnderReview, {}}
                      << Step{CaseState::Refused, tr("відмова реєстру %1: %2").arg(s->decisionNumber, grounds)};
            } else {
                steps << Step{CaseState::UnderReview, tr("заява на розгляді в реєстрі")};
            }
        }
        auto conn = m_db->connection();
        if (!conn)
            return conn.error();
        auto tx = storage::Transaction::begin(conn.value());
        if (!tx)
            return tx.error();
        CNAP_TRY(repo.setResult(item.id, status, nowMs()));
        CNAP_TRY(logMessage(m_db, h.id, item.caseNumber, h.service.serviceCode, QStringLiteral("request"), sent.sentAtMs, 0,
                            msg->wire.contentType, msg->wire.body, QStringLiteral("sent")));
        CNAP_TRY(logMessage(m_db, h.id, item.caseNumber, h.service.serviceCode, QStringLiteral("response"), sent.answeredAtMs,
                            sent.answered ? sent.response.status : 0, sent.response.contentType, sent.response.body, outcome));
        int applied = 0;
        CNAP_TRY(advanceCase(m_db, item.caseId, steps, nowMs(), &applied));
        CNAP_TRY(tx->commit());
        if (status != QStringLiteral("pending"))
            ++report.decisions;
    }
    return {};
}

Status SyncEngine::pollOnline(CycleReport &report)
{
    const QString code = reg::serviceCode(reg::Service::FetchOnlineApplications);
    auto provider = m_config.serviceFor(code, QStringLiteral("v1"));
    if (!provider)
        return {};  // no portal configured: nothing to fetch
    storage::OutboxRepository repo(m_db);
    auto transport = m_transports();
    if (!transport)
        return transport.error();
    for (int page = 0; page < 20 && !m_stop->load(); ++page) {
        auto since = repo.cursor(QStringLiteral("portal"));
        if (!since)
            return since.error();
        xr::RequestHeader h;
        h.client = m_config.client;
        h.service = provider.value();
        h.id = crypto::uuid4();
        h.userId = kActor;
        reg::FetchOnlineApplicationsRequest req;
        req.since = since.value();
        req.limit = 50;
        auto bytes = reg::buildRequest(h, req);
        if (!bytes)
            return bytes.error();
        auto msg = composeMessage(bytes.value());
        if (!msg)
            return msg.error();
        const Sent sent = post(*transport.value(), m_config.securityServerUrl, msg.value(), m_clock);
        CNAP_TRY(logMessage(m_db, h.id, {}, code, QStringLiteral("request"), sent.sentAtMs, 0, msg->wire.contentType, msg->wire.body,
                            QStringLiteral("sent")));
        CNAP_TRY(logMessage(m_db, h.id, {}, code, QStringLiteral("response"), sent.answeredAtMs, sent.answered ? sent.response.status : 0,
                            sent.response.contentType, sent.response.body,
                            sent.verdict.accepted ? QStringLiteral("accepted") : QStringLiteral("failed: ") + reasonOf(sent.verdict)));
        if (!sent.verdict.accepted) {
            report.problems << QStringLiteral("online applications not fetched (will retry next cycle)");
            return {};
        }
        auto resp = reg::readFetchOnlineApplicationsResponse(sent.verdict.response->body);
        if (!resp) {
            report.problems << QStringLiteral("online applications answer rejected: %1").arg(resp.error().message);
            return {};
        }
        QList<storage::OnlineApplicationRow> rows;
        for (const reg::OnlineApplication &a : resp->applications) {
            storage::OnlineApplicationRow r;
            r.portalId = a.portalId;
            r.serviceCode = a.serviceCode;
            r.serviceTitle = a.serviceTitle;
            r.submittedAt = a.submittedAt;
            r.lastName = a.lastName;
            r.firstName = a.firstName;
            r.patronymic = a.patronymic;
            r.rnokpp = a.rnokpp;
            r.phone = a.phone;
            r.summary = a.summary;
            r.receivedMs = nowMs();
            rows << r;
        }
        auto added = repo.addOnlineApplications(rows);
        if (!added)
            return added.error();
        report.onlineNew += added.value();
        if (!resp->nextMarker.isEmpty())
            CNAP_TRY(repo.setCursor(QStringLiteral("portal"), resp->nextMarker));
        if (int(resp->applications.size()) < req.limit)
            break;
    }
    return {};
}

} // namespace cnap::exchange::sync
