#pragma once

// The service catalogue file (schemas/catalogue.xsd, namespace urn:cnap:catalogue:1).

#include "core/Result.h"
#include "core/catalogue/ServiceCard.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace cnap::xml {

/// The catalogue format's namespace.
[[nodiscard]] QString catalogueNamespace();

/// The XSD's file name inside schemasDir(): "catalogue.xsd".
[[nodiscard]] QString catalogueSchemaFileName();

/// Reads a whole catalogue file: hardened parse (no DTD, no entities, size and
/// depth limits), XSD validation, then the domain rules of every card and
/// unique codes.  All or nothing: any problem rejects the whole file, with the
/// line ("рядок N: …") and the reason; the cards keep the file's order.
[[nodiscard]] Result<std::vector<ServiceCard>> readCatalogue(const QByteArray &bytes, const QString &xsdPath);

/// Writes the cards as a catalogue file (UTF-8, indented) that validates
/// against the XSD and reads back to the same cards.  The record state
/// (active, version) is not part of the file.
[[nodiscard]] QByteArray writeCatalogue(const std::vector<ServiceCard> &cards);

} // namespace cnap::xml
