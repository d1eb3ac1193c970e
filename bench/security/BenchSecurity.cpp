// bench_security [DB_URL] [N]   (DB_URL: a new, empty database; default a temporary SQLite file)
// Measures: one scrypt hash at the production and the test cost; a full login
// (KDF + row lock + audit row); N audit appends (own transaction each); a full
// chain verification over them.  Prints one figure a line.
#include "crypto/Password.h"
#include "security/AuditLog.h"
#include "services/AuthService.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

using namespace cnap;

namespace {
double msSince(const QElapsedTimer &t) { return static_cast<double>(t.nsecsElapsed()) / 1e6; }
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTemporaryDir tmp;
    const QString urlText = args.size() > 1 ? args[1] : QStringLiteral("sqlite:") + tmp.filePath(QStringLiteral("bench.sqlite"));
    const int n = args.size() > 2 ? args[2].toInt() : 2000;

    for (const auto &[name, params] : {std::pair{"production N=2^17 r=8 p=1", crypto::ScryptParams::production()},
                                       std::pair{"tests N=2^10 r=8 p=1", crypto::ScryptParams::cheapForTests()}}) {
        const crypto::PasswordHasher h(params);
        QElapsedTimer t;
        t.start();
        constexpr int kRuns = 5;
        QString last;
        for (int i = 0; i < kRuns; ++i)
            last = h.hash(QStringLiteral("Bench-Passw0rd")).valueOr(QString());
        std::printf("scrypt hash (%s): %.1f ms\n", name, msSince(t) / kRuns);
        t.restart();
        (void)h.verify(QStringLiteral("Bench-Passw0rd"), last);
        std::printf("scrypt verify (%s): %.1f ms\n", name, msSince(t));
    }

    auto url = storage::DatabaseUrl::parse(urlText);
    if (!url) {
        std::fprintf(stderr, "bad DB_URL\n");
        return 2;
    }
    auto db = storage::Database::open(url.value());
    if (!db || !db.value()->migrate()) {
        std::fprintf(stderr, "cannot open or migrate the database\n");
        return 1;
    }
    std::printf("backend: %s\n", db.value()->isPostgres() ? "postgresql" : "sqlite");

    services::AuthService auth(db.value());
    security::NewAccount a{QStringLiteral("bench"), {}, Role::Clerk, QStringLiteral("Bench-Passw0rd"), false};
    if (!auth.addUser(Actor::system(), a)) {
        std::fprintf(stderr, "cannot add the bench user\n");
        return 1;
    }
    QElapsedTimer t;
    t.start();
    const bool loggedIn = auth.login(QStringLiteral("bench"), QStringLiteral("Bench-Passw0rd"), QStringLiteral("desk-1")).ok();
    std::printf("login, production cost (%s): %.1f ms\n", loggedIn ? "ok" : "FAILED", msSince(t));
    t.restart();
    (void)auth.login(QStringLiteral("nobody"), QStringLiteral("Bench-Passw0rd"), QStringLiteral("desk-1"));
    std::printf("login of an unknown user (same work): %.1f ms\n", msSince(t));

    security::AuditLog log(db.value());
    const Actor clerk{1, QStringLiteral("bench"), Role::Clerk, QStringLiteral("desk-1")};
    t.restart();
    for (int i = 0; i < n; ++i) {
        if (!log.append(clerk, security::AuditAction::CaseOpen, QStringLiteral("case"), QString::number(i))) {
            std::fprintf(stderr, "append failed\n");
            return 1;
        }
    }
    const double appendMs = msSince(t);
    std::printf("audit append x%d (own transaction each): %.0f ms, %.2f ms/entry\n", n, appendMs, appendMs / n);
    t.restart();
    auto v = log.verify();
    const double verifyMs = msSince(t);
    std::printf("audit verify %lld entries (%s): %.0f ms, %.0f entries/s\n", v ? static_cast<long long>(v->entries) : -1LL,
                v && v->ok() ? "ok" : "BROKEN", verifyMs, v ? 1000.0 * static_cast<double>(v->entries) / verifyMs : 0.0);
    return 0;
}
