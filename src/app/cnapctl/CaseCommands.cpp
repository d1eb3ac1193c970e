// cnapctl case …: register a case, show it, move it through its lifecycle,
// list and search.  The document store lives next to a SQLite database
// ("<file>.files/") unless --store DIR or CNAP_STORE says otherwise; for
// PostgreSQL one of those two is required.
#include "Cli.h"

#include "core/identifiers/Identifiers.h"
#include "services/CaseService.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace cnap::cli {
namespace {

QString tr(const char *text) { return QCoreApplication::translate("cnapctl", text); }

const QCommandLineOption &storeOption()
{
    static const QCommandLineOption opt(QStringLiteral("store"),
                                        QCoreApplication::translate("cnapctl", "тека сховища документів (типово <файл бази>.files або CNAP_STORE)"),
                                        QStringLiteral("DIR"));
    return opt;
}

/// The case service over the --db database and its document store.  Commands
/// that never read files (transition, list, search, show) run without a
/// configured store; only the file operations would then fail.
Result<std::unique_ptr<services::CaseService>> openCases(Context &ctx, const QString &storeDir)
{
    auto db = ctx.openDatabase();
    if (!db)
        return db.error();
    auto root = storage::DocumentStore::resolveRoot(db.value()->url(), storeDir);
    return std::make_unique<services::CaseService>(db.value(), std::make_shared<storage::DocumentStore>(root.valueOr(QString())));
}

QString stateKeysHelp()
{
    QStringList keys;
    for (CaseState s : allCaseStates())
        keys << caseStateKey(s) + QStringLiteral(" (") + caseStateDisplayName(s) + u')';
    return keys.join(QStringLiteral(", "));
}

QJsonObject summaryJson(const CaseSummary &s)
{
    return QJsonObject{
        {QStringLiteral("number"), s.number},
        {QStringLiteral("state"), caseStateKey(s.state)},
        {QStringLiteral("stateName"), caseStateDisplayName(s.state)},
        {QStringLiteral("registeredAt"), s.registeredAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("dueDate"), s.dueDate.toString(Qt::ISODate)},
        {QStringLiteral("dueFlag"), dueFlagKey(s.dueFlag)},
        {QStringLiteral("serviceCode"), s.serviceCode},
        {QStringLiteral("serviceName"), s.serviceName},
        {QStringLiteral("applicantId"), s.applicantId},
        {QStringLiteral("applicantName"), s.applicantName},
        {QStringLiteral("applicantCode"), s.applicantCode},
        {QStringLiteral("version"), s.version},
    };
}

QJsonObject detailsJson(const CaseDetails &d)
{
    QJsonObject o = summaryJson(d.summary);
    o.insert(QStringLiteral("providerName"), d.providerName);
    o.insert(QStringLiteral("objectAddress"), d.objectAddress);
    o.insert(QStringLiteral("delivery"), deliveryMethodKey(d.delivery));
    o.insert(QStringLiteral("channel"), intakeChannelKey(d.channel));
    o.insert(QStringLiteral("feeKopecks"), d.feeKopecks);
    o.insert(QStringLiteral("registeredBy"), d.registeredBy);
    if (d.suspendedSince)
        o.insert(QStringLiteral("suspendedSince"), d.suspendedSince->toString(Qt::ISODate));
    if (!d.issuedTo.isEmpty())
        o.insert(QStringLiteral("issuedTo"), d.issuedTo);
    if (!d.issuedDocument.isEmpty())
        o.insert(QStringLiteral("issuedDocument"), d.issuedDocument);
    if (d.issuedAt)
        o.insert(QStringLiteral("issuedAt"), d.issuedAt->toString(Qt::ISODateWithMs));
    QJsonArray checklist;
    for (const ChecklistItem &c : d.checklist)
        checklist.append(QJsonObject{{QStringLiteral("name"), c.name},
                                     {QStringLiteral("mandatory"), c.mandatory},
                                     {QStringLiteral("provided"), c.provided},
                                     {QStringLiteral("form"), documentFormKey(c.form)},
                                     {QStringLiteral("sheets"), c.sheets}});
    o.insert(QStringLiteral("checklist"), checklist);
    QJsonArray docs;
    for (const CaseDocument &doc : d.documents)
        docs.append(QJsonObject{{QStringLiteral("position"), doc.position},
                                {QStringLiteral("fileName"), doc.fileName},
                                {QStringLiteral("mimeType"), doc.mimeType},
                                {QStringLiteral("size"), doc.size},
                                {QStringLiteral("sha256"), doc.sha256}});
    o.insert(QStringLiteral("documents"), docs);
    QJsonArray history;
    for (const CaseHistoryEntry &h : d.history) {
        QJsonObject e{{QStringLiteral("at"), h.at.toString(Qt::ISODateWithMs)},
                      {QStringLiteral("actor"), h.actor},
                      {QStringLiteral("event"), h.event},
                      {QStringLiteral("to"), caseStateKey(h.toState)},
                      {QStringLiteral("comment"), h.comment}};
        if (h.fromState)
            e.insert(QStringLiteral("from"), caseStateKey(*h.fromState));
        if (h.dueBefore.isValid())
            e.insert(QStringLiteral("dueBefore"), h.dueBefore.toString(Qt::ISODate));
        if (h.dueAfter.isValid())
            e.insert(QStringLiteral("dueAfter"), h.dueAfter.toString(Qt::ISODate));
        history.append(e);
    }
    o.insert(QStringLiteral("history"), history);
    return o;
}

void printDetails(QTextStream &out, const CaseDetails &d)
{
    const CaseSummary &s = d.summary;
    out << tr("Справа %1").arg(s.number) << '\n'
        << tr("  стан: %1").arg(caseStateDisplayName(s.state)) << '\n'
        << tr("  послуга: %1 %2").arg(s.serviceCode, s.serviceName) << '\n'
        << tr("  заявник: %1").arg(s.applicantName) << '\n'
        << tr("  строк: %1 %2").arg(s.dueDate.toString(QStringLiteral("dd.MM.yyyy")), dueFlagDisplayName(s.dueFlag)) << '\n';
    for (const CaseDocument &doc : d.documents)
        out << tr("  файл %1: %2 (%3, %4 байт) sha256 %5").arg(doc.position).arg(doc.fileName, doc.mimeType).arg(doc.size).arg(doc.sha256) << '\n';
    for (const CaseHistoryEntry &h : d.history)
        out << "  " << h.at.toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm")) << "  " << h.actor << "  "
            << caseStateDisplayName(h.toState) << (h.comment.isEmpty() ? QString() : QStringLiteral(" — ") + h.comment) << '\n';
}

int runRegister(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption serviceOpt(QStringLiteral("service"), tr("код послуги з каталогу"), QStringLiteral("CODE"));
    const QCommandLineOption rnokppOpt(QStringLiteral("rnokpp"), tr("РНОКПП заявника-фізичної особи"), QStringLiteral("N"));
    const QCommandLineOption edrpouOpt(QStringLiteral("edrpou"), tr("код ЄДРПОУ заявника-юридичної особи"), QStringLiteral("N"));
    const QCommandLineOption surnameOpt(QStringLiteral("surname"), tr("прізвище (заявника або представника юридичної особи)"), QStringLiteral("S"));
    const QCommandLineOption nameOpt(QStringLiteral("name"), tr("ім'я"), QStringLiteral("N"));
    const QCommandLineOption patronymicOpt(QStringLiteral("patronymic"), tr("по батькові"), QStringLiteral("P"));
    const QCommandLineOption orgOpt(QStringLiteral("organisation"), tr("найменування юридичної особи (для нової)"), QStringLiteral("NAME"));
    const QCommandLineOption authorityOpt(QStringLiteral("authority"), tr("документ про повноваження представника"), QStringLiteral("TEXT"));
    const QCommandLineOption docOpt(QStringLiteral("doc"), tr("файл скану (PDF, JPEG, PNG, TIFF); можна кілька разів"), QStringLiteral("FILE"));
    const QCommandLineOption providedOpt(QStringLiteral("provided-all"), tr("позначити всі документи картки поданими (по 1 аркушу, у формі з картки)"));
    const QCommandLineOption paymentOpt(QStringLiteral("payment"), tr("реквізити документа про оплату (для платних послуг)"), QStringLiteral("TEXT"));
    const QCommandLineOption deliveryOpt(QStringLiteral("delivery"), QStringLiteral("in-person | post | email"), QStringLiteral("K"));
    const QCommandLineOption contactOpt(QStringLiteral("contact"), tr("поштова адреса або e-mail для результату"), QStringLiteral("TEXT"));
    const QCommandLineOption channelOpt(QStringLiteral("channel"), QStringLiteral("in-person | representative | post | online"), QStringLiteral("K"));
    const QCommandLineOption representativeOpt(QStringLiteral("representative"), tr("представник і його повноваження"), QStringLiteral("TEXT"));
    const QCommandLineOption addressOpt(QStringLiteral("address"), tr("адреса об'єкта"), QStringLiteral("TEXT"));
    const QCommandLineOption maxSizeOpt(QStringLiteral("max-file-mb"), tr("найбільший розмір файлу, МБ (типово 20)"), QStringLiteral("N"));
    p.addOptions({serviceOpt, rnokppOpt, edrpouOpt, surnameOpt, nameOpt, patronymicOpt, orgOpt, authorityOpt, docOpt, providedOpt,
                  paymentOpt, deliveryOpt, contactOpt, channelOpt, representativeOpt, addressOpt, maxSizeOpt, storeOption()});
    if (!ctx.parse(p, QStringLiteral("case register")))
        return ExitUsage;
    const QString synopsis = tr("cnapctl --db URL case register --service CODE (--rnokpp N | --edrpou N) --surname S --name N [--doc FILE]...");
    if (!p.positionalArguments().isEmpty())
        return ctx.usage(tr("зайві аргументи: %1").arg(p.positionalArguments().join(u' ')));
    if (!p.isSet(serviceOpt) || !p.isSet(surnameOpt) || !p.isSet(nameOpt) || p.isSet(rnokppOpt) == p.isSet(edrpouOpt))
        return ctx.usage(synopsis);

    services::RegistrationRequest req;
    req.serviceCode = p.value(serviceOpt);
    Applicant a;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (p.isSet(rnokppOpt)) {
        auto r = Rnokpp::parse(p.value(rnokppOpt));
        if (!r)
            return ctx.fail(Error::invalid(QStringLiteral("--rnokpp"), r.error().message));
        a.kind = ApplicantKind::Person;
        a.rnokpp = r->value();
        a.birthDate = r->birthDate();
        a.sex = r->sex();
        a.surname = p.value(surnameOpt);
        a.givenName = p.value(nameOpt);
        a.patronymic = p.value(patronymicOpt);
    } else {
        auto e = Edrpou::parse(p.value(edrpouOpt));
        if (!e)
            return ctx.fail(Error::invalid(QStringLiteral("--edrpou"), e.error().message));
        a.kind = ApplicantKind::LegalEntity;
        a.edrpou = e->value();
        a.organisationName = p.value(orgOpt);
        a.representative.fullName = p.value(surnameOpt) + u' ' + p.value(nameOpt);
        a.representative.authority = p.isSet(authorityOpt) ? p.value(authorityOpt) : tr("довіреність, пред'явлена в ЦНАП");
    }
    // The desk has the signed consent on paper; running the command attests it.
    a.consentGiven = true;
    a.consentAt = now;
    req.applicant.candidate = a;

    for (const QString &path : p.values(docOpt)) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return ctx.fail(Error::invalid(QStringLiteral("--doc"), tr("не вдалося відкрити файл «%1»: %2").arg(path, f.errorString())));
        req.attachments.append({QFileInfo(path).fileName(), f.readAll()});
    }
    req.allProvided = p.isSet(providedOpt);
    req.paymentEvidence = p.value(paymentOpt);
    if (p.isSet(deliveryOpt)) {
        auto d = deliveryMethodFromKey(p.value(deliveryOpt));
        if (!d)
            return ctx.fail(Error::invalid(QStringLiteral("--delivery"), d.error().message));
        req.delivery = d.value();
    }
    if (p.isSet(channelOpt)) {
        auto c = intakeChannelFromKey(p.value(channelOpt));
        if (!c)
            return ctx.fail(Error::invalid(QStringLiteral("--channel"), c.error().message));
        req.channel = c.value();
    }
    req.contact = p.value(contactOpt);
    req.representative = p.value(representativeOpt);
    req.objectAddress = p.value(addressOpt);

    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    auto root = storage::DocumentStore::resolveRoot(db.value()->url(), p.value(storeOption()));
    if (!root)
        return ctx.fail(root.error());
    services::CaseServiceOptions options;
    if (p.isSet(maxSizeOpt)) {
        bool ok = false;
        const int mb = p.value(maxSizeOpt).toInt(&ok);
        if (!ok || mb < 1 || mb > 1024)
            return ctx.fail(Error::invalid(QStringLiteral("--max-file-mb"), tr("очікується ціле число від 1 до 1024")));
        options.maxAttachmentBytes = qint64(mb) * 1024 * 1024;
    }
    services::CaseService cases(db.value(), std::make_shared<storage::DocumentStore>(root.value()), options);
    auto result = cases.registerCase(Actor::system(), req);
    if (!result)
        return ctx.fail(result.error());
    const CaseSummary &s = result->details.summary;
    ctx.out() << tr("зареєстровано: %1, строк до %2").arg(s.serviceName, s.dueDate.toString(QStringLiteral("dd.MM.yyyy"))) << '\n';
    ctx.out() << s.number << Qt::endl;
    return ExitOk;
}

int runShow(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption jsonOpt(QStringLiteral("json"), tr("вивести JSON"));
    p.addOptions({jsonOpt, storeOption()});
    if (!ctx.parse(p, QStringLiteral("case show")))
        return ExitUsage;
    if (p.positionalArguments().size() != 1)
        return ctx.usage(tr("cnapctl --db URL case show НОМЕР [--json]"));
    auto cases = openCases(ctx, p.value(storeOption()));
    if (!cases)
        return ctx.fail(cases.error());
    auto d = cases.value()->get(Actor::system(), p.positionalArguments().first());
    if (!d)
        return ctx.fail(d.error());
    if (p.isSet(jsonOpt))
        printJson(ctx.out(), detailsJson(d.value()));
    else
        printDetails(ctx.out(), d.value());
    return ExitOk;
}

int runTransition(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption commentOpt(QStringLiteral("comment"), tr("коментар; для відмови, зупинення, повернення — підстава"), QStringLiteral("TEXT"));
    const QCommandLineOption issuedToOpt(QStringLiteral("issued-to"), tr("кому видано результат (для issued)"), QStringLiteral("NAME"));
    const QCommandLineOption issuedDocOpt(QStringLiteral("issued-document"), tr("документ отримувача, що перевірено (для issued)"), QStringLiteral("DOC"));
    const QCommandLineOption versionOpt(QStringLiteral("expected-version"), tr("версія справи, яку ви бачили (захист від одночасних змін)"), QStringLiteral("N"));
    p.addOptions({commentOpt, issuedToOpt, issuedDocOpt, versionOpt, storeOption()});
    if (!ctx.parse(p, QStringLiteral("case transition")))
        return ExitUsage;
    if (p.positionalArguments().size() != 2)
        return ctx.usage(tr("cnapctl --db URL case transition НОМЕР СТАН [--comment ТЕКСТ]; стани: %1").arg(stateKeysHelp()));
    auto state = caseStateFromKey(p.positionalArguments().at(1));
    if (!state)
        return ctx.usage(state.error().message);
    int expected = 0;
    if (p.isSet(versionOpt)) {
        bool ok = false;
        expected = p.value(versionOpt).toInt(&ok);
        if (!ok || expected < 1)
            return ctx.fail(Error::invalid(QStringLiteral("--expected-version"), tr("очікується додатне ціле число")));
    }
    auto cases = openCases(ctx, p.value(storeOption()));
    if (!cases)
        return ctx.fail(cases.error());
    TransitionRequest req;
    req.to = state.value();
    req.comment = p.value(commentOpt);
    req.issuedTo = p.value(issuedToOpt);
    req.issuedDocument = p.value(issuedDocOpt);
    auto d = cases.value()->transition(Actor::system(), p.positionalArguments().first(), expected, req);
    if (!d)
        return ctx.fail(d.error());
    ctx.out() << tr("справа %1: %2").arg(d->summary.number, caseStateDisplayName(d->summary.state)) << Qt::endl;
    return ExitOk;
}

int runList(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption stateOpt(QStringLiteral("state"), tr("лише в цьому стані (можна кілька разів)"), QStringLiteral("STATE"));
    const QCommandLineOption overdueOpt(QStringLiteral("overdue"), tr("лише прострочені"));
    const QCommandLineOption serviceOpt(QStringLiteral("service"), tr("лише ця послуга"), QStringLiteral("CODE"));
    const QCommandLineOption limitOpt(QStringLiteral("limit"), tr("скільки рядків (1–500, типово 50)"), QStringLiteral("N"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), tr("вивести JSON"));
    p.addOptions({stateOpt, overdueOpt, serviceOpt, limitOpt, jsonOpt, storeOption()});
    if (!ctx.parse(p, QStringLiteral("case list")))
        return ExitUsage;
    CaseListQuery q;
    for (const QString &k : p.values(stateOpt)) {
        auto s = caseStateFromKey(k);
        if (!s)
            return ctx.usage(s.error().message);
        q.states << s.value();
    }
    q.overdueOnly = p.isSet(overdueOpt);
    q.serviceCode = p.value(serviceOpt);
    if (p.isSet(limitOpt))
        q.limit = p.value(limitOpt).toInt();
    auto cases = openCases(ctx, p.value(storeOption()));
    if (!cases)
        return ctx.fail(cases.error());
    auto page = cases.value()->list(Actor::system(), q);
    if (!page)
        return ctx.fail(page.error());
    if (p.isSet(jsonOpt)) {
        QJsonArray rows;
        for (const CaseSummary &s : page->rows)
            rows.append(summaryJson(s));
        printJson(ctx.out(), rows);
    } else {
        for (const CaseSummary &s : page->rows)
            ctx.out() << s.number << '\t' << caseStateKey(s.state) << '\t' << s.dueDate.toString(Qt::ISODate) << '\t'
                      << dueFlagKey(s.dueFlag) << '\t' << s.serviceCode << '\n';
    }
    return ExitOk;
}

int runSearch(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption jsonOpt(QStringLiteral("json"), tr("вивести JSON"));
    p.addOptions({jsonOpt, storeOption()});
    if (!ctx.parse(p, QStringLiteral("case search")))
        return ExitUsage;
    if (p.positionalArguments().size() != 1)
        return ctx.usage(tr("cnapctl --db URL case search (РНОКПП | ЄДРПОУ | НОМЕР | ПРІЗВИЩЕ)"));
    auto cases = openCases(ctx, p.value(storeOption()));
    if (!cases)
        return ctx.fail(cases.error());
    auto rows = cases.value()->search(Actor::system(), p.positionalArguments().first());
    if (!rows)
        return ctx.fail(rows.error());
    if (p.isSet(jsonOpt)) {
        QJsonArray arr;
        for (const CaseSummary &s : rows.value())
            arr.append(summaryJson(s));
        printJson(ctx.out(), arr);
    } else {
        for (const CaseSummary &s : rows.value())
            ctx.out() << s.number << '\t' << caseStateKey(s.state) << '\t' << s.applicantName << '\n';
    }
    return rows->isEmpty() ? ExitNothing : ExitOk;
}

const Registrar registerCmd({QStringLiteral("case"), QStringLiteral("register")},
                            QStringLiteral("зареєструвати справу: --service CODE (--rnokpp N | --edrpou N) --surname S --name N [--doc FILE]... [--store DIR]; останній рядок — номер справи"),
                            runRegister);
const Registrar showCmd({QStringLiteral("case"), QStringLiteral("show")},
                        QStringLiteral("показати справу: НОМЕР [--json] (стан, строк, файли з SHA-256, історія)"), runShow);
const Registrar transitionCmd({QStringLiteral("case"), QStringLiteral("transition")},
                              QStringLiteral("змінити стан справи: НОМЕР СТАН [--comment ТЕКСТ] [--issued-to ХТО --issued-document ДОК]; "
                                             "стани: registered, sent-to-provider, under-review, awaiting-registry, suspended, granted, "
                                             "refused, left-without-consideration, result-received, applicant-notified, issued, posted, "
                                             "closed, withdrawn, returned-incomplete"),
                              runTransition);
const Registrar listCmd({QStringLiteral("case"), QStringLiteral("list")},
                        QStringLiteral("перелік справ: [--state СТАН]... [--overdue] [--service CODE] [--limit N] [--json]"), runList);
const Registrar searchCmd({QStringLiteral("case"), QStringLiteral("search")},
                          QStringLiteral("пошук справ за РНОКПП, ЄДРПОУ, номером або початком прізвища"), runSearch);

} // namespace
} // namespace cnap::cli
