// bench_catalogue SOURCE_DIR [DB_URL] [N]   (DB_URL: a new, empty database)
// Reads and writes the shipped catalogue file N times, then imports a
// synthetic catalogue of 500 services into the database (fresh import, then an
// unchanged re-import) and runs searches over it.  Default database: a
// temporary SQLite file.  Prints one figure a line.
#include "core/catalogue/ServiceCard.h"
#include "storage/CatalogueRepository.h"
#include "storage/Database.h"
#include "xml/CatalogueXml.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace cnap;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

std::vector<ServiceCard> synthetic(const std::vector<ServiceCard> &base, int count)
{
    std::vector<ServiceCard> cards;
    for (int i = 0; i < count; ++i) {
        ServiceCard c = base[static_cast<size_t>(i) % base.size()];
        ServiceCard copy(ServiceCode::parse(QStringLiteral("%1").arg(10000 + i, 5, 10, QLatin1Char('0'))).value());
        copy = c;
        copy.code = ServiceCode::parse(QStringLiteral("%1").arg(10000 + i, 5, 10, QLatin1Char('0'))).value();
        copy.name = c.name + QStringLiteral(" (варіант %1)").arg(i);
        cards.push_back(std::move(copy));
    }
    return cards;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_catalogue SOURCE_DIR [DB_URL] [N]\n");
        return 2;
    }
    const QDir src(args[1]);
    const int n = args.size() > 3 ? args[3].toInt() : 50;
    const QString xsd = src.filePath(QStringLiteral("schemas/catalogue.xsd"));
    QFile f(src.filePath(QStringLiteral("resources/catalog/services.xml")));
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot open the shipped catalogue\n");
        return 1;
    }
    const QByteArray bytes = f.readAll();

    QElapsedTimer t;
    t.start();
    std::vector<ServiceCard> cards;
    for (int i = 0; i < n; ++i) {
        auto r = xml::readCatalogue(bytes, xsd);
        if (!r) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error().message));
            return 1;
        }
        cards = std::move(r.value());
    }
    out() << "readCatalogue (" << cards.size() << " services, " << bytes.size() / 1024 << " KiB, incl. XSD load): "
          << double(t.nsecsElapsed()) / n / 1e6 << " ms\n";
    t.restart();
    QByteArray written;
    for (int i = 0; i < n; ++i)
        written = xml::writeCatalogue(cards);
    out() << "writeCatalogue: " << double(t.nsecsElapsed()) / n / 1e6 << " ms\n";

    QTemporaryDir tmp;
    const QString url = args.size() > 2 && !args[2].isEmpty() ? args[2] : QStringLiteral("sqlite:") + tmp.filePath(QStringLiteral("bench.db"));
    auto parsedUrl = storage::DatabaseUrl::parse(url);
    // Never the server's maintenance database: migrating it would fill a shared
    // server's default database with our tables.
    if (parsedUrl && parsedUrl->dialect() == storage::Dialect::Postgresql
        && (parsedUrl->databaseName() == QStringLiteral("postgres") || parsedUrl->databaseName().startsWith(QStringLiteral("template")))) {
        std::fprintf(stderr, "refusing the maintenance database; create a new, empty one for the bench\n");
        return 1;
    }
    auto db = parsedUrl ? storage::Database::open(parsedUrl.value()) : Result<storage::DatabasePtr>(parsedUrl.error());
    // The bench writes 500 services: refuse anything but an empty database.
    if (db && db.value()->schemaVersion().valueOr(1) != 0) {
        std::fprintf(stderr, "the database is not empty; give the URL of a new, empty database\n");
        return 1;
    }
    if (!db || !db.value()->migrate()) {
        std::fprintf(stderr, "cannot open or migrate the database\n");
        return 1;
    }
    storage::CatalogueRepository repo(db.value());
    const auto big = synthetic(cards, 500);
    t.restart();
    auto first = repo.replaceAll(big);
    out() << "replaceAll 500 services, fresh: " << double(t.nsecsElapsed()) / 1e6 << " ms"
          << (first ? QString() : QStringLiteral(" FAILED: ") + first.error().message) << '\n';
    t.restart();
    auto again = repo.replaceAll(big);
    out() << "replaceAll 500 services, unchanged: " << double(t.nsecsElapsed()) / 1e6 << " ms"
          << (again ? QString() : QStringLiteral(" FAILED: ") + again.error().message) << '\n';
    t.restart();
    for (int i = 0; i < n; ++i)
        (void)repo.list(true);
    out() << "list(active) 500 services: " << double(t.nsecsElapsed()) / n / 1e6 << " ms\n";
    t.restart();
    size_t hits = 0;
    for (int i = 0; i < n; ++i)
        hits = repo.search(QStringLiteral("РЕЄСТРАЦІЯ місця")).value().size();
    out() << "search over 500 services (" << hits << " hits): " << double(t.nsecsElapsed()) / n / 1e6 << " ms\n";
    out().flush();
    return 0;
}
