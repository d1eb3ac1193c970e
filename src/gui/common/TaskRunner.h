#pragma once

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>
#include <type_traits>

namespace cnap::gui {

/// Runs database and network work off the UI thread, one job at a time, on a
/// worker thread that owns its own database connection (storage::Database
/// hands out one connection per thread).  Results come back to the UI thread
/// through a continuation that is dropped if its context object has died, so
/// a closed dialog never receives a late answer.
class TaskRunner final : public QObject {
    Q_OBJECT
public:
    explicit TaskRunner(QObject *parent = nullptr);
    ~TaskRunner() override;

    /// Runs `job` on the worker thread, then `done(result)` on `context`'s thread.
    template <typename Job, typename Done>
    void run(QObject *context, Job job, Done done)
    {
        using R = std::invoke_result_t<Job>;
        QPointer<QObject> guard(context);
        auto shared = std::make_shared<Job>(std::move(job));
        auto finish = std::make_shared<Done>(std::move(done));
        QMetaObject::invokeMethod(m_worker, [shared, finish, guard, context]() {
            auto result = std::make_shared<R>((*shared)());
            if (!guard)
                return;
            QMetaObject::invokeMethod(context, [guard, finish, result]() {
                if (guard)
                    (*finish)(std::move(*result));
            }, Qt::QueuedConnection);
        }, Qt::QueuedConnection);
    }

    /// Runs `job` on the worker thread and waits for it (start-up and tests only).
    void runBlocking(const std::function<void()> &job);

    /// Called on the worker thread just before it ends (release its DB connection).
    void setThreadCleanup(std::function<void()> cleanup) { m_cleanup = std::move(cleanup); }

private:
    QThread m_thread;
    QObject *m_worker = nullptr;
    std::function<void()> m_cleanup;
};

} // namespace cnap::gui
