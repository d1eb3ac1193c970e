#pragma once

// The libxml2 adapter: hardened parsing, navigation, building, serialising and
// XSD validation.  No libxml2 type appears here; handles are owned with
// unique_ptr deleters inside Xml.cpp.

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <vector>

namespace cnap::xml {

/// Limits applied to every document we parse (hostile input is expected).
struct ParseLimits {
    qsizetype maxBytes = 32 * 1024 * 1024;
    int maxDepth = 64;
};

class Document;

/// A non-owning view of an element inside a Document (valid while it lives).
class Element final {
public:
    Element() = default;
    [[nodiscard]] bool isNull() const { return m_node == nullptr; }
    explicit operator bool() const { return !isNull(); }

    [[nodiscard]] QString localName() const;
    [[nodiscard]] QString namespaceUri() const;
    [[nodiscard]] QString prefix() const;
    /// Attribute by local name; `ns` empty means an unqualified attribute.
    [[nodiscard]] QString attribute(const QString &name, const QString &ns = {}) const;
    [[nodiscard]] bool hasAttribute(const QString &name, const QString &ns = {}) const;
    /// Concatenated text content of the element and its descendants.
    [[nodiscard]] QString text() const;
    /// Child elements, in document order (text and comments skipped).
    [[nodiscard]] std::vector<Element> children() const;
    /// First child element with that local name (and namespace, when given).
    [[nodiscard]] Element child(const QString &localName, const QString &ns = {}) const;
    /// Text of the first such child, empty when absent.
    [[nodiscard]] QString childText(const QString &localName, const QString &ns = {}) const;
    /// 1-based line in the source document (0 when built in memory).
    [[nodiscard]] int line() const;
    /// The element and its subtree as UTF-8 XML (no declaration); for keeping
    /// opaque content such as a SOAP fault's detail.
    [[nodiscard]] QByteArray toXml() const;
    /// Whether the element has child elements (text and comments do not count).
    [[nodiscard]] bool hasChildElements() const;

    // Building.
    Element appendChild(const QString &ns, const QString &localName);
    Element appendTextChild(const QString &ns, const QString &localName, const QString &text);
    void setText(const QString &text);
    void setAttribute(const QString &name, const QString &value);
    void setAttribute(const QString &ns, const QString &name, const QString &value);
    /// Declares prefix → uri on this element (used when children are created).
    void declareNamespace(const QString &prefix, const QString &uri);
    /// Deep-copies another document's element (and subtree) under this one.
    Element appendCopy(const Element &other);

private:
    friend class Document;
    friend class Schema;
    explicit Element(void *node) : m_node(node) {}
    void *m_node = nullptr;
};

/// An XML document (owning).
class Document final {
public:
    Document();
    ~Document();
    Document(Document &&) noexcept;
    Document &operator=(Document &&) noexcept;

    /// Parses without network access, DTD loading or entity expansion; enforces
    /// size and depth limits.  Errors name the line.
    [[nodiscard]] static Result<Document> parse(const QByteArray &bytes, const ParseLimits &limits = {});
    [[nodiscard]] static Result<Document> parseFile(const QString &path, const ParseLimits &limits = {});
    /// A new document with a root element; prefix may be empty.
    [[nodiscard]] static Document create(const QString &ns, const QString &prefix, const QString &localName);

    [[nodiscard]] Element root() const;
    /// UTF-8 bytes with an XML declaration; `indent` for people, compact for the wire.
    [[nodiscard]] QByteArray serialize(bool indent = false) const;
    [[nodiscard]] bool isNull() const;

private:
    friend class Schema;
    struct Impl;
    std::unique_ptr<Impl> d;
};

/// A compiled XSD.  Loading follows xs:import/xs:include from local files only.
class Schema final {
public:
    Schema();
    ~Schema();
    Schema(Schema &&) noexcept;
    Schema &operator=(Schema &&) noexcept;

    [[nodiscard]] static Result<Schema> load(const QString &xsdPath);
    /// Ok, or an Xml error listing the first problems with their lines.
    [[nodiscard]] Status validate(const Document &doc) const;
    /// Validates one element (and its subtree) of a document as if it were the
    /// root: used for a SOAP body payload against its own service schema.
    [[nodiscard]] Status validate(const Element &element) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

/// Makes libxml2 safe for hostile input process-wide (no network, no external
/// entities); called by every entry point above, idempotent.
void initialise();

} // namespace cnap::xml
