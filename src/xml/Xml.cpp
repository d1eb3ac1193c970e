#include "xml/Xml.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include <mutex>

namespace cnap::xml {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::xml", s); }

const xmlChar *X(const QByteArray &b) { return reinterpret_cast<const xmlChar *>(b.constData()); }
QString Q(const xmlChar *s) { return s ? QString::fromUtf8(reinterpret_cast<const char *>(s)) : QString(); }

struct DocDeleter { void operator()(xmlDoc *d) const { xmlFreeDoc(d); } };
struct ParserCtxtDeleter { void operator()(xmlParserCtxt *c) const { xmlFreeParserCtxt(c); } };
struct SchemaDeleter { void operator()(xmlSchema *s) const { xmlSchemaFree(s); } };
struct SchemaParserCtxtDeleter { void operator()(xmlSchemaParserCtxt *c) const { xmlSchemaFreeParserCtxt(c); } };
struct SchemaValidCtxtDeleter { void operator()(xmlSchemaValidCtxt *c) const { xmlSchemaFreeValidCtxt(c); } };

void silentGeneric(void *, const char *, ...) {}
void silentStructured(void *, xmlErrorPtr) {}

// Only local files may be loaded as external resources (schema imports); any
// URL with a scheme other than file is refused, so nothing reaches the network.
xmlParserInputPtr localOnlyLoader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    Q_UNUSED(id);
    if (!url)
        return nullptr;
    const QString u = QString::fromUtf8(url);
    if (u.contains(QStringLiteral("://")) && !u.startsWith(QStringLiteral("file://")))
        return nullptr;
    return xmlNewInputFromFile(ctxt, url);
}

// Collects error messages with their lines.
struct ErrorList {
    QStringList messages;
    static void collect(void *userData, xmlErrorPtr e)
    {
        auto *self = static_cast<ErrorList *>(userData);
        if (!e || self->messages.size() >= 10)
            return;
        QString msg = QString::fromUtf8(e->message ? e->message : "?").trimmed();
        if (e->line > 0)
            msg = tr("рядок %1: %2").arg(e->line).arg(msg);
        self->messages << msg;
    }
};

int depthOf(xmlNode *root)
{
    int maxDepth = 0;
    int depth = 0;
    xmlNode *n = root;
    while (n) {
        if (n->type == XML_ELEMENT_NODE)
            maxDepth = std::max(maxDepth, depth + 1);
        if (n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            ++depth;
            continue;
        }
        while (n && !n->next && n != root) {
            n = n->parent;
            --depth;
        }
        if (!n || n == root)
            break;
        n = n->next;
    }
    return maxDepth;
}

xmlNs *findOrDeclareNs(xmlNode *node, const QString &ns)
{
    if (ns.isEmpty())
        return nullptr;
    const QByteArray uri = ns.toUtf8();
    if (xmlNs *found = xmlSearchNsByHref(node->doc, node, X(uri)))
        return found;
    // Not declared yet: declare with a generated prefix on this node.
    for (int i = 0;; ++i) {
        const QByteArray prefix = "ns" + QByteArray::number(i);
        if (!xmlSearchNs(node->doc, node, X(prefix)))
            return xmlNewNs(node, X(uri), X(prefix));
    }
}

void repointNamespace(xmlNode *n, xmlNs *from, xmlNs *to)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (n->ns == from)
            n->ns = to;
        for (xmlAttr *a = n->properties; a; a = a->next) {
            if (a->ns == from)
                a->ns = to;
        }
        repointNamespace(n->children, from, to);
    }
}

// A node copied from another document carries the namespace declarations it
// needs; where the new parent already declares the same prefix for the same URI
// they are redundant, so they are dropped (a copied X-Road header then reads
// exactly like one built in place).
void dropRedundantNamespaces(xmlNode *parent, xmlNode *copy)
{
    xmlNs **link = &copy->nsDef;
    while (*link) {
        xmlNs *def = *link;
        xmlNs *outer = xmlSearchNs(parent->doc, parent, def->prefix);
        if (outer && xmlStrEqual(outer->href, def->href)) {
            // The copy was just appended as the last child: no siblings follow it.
            repointNamespace(copy, def, outer);
            *link = def->next;
            def->next = nullptr;
            xmlFreeNs(def);
            continue;
        }
        link = &def->next;
    }
}

} // namespace

void initialise()
{
    static std::once_flag once;
    std::call_once(once, [] {
        xmlInitParser();
        xmlSetExternalEntityLoader(localOnlyLoader);
    });
    // Error handlers are per thread in libxml2: keep every thread quiet on stderr.
    thread_local bool threadReady = false;
    if (!threadReady) {
        xmlSetGenericErrorFunc(nullptr, silentGeneric);
        xmlSetStructuredErrorFunc(nullptr, silentStructured);
        threadReady = true;
    }
}

// ---------------------------------------------------------------- Element

static xmlNode *N(void *p) { return static_cast<xmlNode *>(p); }

QString Element::localName() const { return m_node ? Q(N(m_node)->name) : QString(); }
QString Element::namespaceUri() const { return m_node && N(m_node)->ns ? Q(N(m_node)->ns->href) : QString(); }
QString Element::prefix() const { return m_node && N(m_node)->ns ? Q(N(m_node)->ns->prefix) : QString(); }

QString Element::attribute(const QString &name, const QString &ns) const
{
    if (!m_node)
        return {};
    xmlChar *v = ns.isEmpty() ? xmlGetNoNsProp(N(m_node), X(name.toUtf8()))
                              : xmlGetNsProp(N(m_node), X(name.toUtf8()), X(ns.toUtf8()));
    const QString out = Q(v);
    xmlFree(v);
    return out;
}

bool Element::hasAttribute(const QString &name, const QString &ns) const
{
    if (!m_node)
        return false;
    return ns.isEmpty() ? xmlHasNsProp(N(m_node), X(name.toUtf8()), nullptr) != nullptr
                        : xmlHasNsProp(N(m_node), X(name.toUtf8()), X(ns.toUtf8())) != nullptr;
}

QString Element::text() const
{
    if (!m_node)
        return {};
    xmlChar *c = xmlNodeGetContent(N(m_node));
    const QString out = Q(c);
    xmlFree(c);
    return out;
}

std::vector<Element> Element::children() const
{
    std::vector<Element> out;
    if (!m_node)
        return out;
    for (xmlNode *c = N(m_node)->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE)
            out.push_back(Element(c));
    }
    return out;
}

Element Element::child(const QString &localName, const QString &ns) const
{
    if (!m_node)
        return {};
    const QByteArray name = localName.toUtf8();
    const QByteArray uri = ns.toUtf8();
    for (xmlNode *c = N(m_node)->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || xmlStrcmp(c->name, X(name)) != 0)
            continue;
        if (ns.isEmpty() || (c->ns && xmlStrcmp(c->ns->href, X(uri)) == 0))
            return Element(c);
    }
    return {};
}

QString Element::childText(const QString &localName, const QString &ns) const
{
    return child(localName, ns).text();
}

int Element::line() const { return m_node ? static_cast<int>(xmlGetLineNo(N(m_node))) : 0; }

QByteArray Element::toXml() const
{
    if (!m_node)
        return {};
    struct BufferDeleter { void operator()(xmlBuffer *b) const { xmlBufferFree(b); } };
    std::unique_ptr<xmlBuffer, BufferDeleter> buf(xmlBufferCreate());
    if (!buf)
        return {};
    xmlNodeDump(buf.get(), N(m_node)->doc, N(m_node), 0, 0);
    return QByteArray(reinterpret_cast<const char *>(xmlBufferContent(buf.get())), xmlBufferLength(buf.get()));
}

bool Element::hasChildElements() const
{
    if (!m_node)
        return false;
    for (xmlNode *c = N(m_node)->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE)
            return true;
    }
    return false;
}

Element Element::appendChild(const QString &ns, const QString &localName)
{
    if (!m_node)
        return {};
    xmlNode *c = xmlNewDocNode(N(m_node)->doc, nullptr, X(localName.toUtf8()), nullptr);
    xmlAddChild(N(m_node), c);
    xmlSetNs(c, findOrDeclareNs(c, ns));
    return Element(c);
}

Element Element::appendTextChild(const QString &ns, const QString &localName, const QString &text)
{
    Element e = appendChild(ns, localName);
    e.setText(text);
    return e;
}

void Element::setText(const QString &text)
{
    if (!m_node)
        return;
    // Raw text node: escaped on output, never parsed for entities.
    xmlNode *n = N(m_node);
    while (n->children) {
        xmlNode *c = n->children;
        xmlUnlinkNode(c);
        xmlFreeNode(c);
    }
    xmlAddChild(n, xmlNewDocText(n->doc, X(text.toUtf8())));
}

void Element::setAttribute(const QString &name, const QString &value)
{
    if (m_node)
        xmlSetProp(N(m_node), X(name.toUtf8()), X(value.toUtf8()));
}

void Element::setAttribute(const QString &ns, const QString &name, const QString &value)
{
    if (!m_node)
        return;
    if (ns.isEmpty()) {
        setAttribute(name, value);
        return;
    }
    xmlSetNsProp(N(m_node), findOrDeclareNs(N(m_node), ns), X(name.toUtf8()), X(value.toUtf8()));
}

void Element::declareNamespace(const QString &prefix, const QString &uri)
{
    if (!m_node)
        return;
    const QByteArray p = prefix.toUtf8();
    xmlNewNs(N(m_node), X(uri.toUtf8()), prefix.isEmpty() ? nullptr : X(p));
}

Element Element::appendCopy(const Element &other)
{
    if (!m_node || !other.m_node)
        return {};
    xmlNode *copy = xmlDocCopyNode(N(other.m_node), N(m_node)->doc, 1);
    if (!copy)
        return {};
    xmlAddChild(N(m_node), copy);
    xmlReconciliateNs(N(m_node)->doc, copy);
    dropRedundantNamespaces(N(m_node), copy);
    return Element(copy);
}

// ---------------------------------------------------------------- Document

struct Document::Impl {
    std::unique_ptr<xmlDoc, DocDeleter> doc;
};

Document::Document() : d(std::make_unique<Impl>()) {}
Document::~Document() = default;
Document::Document(Document &&) noexcept = default;
Document &Document::operator=(Document &&) noexcept = default;

bool Document::isNull() const { return !d || !d->doc; }

Element Document::root() const
{
    return isNull() ? Element() : Element(xmlDocGetRootElement(d->doc.get()));
}

Result<Document> Document::parse(const QByteArray &bytes, const ParseLimits &limits)
{
    initialise();
    if (bytes.size() > limits.maxBytes)
        return Error::make(ErrorCode::Xml, tr("XML-документ завеликий (%1 байт, межа %2)").arg(bytes.size()).arg(limits.maxBytes));
    if (bytes.trimmed().isEmpty())
        return Error::make(ErrorCode::Xml, tr("порожній XML-документ"));
    // DTDs are the door for XXE and entity bombs; none of our formats needs one.
    if (bytes.contains("<!DOCTYPE") || bytes.contains("<!ENTITY"))
        return Error::make(ErrorCode::Xml, tr("XML-документ містить DTD або оголошення сутностей, що заборонено"));

    std::unique_ptr<xmlParserCtxt, ParserCtxtDeleter> ctxt(xmlNewParserCtxt());
    if (!ctxt)
        return Error::make(ErrorCode::Internal, tr("не вдалося створити XML-парсер"));
    const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING | XML_PARSE_NOERROR;
    xmlDoc *raw = xmlCtxtReadMemory(ctxt.get(), bytes.constData(), static_cast<int>(bytes.size()), "message.xml", nullptr, options);
    std::unique_ptr<xmlDoc, DocDeleter> doc(raw);
    if (!doc || !ctxt->wellFormed) {
        const xmlError *e = xmlCtxtGetLastError(ctxt.get());
        const QString why = e && e->message ? QString::fromUtf8(e->message).trimmed() : tr("невідома помилка");
        return Error::make(ErrorCode::Xml, tr("некоректний XML (рядок %1): %2").arg(e ? e->line : 0).arg(why));
    }
    if (doc->intSubset || doc->extSubset)
        return Error::make(ErrorCode::Xml, tr("XML-документ містить DTD, що заборонено"));
    xmlNode *root = xmlDocGetRootElement(doc.get());
    if (!root)
        return Error::make(ErrorCode::Xml, tr("XML-документ не має кореневого елемента"));
    if (depthOf(root) > limits.maxDepth)
        return Error::make(ErrorCode::Xml, tr("XML-документ занадто глибоко вкладений (межа %1)").arg(limits.maxDepth));
    Document out;
    out.d->doc = std::move(doc);
    return out;
}

Result<Document> Document::parseFile(const QString &path, const ParseLimits &limits)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(ErrorCode::Io, tr("не вдалося відкрити файл %1: %2").arg(path, f.errorString()));
    if (f.size() > limits.maxBytes)
        return Error::make(ErrorCode::Xml, tr("файл %1 завеликий").arg(path));
    return parse(f.readAll(), limits);
}

Document Document::create(const QString &ns, const QString &prefix, const QString &localName)
{
    initialise();
    Document out;
    out.d->doc.reset(xmlNewDoc(reinterpret_cast<const xmlChar *>("1.0")));
    xmlNode *root = xmlNewDocNode(out.d->doc.get(), nullptr, X(localName.toUtf8()), nullptr);
    xmlDocSetRootElement(out.d->doc.get(), root);
    if (!ns.isEmpty()) {
        const QByteArray p = prefix.toUtf8();
        xmlNs *n = xmlNewNs(root, X(ns.toUtf8()), prefix.isEmpty() ? nullptr : X(p));
        xmlSetNs(root, n);
    }
    return out;
}

QByteArray Document::serialize(bool indent) const
{
    if (isNull())
        return {};
    xmlChar *buf = nullptr;
    int size = 0;
    xmlDocDumpFormatMemoryEnc(d->doc.get(), &buf, &size, "UTF-8", indent ? 1 : 0);
    QByteArray out(reinterpret_cast<const char *>(buf), size);
    xmlFree(buf);
    return out;
}

// ---------------------------------------------------------------- Schema

struct Schema::Impl {
    std::unique_ptr<xmlSchema, SchemaDeleter> schema;
};

Schema::Schema() : d(std::make_unique<Impl>()) {}
Schema::~Schema() = default;
Schema::Schema(Schema &&) noexcept = default;
Schema &Schema::operator=(Schema &&) noexcept = default;

Result<Schema> Schema::load(const QString &xsdPath)
{
    initialise();
    if (!QFileInfo::exists(xsdPath))
        return Error::make(ErrorCode::Io, tr("файл схеми не знайдено: %1").arg(xsdPath));
    const QByteArray path = QFile::encodeName(xsdPath);
    std::unique_ptr<xmlSchemaParserCtxt, SchemaParserCtxtDeleter> pctxt(xmlSchemaNewParserCtxt(path.constData()));
    if (!pctxt)
        return Error::make(ErrorCode::Xml, tr("не вдалося прочитати схему %1").arg(xsdPath));
    ErrorList errors;
    xmlSchemaSetParserStructuredErrors(pctxt.get(), &ErrorList::collect, &errors);
    xmlSchema *raw = xmlSchemaParse(pctxt.get());
    if (!raw)
        return Error::make(ErrorCode::Xml, tr("некоректна схема %1: %2").arg(xsdPath, errors.messages.join(QStringLiteral("; "))));
    Schema out;
    out.d->schema.reset(raw);
    return out;
}

Status Schema::validate(const Document &doc) const
{
    initialise();
    if (!d || !d->schema || doc.isNull())
        return Error::make(ErrorCode::Internal, tr("схему або документ не завантажено"));
    std::unique_ptr<xmlSchemaValidCtxt, SchemaValidCtxtDeleter> vctxt(xmlSchemaNewValidCtxt(d->schema.get()));
    if (!vctxt)
        return Error::make(ErrorCode::Internal, tr("не вдалося створити контекст перевірки схеми"));
    ErrorList errors;
    xmlSchemaSetValidStructuredErrors(vctxt.get(), &ErrorList::collect, &errors);
    const int rc = xmlSchemaValidateDoc(vctxt.get(), doc.d->doc.get());
    if (rc == 0)
        return {};
    if (errors.messages.isEmpty())
        errors.messages << tr("документ не відповідає схемі");
    return Error::make(ErrorCode::Xml, errors.messages.join(QStringLiteral("; ")));
}

Status Schema::validate(const Element &element) const
{
    initialise();
    if (!d || !d->schema || element.isNull())
        return Error::make(ErrorCode::Internal, tr("схему або елемент не завантажено"));
    std::unique_ptr<xmlSchemaValidCtxt, SchemaValidCtxtDeleter> vctxt(xmlSchemaNewValidCtxt(d->schema.get()));
    if (!vctxt)
        return Error::make(ErrorCode::Internal, tr("не вдалося створити контекст перевірки схеми"));
    ErrorList errors;
    xmlSchemaSetValidStructuredErrors(vctxt.get(), &ErrorList::collect, &errors);
    const int rc = xmlSchemaValidateOneElement(vctxt.get(), N(element.m_node));
    if (rc == 0)
        return {};
    if (errors.messages.isEmpty())
        errors.messages << tr("елемент не відповідає схемі");
    return Error::make(ErrorCode::Xml, errors.messages.join(QStringLiteral("; ")));
}

} // namespace cnap::xml
