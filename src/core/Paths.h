#pragma once

// Where the installed program finds its data files.  The same binary runs from
// the build tree (build/bin), from an installation (/usr/bin with
// /usr/share/cnap) and under tests; each function tries a fixed list of places
// and an environment variable first, so packagers and tests can override it.

#include <QString>
#include <QStringList>

namespace cnap {

/// The folder with the XSD files.  Search order: $CNAP_SCHEMAS_DIR,
/// <appdir>/../share/cnap/schemas, <appdir>/../../schemas (build tree).
/// The first existing folder wins; empty when none exists.
[[nodiscard]] QString schemasDir();

/// The shipped service catalogue.  Search order: $CNAP_CATALOG_FILE,
/// <appdir>/../share/cnap/catalog/services.xml,
/// <appdir>/../../resources/catalog/services.xml (build tree).
/// The first existing file wins; empty when none exists.
[[nodiscard]] QString catalogueFile();

/// The candidates each function above tries, in order (for error messages
/// that tell the administrator where the file was looked for).
[[nodiscard]] QStringList schemasDirCandidates();
[[nodiscard]] QStringList catalogueFileCandidates();

} // namespace cnap
