#include "core/cases/CaseNumber.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace cnap {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::CaseNumber", s); }

const QRegularExpression &placeholderRe()
{
    static const QRegularExpression re(QStringLiteral("\\{([a-z]+)(?::0([1-9][0-9]?))?\\}"));
    return re;
}
} // namespace

Status validateCaseNumberPattern(const QString &pattern)
{
    const QString field = QStringLiteral("numberPattern");
    if (pattern.isEmpty() || pattern.size() > 100)
        return Error::invalid(field, tr("шаблон номера має містити від 1 до 100 символів"));
    bool hasYear = false;
    bool hasSeq = false;
    QString rest = pattern;
    auto it = placeholderRe().globalMatch(pattern);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString name = m.captured(1);
        const bool padded = m.capturedLength(2) > 0;
        if (name == QStringLiteral("seq")) {
            if (padded && m.captured(2).toInt() > 12)
                return Error::invalid(field, tr("ширина номера {seq:0N} — від 1 до 12 цифр"));
            hasSeq = true;
        } else if ((name == QStringLiteral("year") || name == QStringLiteral("journal")) && !padded) {
            hasYear = hasYear || name == QStringLiteral("year");
        } else {
            return Error::invalid(field, tr("невідомий заповнювач «%1»; допустимі: {journal}, {year}, {seq}, {seq:06}")
                                             .arg(m.captured(0)));
        }
        rest.replace(m.captured(0), QString());
    }
    if (rest.contains(u'{') || rest.contains(u'}'))
        return Error::invalid(field, tr("незакрита або зайва фігурна дужка в шаблоні номера"));
    if (!hasYear || !hasSeq)
        return Error::invalid(field, tr("шаблон номера має містити {year} і {seq}: лічильник журналу щороку починається з 1"));
    return {};
}

Result<QString> formatCaseNumber(const QString &pattern, const QString &journal, int year, qint64 seq)
{
    CNAP_TRY(validateCaseNumberPattern(pattern));
    if (seq < 1)
        return Error::invalid(QStringLiteral("seq"), tr("порядковий номер має бути додатним"));
    QString out;
    qsizetype pos = 0;
    auto it = placeholderRe().globalMatch(pattern);
    while (it.hasNext()) {
        const auto m = it.next();
        out += pattern.mid(pos, m.capturedStart() - pos);
        const QString name = m.captured(1);
        if (name == QStringLiteral("journal"))
            out += journal;
        else if (name == QStringLiteral("year"))
            out += QString::number(year);
        else
            out += QStringLiteral("%1").arg(seq, m.capturedLength(2) > 0 ? m.captured(2).toInt() : 0, 10, QLatin1Char('0'));
        pos = m.capturedEnd();
    }
    out += pattern.mid(pos);
    return out;
}

Status validateJournalKey(const QString &journal)
{
    static const QRegularExpression re(QStringLiteral("^[\\p{L}\\p{N}_-]{1,20}$"));
    if (!re.match(journal).hasMatch())
        return Error::invalid(QStringLiteral("journal"),
                              tr("код журналу — від 1 до 20 літер, цифр, «-» або «_»"));
    return {};
}

} // namespace cnap
