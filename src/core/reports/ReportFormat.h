#pragma once

// Report tables as CSV and JSON: the one serialisation cnapctl, the console's
// export and the open-data export share, so every front end writes the same bytes.

#include "core/reports/Report.h"

#include <QByteArray>
#include <QJsonObject>

namespace cnap::reports {

/// RFC 4180 CSV, UTF-8, CRLF line ends, a header of column keys.  Null cells
/// are empty; doubles with one decimal and a dot (machine readable, not localised).
[[nodiscard]] QByteArray toCsv(const ReportTable &table);
/// {"report", "from", "to", "filter", "columns", "rows": [{key: value}], "total"?}.
[[nodiscard]] QJsonObject toJson(const ReportTable &table);
/// One cell as CSV text.
[[nodiscard]] QString csvCell(const QVariant &value);
/// One cell as shown on screen and in PDF (localised numbers, "—" for no data).
[[nodiscard]] QString displayCell(const QVariant &value);

} // namespace cnap::reports
