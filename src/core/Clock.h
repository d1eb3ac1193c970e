#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace cnap {

/// The one source of "now" for queues and deadlines, so tests can move time.
class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime now() const = 0;
    [[nodiscard]] QDate today() const { return now().toLocalTime().date(); }

    /// The process-wide system clock.
    static const Clock &system();
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

/// A clock that only moves when told to (tests, simulations, benchmarks).
class ManualClock final : public Clock {
public:
    explicit ManualClock(QDateTime start) : m_now(std::move(start)) {}
    [[nodiscard]] QDateTime now() const override { return m_now; }
    void set(QDateTime t) { m_now = std::move(t); }
    void advanceSecs(qint64 s) { m_now = m_now.addSecs(s); }

private:
    QDateTime m_now;
};

} // namespace cnap
