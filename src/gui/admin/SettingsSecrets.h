#pragma once

#include <QString>

namespace cnap::gui::admin {

/// The database URL as it may be stored in the settings file: the password is
/// removed (Law 2297-VI Art. 24 and the issue-7 rule "secrets never in plain
/// settings").  The password comes from the --db argument, CNAP_DB, or the
/// libpq password file (~/.pgpass, PGPASSFILE) at start.  Query options such
/// as sslrootcert are kept; an unparsable text is returned empty rather than
/// stored as it is, because it might be a password in a malformed URL.
[[nodiscard]] QString databaseUrlForSettings(const QString &url);

} // namespace cnap::gui::admin
