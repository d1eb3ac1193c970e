#include "gui/common/TaskRunner.h"

namespace cnap::gui {

TaskRunner::TaskRunner(QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("cnap-db-worker"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

TaskRunner::~TaskRunner()
{
    if (m_cleanup)
        QMetaObject::invokeMethod(m_worker, [this]() { m_cleanup(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void TaskRunner::runBlocking(const std::function<void()> &job)
{
    QMetaObject::invokeMethod(m_worker, [&job]() { job(); }, Qt::BlockingQueuedConnection);
}

} // namespace cnap::gui
