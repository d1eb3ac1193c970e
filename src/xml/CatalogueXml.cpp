#include "xml/CatalogueXml.h"

#include "xml/Xml.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace cnap::xml {
namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::xml::Catalogue", s); }

const QString kNs = QStringLiteral("urn:cnap:catalogue:1");

Error atLine(int line, const QString &message, const QString &field = {})
{
    Error e{field.isEmpty() ? ErrorCode::Xml : ErrorCode::InvalidArgument,
            tr("рядок %1: %2").arg(line).arg(message), field};
    return e;
}

// 1-based line of the first occurrence of `needle`, or 1 when absent.
int lineOf(const QByteArray &bytes, const QByteArray &needle)
{
    const qsizetype at = bytes.indexOf(needle);
    return at < 0 ? 1 : static_cast<int>(bytes.left(at).count('\n')) + 1;
}

// The parser and the schema report lines themselves ("рядок N: …" or
// "… (рядок N): …"); the few checks made before libxml2 sees the bytes
// (DTD, size, empty) do not, so the reader adds the line it can find.
Error withLine(const Error &error, const QByteArray &bytes)
{
    static const QRegularExpression hasLine(QStringLiteral("рядок \\d+"));
    if (hasLine.match(error.message).hasMatch())
        return error;
    int line = 1;
    if (bytes.contains("<!DOCTYPE"))
        line = lineOf(bytes, "<!DOCTYPE");
    else if (bytes.contains("<!ENTITY"))
        line = lineOf(bytes, "<!ENTITY");
    return Error{error.code, tr("рядок %1: %2").arg(line).arg(error.message), error.field};
}

bool parseBool(const QString &s)
{
    // xs:boolean allows "true", "false", "1", "0"; the schema has already checked it.
    const QString v = s.trimmed();
    return v == QStringLiteral("true") || v == QStringLiteral("1");
}

Result<ServiceCard> readService(const Element &e)
{
    const int line = e.line();
    auto code = ServiceCode::parse(e.attribute(QStringLiteral("code")));
    if (!code)
        return atLine(line, code.error().message, QStringLiteral("code"));
    ServiceCard card(code.value());
    const QString where = tr("послуга %1").arg(card.code.value());

    card.name = e.childText(QStringLiteral("name"), kNs).trimmed();
    const Element provider = e.child(QStringLiteral("provider"), kNs);
    card.provider.name = provider.childText(QStringLiteral("name"), kNs).trimmed();
    const Element edrpou = provider.child(QStringLiteral("edrpou"), kNs);
    if (edrpou) {
        auto parsed = Edrpou::parse(edrpou.text());
        if (!parsed)
            return atLine(edrpou.line(), where + QStringLiteral(": ") + tr("суб'єкт надання, ") + parsed.error().message,
                          QStringLiteral("provider.edrpou"));
        card.provider.edrpou = parsed.value();
    }

    std::vector<int> documentLines;
    for (const Element &d : e.child(QStringLiteral("documents"), kNs).children()) {
        RequiredDocument doc;
        doc.name = d.childText(QStringLiteral("name"), kNs).trimmed();
        doc.note = d.childText(QStringLiteral("note"), kNs).trimmed();
        doc.mandatory = parseBool(d.attribute(QStringLiteral("mandatory")));
        auto form = documentFormFromKey(d.attribute(QStringLiteral("form")));
        if (!form)
            return atLine(d.line(), where + QStringLiteral(": ") + form.error().message, QStringLiteral("form"));
        doc.form = form.value();
        card.documents.push_back(std::move(doc));
        documentLines.push_back(d.line());
    }

    const Element term = e.child(QStringLiteral("term"), kNs);
    auto unit = termUnitFromKey(term.attribute(QStringLiteral("unit")));
    if (!unit)
        return atLine(term.line(), where + QStringLiteral(": ") + unit.error().message, QStringLiteral("termUnit"));
    card.termUnit = unit.value();
    bool ok = false;
    card.term = term.text().trimmed().toInt(&ok);
    if (!ok)
        return atLine(term.line(), where + QStringLiteral(": ") + tr("строк має бути цілим числом"), QStringLiteral("term"));

    const Element fee = e.child(QStringLiteral("fee"), kNs);
    card.feeKopecks = fee.attribute(QStringLiteral("kopecks")).trimmed().toLongLong(&ok);
    if (!ok)
        return atLine(fee.line(), where + QStringLiteral(": ") + tr("плата має бути цілим числом копійок"), QStringLiteral("fee"));
    card.feeNote = fee.text().trimmed();
    card.legalBasis = e.childText(QStringLiteral("legalBasis"), kNs).trimmed();
    card.result = e.childText(QStringLiteral("result"), kNs).trimmed();

    const Element route = e.child(QStringLiteral("route"), kNs);
    if (const Element registry = route.child(QStringLiteral("registry"), kNs)) {
        card.route = RouteKind::Registry;
        card.registry.serviceCode = registry.attribute(QStringLiteral("serviceCode")).trimmed();
        card.registry.serviceVersion = registry.attribute(QStringLiteral("serviceVersion")).trimmed();
    } else {
        card.route = RouteKind::Paper;
    }

    if (auto st = validate(card); !st) {
        // Point at the element the field lives in, so the editor lands on it.
        const QString &field = st.error().field;
        int at = line;
        static const QRegularExpression docField(QStringLiteral("^documents\\[(\\d+)\\]"));
        if (const auto m = docField.match(field); m.hasMatch()) {
            const auto i = static_cast<size_t>(m.captured(1).toInt() - 1);
            if (i < documentLines.size())
                at = documentLines[i];
        } else if (field.startsWith(QStringLiteral("provider"))) {
            at = provider.line();
        } else if (field.startsWith(QStringLiteral("term"))) {
            at = term.line();
        } else if (field.startsWith(QStringLiteral("fee"))) {
            at = fee.line();
        } else if (field.startsWith(QStringLiteral("registry"))) {
            at = route.line();
        } else if (const Element named = e.child(field, kNs)) {
            at = named.line();
        }
        return atLine(at, where + QStringLiteral(": ") + st.error().message, field);
    }
    return card;
}

} // namespace

QString catalogueNamespace() { return kNs; }

QString catalogueSchemaFileName() { return QStringLiteral("catalogue.xsd"); }

Result<std::vector<ServiceCard>> readCatalogue(const QByteArray &bytes, const QString &xsdPath)
{
    auto schema = Schema::load(xsdPath);
    if (!schema)
        return schema.error();
    auto doc = Document::parse(bytes);
    if (!doc)
        return withLine(doc.error(), bytes);
    const Element root = doc->root();
    // A clear message for the commonest mistake (some other XML file) before
    // the schema's generic "no matching global declaration".
    if (root.localName() != QStringLiteral("catalogue") || root.namespaceUri() != kNs)
        return atLine(root.line(), tr("очікується кореневий елемент catalogue у просторі імен %1, а знайдено %2%3")
                                       .arg(kNs, root.localName(),
                                            root.namespaceUri().isEmpty() ? QString() : QStringLiteral(" (") + root.namespaceUri() + u')'));
    if (auto st = schema->validate(doc.value()); !st)
        return withLine(st.error(), bytes);

    std::vector<ServiceCard> cards;
    QHash<QString, int> seen;  // code → line of its first occurrence
    for (const Element &s : root.children()) {
        auto card = readService(s);
        if (!card)
            return card.error();
        const QString code = card->code.value();
        if (const auto it = seen.constFind(code); it != seen.cend())
            return atLine(s.line(), tr("код послуги %1 повторюється (уперше — у рядку %2)").arg(code).arg(it.value()),
                          QStringLiteral("code"));
        seen.insert(code, s.line());
        cards.push_back(std::move(card.value()));
    }
    return cards;
}

QByteArray writeCatalogue(const std::vector<ServiceCard> &cards)
{
    Document doc = Document::create(kNs, QString(), QStringLiteral("catalogue"));
    Element root = doc.root();
    root.setAttribute(QStringLiteral("version"), QStringLiteral("1"));
    for (const ServiceCard &card : cards) {
        Element s = root.appendChild(kNs, QStringLiteral("service"));
        s.setAttribute(QStringLiteral("code"), card.code.value());
        s.appendTextChild(kNs, QStringLiteral("name"), card.name);
        Element provider = s.appendChild(kNs, QStringLiteral("provider"));
        provider.appendTextChild(kNs, QStringLiteral("name"), card.provider.name);
        if (card.provider.edrpou)
            provider.appendTextChild(kNs, QStringLiteral("edrpou"), card.provider.edrpou->value());
        Element documents = s.appendChild(kNs, QStringLiteral("documents"));
        for (const RequiredDocument &d : card.documents) {
            Element de = documents.appendChild(kNs, QStringLiteral("document"));
            de.setAttribute(QStringLiteral("form"), documentFormKey(d.form));
            de.setAttribute(QStringLiteral("mandatory"), d.mandatory ? QStringLiteral("true") : QStringLiteral("false"));
            de.appendTextChild(kNs, QStringLiteral("name"), d.name);
            if (!d.note.isEmpty())
                de.appendTextChild(kNs, QStringLiteral("note"), d.note);
        }
        Element term = s.appendTextChild(kNs, QStringLiteral("term"), QString::number(card.term));
        term.setAttribute(QStringLiteral("unit"), termUnitKey(card.termUnit));
        Element fee = s.appendTextChild(kNs, QStringLiteral("fee"), card.feeNote);
        fee.setAttribute(QStringLiteral("kopecks"), QString::number(card.feeKopecks));
        s.appendTextChild(kNs, QStringLiteral("legalBasis"), card.legalBasis);
        s.appendTextChild(kNs, QStringLiteral("result"), card.result);
        Element route = s.appendChild(kNs, QStringLiteral("route"));
        if (card.route == RouteKind::Registry) {
            Element r = route.appendChild(kNs, QStringLiteral("registry"));
            r.setAttribute(QStringLiteral("serviceCode"), card.registry.serviceCode);
            r.setAttribute(QStringLiteral("serviceVersion"), card.registry.serviceVersion);
        } else {
            route.appendChild(kNs, QStringLiteral("paper"));
        }
    }
    return doc.serialize(/*indent=*/true);
}

} // namespace cnap::xml
