// PostgreSQL over TLS with sslmode=verify-full (issue 7).
//
// The fixture makes a CA and a server certificate for localhost/127.0.0.1 with
// the openssl CLI, then starts its own PostgreSQL (initdb in a temporary
// folder, as the postgres user when run as root; see scripts/lib/postgres.sh)
// with ssl=on and a pg_hba.conf that accepts TLS connections only.  Missing
// server binaries or openssl FAIL the tests: a skipped security test proves
// nothing.

#include "storage/Database.h"
#include "storage/Sql.h"
#include "support/TestEnv.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace cnap;

namespace {

const QString kPassword = QStringLiteral("tls-test-pw");

QString postgresBinDir()
{
    const QDir lib(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = lib.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
    for (const QString &v : versions) {
        const QString bin = lib.filePath(v + QStringLiteral("/bin"));
        if (QFile::exists(bin + QStringLiteral("/initdb")))
            return bin;
    }
    return {};
}

/// A loopback port nobody listens on right now.
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

bool writeText(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

/// The throwaway TLS server, shared by the suite (started once: ~3 s).
class TlsServer {
public:
    bool start(QString &why)
    {
        if (!m_tmp.isValid())
            return fail(why, QStringLiteral("no temporary folder"));
        m_bin = postgresBinDir();
        if (m_bin.isEmpty())
            return fail(why, QStringLiteral("PostgreSQL server binaries (initdb) not found under /usr/lib/postgresql"));
        m_root = ::geteuid() == 0;
        m_dir = m_tmp.path();
        // The server runs as postgres: it must reach its files below our folder.
        QFile::setPermissions(m_dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                         | QFileDevice::ExeGroup | QFileDevice::ExeOther);
        if (!makeCertificates(why))
            return false;
        const QString pwfile = m_dir + QStringLiteral("/pw");
        if (!writeText(pwfile, kPassword.toUtf8() + '\n'))
            return fail(why, QStringLiteral("cannot write the password file"));
        QDir().mkpath(m_dir + QStringLiteral("/sock"));
        QDir().mkpath(m_dir + QStringLiteral("/pg"));  // initdb creates data/ inside: the server user must own it
        if (m_root && !own({pwfile, m_dir + QStringLiteral("/sock"), m_dir + QStringLiteral("/pg"), m_dir + QStringLiteral("/server.key"),
                            m_dir + QStringLiteral("/server.crt")}, why))
            return false;
        auto init = asServer(m_bin + QStringLiteral("/initdb"),
                             {QStringLiteral("-D"), data(), QStringLiteral("-U"), QStringLiteral("cnap_admin"),
                              QStringLiteral("--pwfile=") + pwfile, QStringLiteral("-A"), QStringLiteral("scram-sha-256"),
                              QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8"),
                              QStringLiteral("--no-sync")});
        if (init.exitCode != 0)
            return fail(why, QStringLiteral("initdb failed: ") + init.err + init.out);
        // TLS only: there is no "host" or "hostnossl" line, so a plain TCP
        // connection finds no entry and is refused.
        const QByteArray hba = "local all all trust\n"
                               "hostssl all all 127.0.0.1/32 scram-sha-256\n"
                               "hostssl all all 127.0.0.2/32 scram-sha-256\n";
        const QString hbaPath = data() + QStringLiteral("/pg_hba.conf");
        if (!writeText(hbaPath, hba) || (m_root && !own({hbaPath}, why)))
            return fail(why, QStringLiteral("cannot write pg_hba.conf"));
        for (int attempt = 0; attempt < 3 && !m_running; ++attempt) {
            m_port = freePort();
            const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1,127.0.0.2 -c ssl=on "
                                                   "-c ssl_cert_file=%3/server.crt -c ssl_key_file=%3/server.key "
                                                   "-c fsync=off -c max_connections=20")
                                        .arg(m_port)
                                        .arg(m_dir + QStringLiteral("/sock"), m_dir);
            auto started = asServer(m_bin + QStringLiteral("/pg_ctl"),
                                    {QStringLiteral("-D"), data(), QStringLiteral("-l"), m_dir + QStringLiteral("/sock/server.log"),
                                     QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"), QStringLiteral("-o"), options,
                                     QStringLiteral("start")});
            m_running = started.exitCode == 0;
            if (!m_running) {
                QFile log(m_dir + QStringLiteral("/sock/server.log"));
                why = QStringLiteral("pg_ctl start failed: ") + started.err
                      + (log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()) : QString());
            }
        }
        return m_running;
    }

    void stop()
    {
        if (m_running)
            (void)asServer(m_bin + QStringLiteral("/pg_ctl"),
                           {QStringLiteral("-D"), data(), QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("stop")});
        m_running = false;
    }

    /// A URL for `host` with the given query (sslmode etc.).
    [[nodiscard]] QString url(const QString &host, const QString &query) const
    {
        return QStringLiteral("postgresql://cnap_admin:%1@%2:%3/postgres?%4").arg(kPassword, host).arg(m_port).arg(query);
    }
    [[nodiscard]] QString ca() const { return m_dir + QStringLiteral("/ca.crt"); }
    [[nodiscard]] QString otherCa() const { return m_dir + QStringLiteral("/other-ca.crt"); }

private:
    QString data() const { return m_dir + QStringLiteral("/pg/data"); }

    static bool fail(QString &why, const QString &text)
    {
        why = text;
        return false;
    }

    test::ProcessResult asServer(const QString &program, const QStringList &args)
    {
        if (!m_root)
            return test::runProcess(program, args, {}, 60000);
        return test::runProcess(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} + args,
                                {}, 60000);
    }

    bool own(const QStringList &paths, QString &why)
    {
        for (const QString &p : paths) {
            auto r = test::runProcess(QStringLiteral("chown"), {QStringLiteral("postgres:"), p});
            if (r.exitCode != 0)
                return fail(why, QStringLiteral("chown postgres %1: %2").arg(p, r.err));
        }
        return true;
    }

    bool openssl(const QStringList &args, QString &why)
    {
        auto r = test::runProcess(QStringLiteral("openssl"), args, {}, 30000);
        if (r.exitCode != 0)
            return fail(why, QStringLiteral("openssl %1 failed: %2").arg(args.join(u' '), r.err));
        return true;
    }

    bool makeCA(const QString &name, const QString &cn, QString &why)
    {
        return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                        QStringLiteral("-keyout"), m_dir + u'/' + name + QStringLiteral(".key"), QStringLiteral("-out"),
                        m_dir + u'/' + name + QStringLiteral(".crt"), QStringLiteral("-days"), QStringLiteral("2"),
                        QStringLiteral("-subj"), QStringLiteral("/CN=") + cn},
                       why);
    }

    bool makeCertificates(QString &why)
    {
        if (!makeCA(QStringLiteral("ca"), QStringLiteral("CNAP test CA"), why)
            || !makeCA(QStringLiteral("other-ca"), QStringLiteral("Some other CA"), why))
            return false;
        const QString ext = m_dir + QStringLiteral("/server.ext");
        if (!writeText(ext, "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
                            "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n"))
            return fail(why, QStringLiteral("cannot write the extension file"));
        if (!openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                      QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                      QStringLiteral("-keyout"), m_dir + QStringLiteral("/server.key"), QStringLiteral("-out"),
                      m_dir + QStringLiteral("/server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost")},
                     why))
            return false;
        if (!openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), m_dir + QStringLiteral("/server.csr"),
                      QStringLiteral("-CA"), ca(), QStringLiteral("-CAkey"), m_dir + QStringLiteral("/ca.key"),
                      QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), m_dir + QStringLiteral("/server.crt"),
                      QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), ext},
                     why))
            return false;
        // PostgreSQL refuses a private key others can read.
        QFile::setPermissions(m_dir + QStringLiteral("/server.key"), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return true;
    }

    QTemporaryDir m_tmp{QDir::tempPath() + QStringLiteral("/cnap-tls-XXXXXX")};
    QString m_dir;
    QString m_bin;
    bool m_root = false;
    bool m_running = false;
    int m_port = 0;
};

class PostgresTls : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        server = new TlsServer;
        started = server->start(startError);
    }
    static void TearDownTestSuite()
    {
        server->stop();
        delete server;
        server = nullptr;
    }
    void SetUp() override { ASSERT_TRUE(started) << startError.toStdString(); }

    /// Opens a connection for `url`; the error when it cannot.
    static Result<bool> sslInUse(const QString &text)
    {
        auto url = storage::DatabaseUrl::parse(text);
        if (!url)
            return url.error();
        auto db = storage::Database::open(url.value());
        if (!db)
            return db.error();
        auto connection = db.value()->connection();
        if (!connection)
            return connection.error();
        Result<bool> out = false;
        {
            auto row = storage::execOne(connection.value(), QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
            out = row ? Result<bool>(row->value(0).toBool()) : Result<bool>(row.error());
        }
        connection = Error::make(ErrorCode::Internal, QString());  // drop the handle before the connection goes
        db.value()->releaseThreadConnection();
        return out;
    }

    static inline TlsServer *server = nullptr;
    static inline bool started = false;
    static inline QString startError;
};

} // namespace

TEST_F(PostgresTls, VerifyFullWithTheRightCaConnectsOverTls)
{
    for (const QString &host : {QStringLiteral("localhost"), QStringLiteral("127.0.0.1")}) {
        auto ssl = sslInUse(server->url(host, QStringLiteral("sslmode=verify-full&sslrootcert=") + server->ca()));
        ASSERT_TRUE(ssl.ok()) << host.toStdString() << ": " << ssl.error().message.toStdString();
        EXPECT_TRUE(ssl.value()) << "pg_stat_ssl says the session is not encrypted";
    }
}

TEST_F(PostgresTls, AServerCertificateFromAnotherCaIsRefused)
{
    auto ssl = sslInUse(server->url(QStringLiteral("localhost"), QStringLiteral("sslmode=verify-full&sslrootcert=") + server->otherCa()));
    ASSERT_FALSE(ssl.ok());
    EXPECT_EQ(ssl.error().code, ErrorCode::Database);
    EXPECT_TRUE(ssl.error().message.contains(QStringLiteral("certificate"))) << ssl.error().message.toStdString();
    // The message explains why, and never carries the password.
    EXPECT_FALSE(ssl.error().message.contains(kPassword)) << ssl.error().message.toStdString();
    // verify-ca checks the chain as well: also refused.
    EXPECT_FALSE(sslInUse(server->url(QStringLiteral("localhost"), QStringLiteral("sslmode=verify-ca&sslrootcert=") + server->otherCa())).ok());
}

TEST_F(PostgresTls, AHostNameNotInTheCertificateIsRefusedUnderVerifyFull)
{
    // 127.0.0.2 reaches the same server, but is not in the certificate's SAN.
    auto full = sslInUse(server->url(QStringLiteral("127.0.0.2"), QStringLiteral("sslmode=verify-full&sslrootcert=") + server->ca()));
    ASSERT_FALSE(full.ok());
    EXPECT_TRUE(full.error().message.contains(QStringLiteral("does not match host name"))) << full.error().message.toStdString();
    EXPECT_FALSE(full.error().message.contains(kPassword));
    // Proof that only the name check refused it: verify-ca (chain only) connects.
    auto chainOnly = sslInUse(server->url(QStringLiteral("127.0.0.2"), QStringLiteral("sslmode=verify-ca&sslrootcert=") + server->ca()));
    ASSERT_TRUE(chainOnly.ok()) << chainOnly.error().message.toStdString();
    EXPECT_TRUE(chainOnly.value());
}

TEST_F(PostgresTls, PlainTcpIsRefusedByTheServer)
{
    auto plain = sslInUse(server->url(QStringLiteral("127.0.0.1"), QStringLiteral("sslmode=disable")));
    ASSERT_FALSE(plain.ok());
    EXPECT_TRUE(plain.error().message.contains(QStringLiteral("no encryption"))) << plain.error().message.toStdString();
    EXPECT_FALSE(plain.error().message.contains(kPassword));
}
