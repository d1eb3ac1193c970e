#pragma once

// The registry simulator: answers X-Road requests for the registry services as
// the provider's security server would (echoed headers, requestHash, faults with
// HTTP 200), remembers every answer by message id durably, and injects faults.

#include "net/HttpServer.h"

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <mutex>
#include <random>

namespace cnap::sim {

enum class FaultKind { None, Delay, Drop, Http500, ClientFault, ServerFault, Malformed, WrongHeader, Duplicate };

struct SimConfig {
    QString stateDir;                  ///< empty: de-duplication lasts only while running
    std::vector<FaultKind> faults;     ///< drawn uniformly when a fault fires
    double faultRate = 1.0;            ///< probability per request that a fault fires
    quint32 seed = 1;
    int delayMs = 3000;                ///< for FaultKind::Delay
    int decisionDelayMs = 2000;        ///< until GetApplicationStatus reports a decision
};

[[nodiscard]] std::optional<FaultKind> faultKindFromName(const QString &name);
[[nodiscard]] QStringList faultKindNames();

class Simulator final {
public:
    explicit Simulator(SimConfig config);
    /// Loads the journal from the state directory (creating it).
    [[nodiscard]] Status open();
    /// The HTTP handler (thread-safe).
    [[nodiscard]] net::ServerReply handle(const net::ServerRequest &request);

private:
    struct Stored {
        QByteArray requestHash;
        int status = 200;
        QByteArray contentType;
        QByteArray body;
    };
    struct Case {
        QString reference;
        QString service;
        qint64 createdMs = 0;
        bool refuse = false;
    };

    net::ServerReply process(const QByteArray &soap, const std::vector<QByteArray> &attachmentIds,
                             const std::vector<QByteArray> &attachmentHashes, bool &store);
    net::ServerReply fault(const QString &code, const QString &text, int status = 200) const;
    Status appendJournal(const QByteArray &line);
    QString newReference(const QString &prefix);
    FaultKind drawFault();

    SimConfig m_config;
    std::mutex m_mutex;            // guards everything below
    std::mt19937 m_rng;
    QFile m_journal;
    QHash<QString, Stored> m_responses;   // key: client + '\n' + message id
    QHash<QString, Case> m_cases;
    int m_sequence = 0;
    qint64 m_requests = 0;
    qint64 m_processed = 0;
    qint64 m_replayed = 0;
};

} // namespace cnap::sim
