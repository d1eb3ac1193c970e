// cnapctl catalog …: import, export, list, show and search the service catalogue.
#include "Cli.h"

#include "core/Paths.h"
#include "services/CatalogueService.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace cnap::cli {
namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnapctl", s); }

QJsonObject cardToJson(const ServiceCard &c, bool withDetails)
{
    QJsonObject o{{QStringLiteral("code"), c.code.value()},
                  {QStringLiteral("name"), c.name},
                  {QStringLiteral("active"), c.active},
                  {QStringLiteral("route"), routeKindKey(c.route)}};
    if (c.route == RouteKind::Registry)
        o.insert(QStringLiteral("registry"), QJsonObject{{QStringLiteral("serviceCode"), c.registry.serviceCode},
                                                          {QStringLiteral("serviceVersion"), c.registry.serviceVersion}});
    if (!withDetails)
        return o;
    QJsonObject provider{{QStringLiteral("name"), c.provider.name}};
    if (c.provider.edrpou)
        provider.insert(QStringLiteral("edrpou"), c.provider.edrpou->value());
    QJsonArray docs;
    for (const RequiredDocument &d : c.documents)
        docs.append(QJsonObject{{QStringLiteral("name"), d.name},
                                {QStringLiteral("form"), documentFormKey(d.form)},
                                {QStringLiteral("mandatory"), d.mandatory},
                                {QStringLiteral("note"), d.note}});
    o.insert(QStringLiteral("provider"), provider);
    o.insert(QStringLiteral("documents"), docs);
    o.insert(QStringLiteral("term"), c.term);
    o.insert(QStringLiteral("termUnit"), termUnitKey(c.termUnit));
    o.insert(QStringLiteral("feeKopecks"), static_cast<double>(c.feeKopecks));
    o.insert(QStringLiteral("feeNote"), c.feeNote);
    o.insert(QStringLiteral("legalBasis"), c.legalBasis);
    o.insert(QStringLiteral("result"), c.result);
    o.insert(QStringLiteral("version"), c.version);
    return o;
}

QString formatFee(qint64 kopecks)
{
    if (kopecks == 0)
        return tr("безоплатно");
    return tr("%1,%2 грн").arg(kopecks / 100).arg(kopecks % 100, 2, 10, QLatin1Char('0'));
}

// "code<TAB>name", with a mark for withdrawn services so scripts can still cut -f1.
void printLines(QTextStream &out, const std::vector<ServiceCard> &cards)
{
    for (const ServiceCard &c : cards)
        out << c.code.value() << '\t' << c.name << (c.active ? QString() : QStringLiteral("\t") + tr("[неактивна]")) << '\n';
}

int runImport(Context &ctx)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE"), tr("файл каталогу (типово — каталог, що постачається з програмою)"));
    if (!ctx.parse(p, QStringLiteral("catalog import")))
        return ExitUsage;
    const QStringList pos = p.positionalArguments();
    if (pos.size() > 1)
        return ctx.usage(tr("забагато аргументів: очікується один файл"));
    QString path = pos.value(0);
    if (path.isEmpty()) {
        path = catalogueFile();
        if (path.isEmpty())
            return ctx.fail(Error::make(ErrorCode::Io, tr("не знайдено каталог, що постачається з програмою (шукали: %1)")
                                                           .arg(catalogueFileCandidates().join(QStringLiteral(", ")))));
    }
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::CatalogueService service(db.value());
    Result<services::CatalogueImportSummary> summary = Error::make(ErrorCode::Internal, QString());
    if (path == QStringLiteral("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return ctx.fail(Error::make(ErrorCode::Io, tr("не вдалося прочитати стандартний ввід")));
        summary = service.importData(Actor::system(), in.readAll());
    } else {
        summary = service.importFile(Actor::system(), path);
    }
    if (!summary)
        return ctx.fail(summary.error());
    const auto &s = summary.value();
    ctx.out() << tr("імпортовано послуг: %1 (нових: %2, змінених: %3, без змін: %4, позначено неактивними: %5)")
                     .arg(s.total).arg(s.added).arg(s.updated).arg(s.unchanged).arg(s.deactivated)
              << Qt::endl;
    return ExitOk;
}

int runExport(Context &ctx)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE"), tr("куди записати каталог (- — стандартний вивід)"));
    if (!ctx.parse(p, QStringLiteral("catalog export")))
        return ExitUsage;
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1)
        return ctx.usage(tr("вкажіть один файл або - для стандартного виводу"));
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::CatalogueService service(db.value());
    if (pos.first() == QStringLiteral("-")) {
        auto bytes = service.exportData(Actor::system());
        if (!bytes)
            return ctx.fail(bytes.error());
        ctx.out().flush();
        std::fwrite(bytes->constData(), 1, static_cast<size_t>(bytes->size()), stdout);
        std::fflush(stdout);
        return ExitOk;
    }
    auto count = service.exportFile(Actor::system(), pos.first());
    if (!count)
        return ctx.fail(count.error());
    ctx.out() << tr("експортовано послуг: %1 у файл %2").arg(count.value()).arg(pos.first()) << Qt::endl;
    return ExitOk;
}

int runList(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), tr("вивести JSON"));
    const QCommandLineOption all(QStringLiteral("all"), tr("разом з неактивними послугами"));
    p.addOption(json);
    p.addOption(all);
    if (!ctx.parse(p, QStringLiteral("catalog list")))
        return ExitUsage;
    if (!p.positionalArguments().isEmpty())
        return ctx.usage(tr("зайвий аргумент: %1").arg(p.positionalArguments().first()));
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::CatalogueService service(db.value());
    auto cards = service.list(Actor::system(), /*activeOnly=*/!p.isSet(all));
    if (!cards)
        return ctx.fail(cards.error());
    if (p.isSet(json)) {
        QJsonArray arr;
        for (const ServiceCard &c : cards.value())
            arr.append(cardToJson(c, /*withDetails=*/false));
        printJson(ctx.out(), arr);
    } else {
        printLines(ctx.out(), cards.value());
    }
    return cards->empty() ? ExitNothing : ExitOk;
}

int runShow(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), tr("вивести JSON"));
    p.addOption(json);
    p.addPositionalArgument(QStringLiteral("CODE"), tr("код послуги"));
    if (!ctx.parse(p, QStringLiteral("catalog show")))
        return ExitUsage;
    if (p.positionalArguments().size() != 1)
        return ctx.usage(tr("вкажіть один код послуги"));
    auto code = ServiceCode::parse(p.positionalArguments().first());
    if (!code)
        return ctx.fail(code.error());
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::CatalogueService service(db.value());
    auto card = service.get(Actor::system(), code.value());
    if (!card)
        return ctx.fail(card.error());
    const ServiceCard &c = card.value();
    if (p.isSet(json)) {
        printJson(ctx.out(), cardToJson(c, /*withDetails=*/true));
        return ExitOk;
    }
    QTextStream &out = ctx.out();
    out << c.code.value() << ' ' << c.name << (c.active ? QString() : QStringLiteral(" ") + tr("[неактивна]")) << '\n'
        << tr("Суб'єкт надання: ") << c.provider.name
        << (c.provider.edrpou ? tr(" (ЄДРПОУ %1)").arg(c.provider.edrpou->value()) : QString()) << '\n'
        << tr("Документи:") << '\n';
    int i = 1;
    for (const RequiredDocument &d : c.documents) {
        out << "  " << i++ << ". " << d.name << " — " << documentFormDisplayName(d.form)
            << (d.mandatory ? QString() : QStringLiteral(", ") + tr("за умови")) << '\n';
        if (!d.note.isEmpty())
            out << "     " << d.note << '\n';
    }
    out << tr("Строк: ") << termDisplay(c.term, c.termUnit) << '\n'
        << tr("Плата: ") << formatFee(c.feeKopecks) << (c.feeNote.isEmpty() ? QString() : QStringLiteral(" (") + c.feeNote + u')') << '\n'
        << tr("Правові підстави: ") << c.legalBasis << '\n'
        << tr("Результат: ") << c.result << '\n'
        << tr("Передача: ")
        << (c.route == RouteKind::Registry ? tr("через реєстр (%1 %2)").arg(c.registry.serviceCode, c.registry.serviceVersion)
                                           : tr("у паперовому вигляді"))
        << Qt::endl;
    return ExitOk;
}

int runSearch(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), tr("вивести JSON"));
    p.addOption(json);
    p.addPositionalArgument(QStringLiteral("WORDS"), tr("слова з назви або код послуги"));
    if (!ctx.parse(p, QStringLiteral("catalog search")))
        return ExitUsage;
    const QString query = p.positionalArguments().join(u' ').trimmed();
    if (query.isEmpty())
        return ctx.usage(tr("вкажіть слова для пошуку"));
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::CatalogueService service(db.value());
    auto cards = service.search(Actor::system(), query);
    if (!cards)
        return ctx.fail(cards.error());
    if (p.isSet(json)) {
        QJsonArray arr;
        for (const ServiceCard &c : cards.value())
            arr.append(cardToJson(c, /*withDetails=*/false));
        printJson(ctx.out(), arr);
    } else {
        printLines(ctx.out(), cards.value());
    }
    return cards->empty() ? ExitNothing : ExitOk;
}

const Registrar importCmd({QStringLiteral("catalog"), QStringLiteral("import")},
                          QStringLiteral("[ФАЙЛ|-]  імпортувати каталог послуг (типово — каталог, що постачається з програмою)"), runImport);
const Registrar exportCmd({QStringLiteral("catalog"), QStringLiteral("export")},
                          QStringLiteral("ФАЙЛ|-  експортувати чинні послуги у файл каталогу"), runExport);
const Registrar listCmd({QStringLiteral("catalog"), QStringLiteral("list")},
                        QStringLiteral("[--all] [--json]  перелік послуг: код, назва"), runList);
const Registrar showCmd({QStringLiteral("catalog"), QStringLiteral("show")},
                        QStringLiteral("КОД [--json]  інформаційна картка послуги"), runShow);
const Registrar searchCmd({QStringLiteral("catalog"), QStringLiteral("search")},
                          QStringLiteral("СЛОВА… [--json]  пошук послуг за назвою або кодом"), runSearch);

} // namespace
} // namespace cnap::cli
