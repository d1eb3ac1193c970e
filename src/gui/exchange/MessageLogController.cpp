#include "gui/exchange/MessageLogController.h"

#include "exchange/message/Multipart.h"
#include "gui/common/TaskRunner.h"
#include "gui/exchange/ExchangeModels.h"
#include "services/ExchangeService.h"
#include "xml/Xml.h"

#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>

namespace cnap::gui::exchange {

using EntriesResult = Result<QList<storage::MessageLogEntry>>;

MessageLogDocument MessageLogDocument::render(const storage::MessageLogEntry &entry)
{
    MessageLogDocument d;
    d.entry = entry;
    if (entry.body.isEmpty()) {
        d.note = MessageLogController::tr("Тіла немає: відповідь не надійшла.");
        return d;
    }
    auto parts = cnap::exchange::decodeMessage(entry.contentType.toLatin1(), entry.body);
    if (parts) {
        // The hardened adapter parses (no DTD, no entities, limits): a log entry may hold a hostile answer.
        auto doc = xml::Document::parse(parts->soap);
        if (doc) {
            d.text = QString::fromUtf8(doc->serialize(true));
            d.pretty = true;
            QStringList lines;
            for (const cnap::exchange::Attachment &a : parts->attachments)
                lines << MessageLogController::tr("вкладення %1 (%2), розмір %3 Б, SHA-256 %4")
                             .arg(QString::fromLatin1(a.contentId), QString::fromLatin1(a.contentType))
                             .arg(a.data.size())
                             .arg(a.sha256Hex());
            d.note = lines.join(u'\n');
            return d;
        }
        d.note = MessageLogController::tr("Показано як є: XML не розібрано (%1).").arg(doc.error().describe());
    } else {
        d.note = MessageLogController::tr("Показано як є: %1").arg(parts.error().describe());
    }
    d.text = QString::fromUtf8(entry.body);
    return d;
}

MessageLogController::MessageLogController(AppContext context, QObject *parent)
    : QObject(parent), m_context(std::move(context)), m_model(new MessageLogModel(this))
{
    connect(m_model, &MessageLogModel::moreRequested, this, &MessageLogController::loadMore);
}

void MessageLogController::setMessageFilter(const QString &messageId)
{
    m_messageId = messageId.trimmed();
    reload();
}

void MessageLogController::reload()
{
    const quint64 generation = ++m_generation;
    auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    const QString messageId = m_messageId;
    const int limit = m_pageSize;
    m_context.runner->run(
        this, [db, actor, clock, messageId, limit]() { return services::ExchangeService(db, {}, {}, *clock).messageLog(actor, 0, limit, messageId); },
        [this, generation, limit](EntriesResult r) {
            if (generation != m_generation)
                return;
            if (!r) {
                m_model->resetWith({}, false, generation);
                Q_EMIT failed(r.error());
                return;
            }
            m_model->resetWith(r.value(), r->size() >= limit, generation);
            Q_EMIT loaded(m_model->rowCount());
        });
}

void MessageLogController::loadMore(qint64 beforeId, quint64 generation)
{
    auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    const QString messageId = m_messageId;
    const int limit = m_pageSize;
    m_context.runner->run(
        this,
        [db, actor, clock, beforeId, messageId, limit]() {
            return services::ExchangeService(db, {}, {}, *clock).messageLog(actor, beforeId, limit, messageId);
        },
        [this, generation, limit](EntriesResult r) {
            if (!r) {
                m_model->pageFailed(generation);
                Q_EMIT failed(r.error());
                return;
            }
            m_model->appendPage(r.value(), r->size() >= limit, generation);
            if (generation == m_generation)
                Q_EMIT loaded(m_model->rowCount());
        });
}

void MessageLogController::openEntry(qint64 id)
{
    auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    m_context.runner->run(
        this,
        [db, actor, clock, id]() -> Result<MessageLogDocument> {
            auto e = services::ExchangeService(db, {}, {}, *clock).messageLogEntry(actor, id);
            if (!e)
                return e.error();
            return MessageLogDocument::render(e.value());  // parsing a large body is worker work too
        },
        [this](Result<MessageLogDocument> r) {
            if (!r) {
                Q_EMIT failed(r.error());
                return;
            }
            Q_EMIT entryReady(r.value());
        });
}

Status MessageLogController::writeFile(const QString &path, const QByteArray &bytes)
{
    if (path.isEmpty())
        return Error::invalid(QStringLiteral("file"), tr("не вказано файл"));
    // QSaveFile: an existing file is replaced only by a complete new one.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(ErrorCode::Io, tr("не вдалося створити файл «%1»: %2").arg(QFileInfo(path).fileName(), file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Error::make(ErrorCode::Io, tr("не вдалося записати файл «%1»: %2").arg(QFileInfo(path).fileName(), file.errorString()));
    return {};
}

void MessageLogController::saveBody(const QByteArray &body, const QString &path)
{
    m_context.runner->run(this, [body, path]() { return writeFile(path, body); }, [this, path](Status s) {
        if (!s) {
            Q_EMIT failed(s.error());
            return;
        }
        Q_EMIT saved(path);
    });
}

} // namespace cnap::gui::exchange
