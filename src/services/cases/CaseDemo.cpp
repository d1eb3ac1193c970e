#include "services/cases/CaseDemo.h"

#include "core/calendar/WorkingCalendar.h"
#include "core/cases/Case.h"
#include "core/cases/CaseNumber.h"
#include "core/identifiers/IdentifierFactory.h"
#include "core/text/SearchKey.h"
#include "storage/ApplicantRepository.h"
#include "storage/CaseRepository.h"
#include "storage/CatalogueRepository.h"
#include "storage/JournalRepository.h"
#include "storage/Sql.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <map>

namespace cnap::services {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::services::CaseDemo", s); }

QStringList words(const char *utf8) { return QString::fromUtf8(utf8).split(u' '); }

// Surnames with the same form for both sexes keep the generator simple.
const QStringList &surnames()
{
    static const QStringList s = words(
        "Шевченко Коваленко Бондаренко Ткаченко Кравченко Олійник Шевчук Поліщук Лисенко Мельник Бойко Ковальчук "
        "Савченко Марченко Руденко Мороз Литвиненко Петренко Клименко Гончаренко Павленко Кузьменко Левченко Карпенко "
        "Гаврилюк Тимошенко Дем'яненко Мартинюк Козак Остапенко Зінченко Панченко Яковенко Ігнатенко Мирошниченко "
        "Ющенко Костенко Пономаренко Собко Бабенко Дорошенко Гуменюк Назаренко Сидоренко Приходько Онищенко");
    return s;
}
const QStringList &maleNames() { static const QStringList s = words("Олександр Андрій Іван Михайло Дмитро Сергій Тарас Богдан Юрій Василь Петро Остап Назар Євген Олег Роман"); return s; }
const QStringList &femaleNames() { static const QStringList s = words("Олена Наталія Оксана Ірина Тетяна Юлія Марія Катерина Анна Людмила Софія Ганна Віра Леся Дарина Христина"); return s; }
const QStringList &fathers() { static const QStringList s = words("Олександр Андрій Іван Михайл Дмитр Сергі Тарас Богдан Юрі Василь Петр Степан"); return s; }
const QStringList &streets() { static const QStringList s = words("Шевченка Франка Лесі-Українки Грушевського Хмельницького Сковороди Незалежності Соборна"); return s; }

QString patronymic(const QString &father, Sex sex)
{
    // Олександр → Олександрович/Олександрівна; Сергі(й) → Сергійович/Сергіївна (simplified stems).
    if (father.endsWith(u'і'))
        return father + (sex == Sex::Male ? QStringLiteral("йович") : QStringLiteral("ївна"));
    return father + (sex == Sex::Male ? QStringLiteral("ович") : QStringLiteral("івна"));
}

struct DemoApplicant {
    qint64 id = 0;
    QString rnokpp;
    QString name;
    QString surnameKey;
};
} // namespace

Result<CaseDemoSummary> CaseDemo::fill(const storage::DatabasePtr &db, storage::DocumentStore &store, qint64 n, QDate today,
                                       const std::function<void(qint64, qint64)> &progress)
{
    if (n < 1 || n > 50'000'000)
        return Error::invalid(QStringLiteral("--cases"), tr("кількість справ — від 1 до 50 000 000"));
    QElapsedTimer timer;
    timer.start();
    auto cards = storage::CatalogueRepository(db).list(true);
    if (!cards)
        return cards.error();
    if (cards->empty())
        return Error::invalid(QStringLiteral("catalogue"), tr("каталог послуг порожній: спершу cnapctl catalog import"));

    QRandomGenerator rng(20260302u + quint32(n));
    storage::CaseRepository cases(db);
    storage::ApplicantRepository applicants(db);
    CaseDemoSummary summary;

    // --- applicants, about one per two cases, in batches
    const qint64 applicantCount = std::max<qint64>(1, n / 2);
    auto maxBefore = cases.maxApplicantId();
    if (!maxBefore)
        return maxBefore.error();
    // Offset the РНОКПП sequence by what is there already, so repeated runs do not collide.
    auto existing = applicants.count();
    if (!existing)
        return existing.error();
    const qint64 base = existing.value() + 7;
    std::vector<DemoApplicant> people;
    people.reserve(size_t(applicantCount));
    const QDateTime consent = QDateTime(today.addDays(-366), QTime(9, 0), QTimeZone::utc());
    for (qint64 start = 0; start < applicantCount; start += 20000) {
        std::vector<Applicant> batch;
        for (qint64 i = start; i < std::min(applicantCount, start + 20000); ++i) {
            const qint64 k = base + i;
            const Sex sex = (k % 2) ? Sex::Male : Sex::Female;
            Applicant a;
            a.kind = ApplicantKind::Person;
            a.surname = surnames()[int(rng.bounded(surnames().size()))];
            a.givenName = sex == Sex::Male ? maleNames()[int(rng.bounded(maleNames().size()))]
                                           : femaleNames()[int(rng.bounded(femaleNames().size()))];
            a.patronymic = patronymic(fathers()[int(rng.bounded(fathers().size()))], sex);
            // Birth dates 1940…2002 (23 000 days); the serial makes each РНОКПП unique.
            a.birthDate = QDate(1940, 1, 1).addDays((k / 2) % 23000);
            a.sex = sex;
            a.rnokpp = makeRnokpp(a.birthDate, int((k / 46000) % 1000), sex);
            a.consentGiven = true;
            a.consentAt = consent;
            people.push_back({0, a.rnokpp, a.displayName(), surnameKey(a.surname)});
            batch.push_back(std::move(a));
        }
        auto inserted = applicants.insertBatch(batch);
        if (!inserted)
            return inserted.error();
        summary.applicants += inserted.value();
    }
    auto ids = cases.applicantIdsAfter(maxBefore.value());
    if (!ids)
        return ids.error();
    for (DemoApplicant &p : people)
        p.id = ids->value(p.rnokpp);

    // --- a few sample scans, shared by many cases as real repeated forms are
    QList<CaseDocument> samples;
    for (int i = 0; i < 4; ++i) {
        QByteArray pdf = QByteArrayLiteral("%PDF-1.4\n% demo scan ") + QByteArray::number(i) + QByteArrayLiteral("\n%%EOF\n");
        auto stored = store.put(pdf);
        if (!stored)
            return stored.error();
        CaseDocument d;
        d.position = 1;
        d.fileName = QStringLiteral("скан-%1.pdf").arg(i + 1);
        d.mimeType = QStringLiteral("application/pdf");
        d.size = stored->size;
        d.sha256 = stored->sha256;
        samples.append(d);
    }

    // --- registration moments over the last year, oldest first
    std::vector<qint64> moments(static_cast<size_t>(n), 0);
    const QDateTime yearAgo(today.addDays(-365), QTime(7, 0), QTimeZone::utc());
    for (qint64 &m : moments)
        m = qint64(rng.bounded(365)) * 86400 + qint64(rng.bounded(10 * 3600));
    std::sort(moments.begin(), moments.end());

    WorkingCalendar calendar;
    storage::JournalRepository journals(db);
    const QString journal = QStringLiteral("01");
    const QString pattern = QString::fromUtf16(kDefaultCaseNumberPattern);
    const QList<CaseState> path = {CaseState::SentToProvider, CaseState::UnderReview, CaseState::Granted,
                                   CaseState::ResultReceived, CaseState::ApplicantNotified, CaseState::Issued, CaseState::Closed};
    auto conn = db->connection();
    if (!conn)
        return conn.error();
    constexpr qint64 kBatch = 20000;
    for (qint64 start = 0; start < n; start += kBatch) {
        const qint64 end = std::min(n, start + kBatch);
        auto tx = storage::Transaction::begin(conn.value());
        if (!tx)
            return tx.error();
        // Numbers: one reservation per year present in this batch.
        std::map<int, qint64> nextSeq;
        std::map<int, qint64> perYear;
        for (qint64 i = start; i < end; ++i)
            ++perYear[yearAgo.addSecs(moments[size_t(i)]).date().year()];
        for (const auto &[year, count] : perYear) {
            auto first = journals.reserve(journal, year, count);
            if (!first)
                return first.error();
            nextSeq[year] = first.value();
        }
        QList<CaseDetails> batch;
        batch.reserve(end - start);
        for (qint64 i = start; i < end; ++i) {
            const QDateTime at = yearAgo.addSecs(moments[size_t(i)]);
            const ServiceCard &card = (*cards)[rng.bounded(quint32(cards->size()))];
            const DemoApplicant &who = people[rng.bounded(quint32(people.size()))];
            CaseDetails d;
            CaseSummary &s = d.summary;
            s.year = at.date().year();
            s.journal = journal;
            s.seq = nextSeq[s.year]++;
            s.number = formatCaseNumber(pattern, journal, s.year, s.seq).valueOr(QString());
            s.registeredAt = at;
            const int term = card.term > 0 ? card.term : 0;
            s.dueDate = term == 0 ? at.date()
                                  : (card.termUnit == TermUnit::CalendarDays ? calendar.workingDayOnOrAfter(at.date().addDays(term))
                                                                             : calendar.addWorkingDays(at.date(), term));
            s.applicantId = who.id;
            s.applicantName = who.name;
            s.applicantCode = who.rnokpp;
            s.serviceCode = card.code.value();
            s.serviceName = card.name;
            d.applicantSurnameKey = who.surnameKey;
            d.providerName = card.provider.name;
            d.objectAddress = QStringLiteral("м. Київ, вул. %1, %2").arg(streets()[int(rng.bounded(streets().size()))]).arg(1 + rng.bounded(120));
            d.feeKopecks = card.feeKopecks;
            d.paymentEvidence = card.feeKopecks ? QStringLiteral("квитанція № %1").arg(1000000 + i) : QString();
            d.registeredBy = QStringLiteral("clerk%1").arg(1 + rng.bounded(10));
            d.desk = QString::number(1 + rng.bounded(10));
            for (const RequiredDocument &doc : card.documents)
                d.checklist.append(ChecklistItem{doc.name, doc.mandatory, doc.mandatory, doc.form, doc.mandatory ? 1 + int(rng.bounded(3)) : 0});
            if (rng.bounded(4) == 0) {
                CaseDocument doc = samples[int(rng.bounded(samples.size()))];
                doc.addedAt = at;
                d.documents.append(doc);
            }
            // History: the older the case, the further along its path.
            CaseHistoryEntry reg;
            reg.at = at;
            reg.actor = d.registeredBy;
            reg.event = QStringLiteral("registered");
            reg.toState = CaseState::Registered;
            reg.dueAfter = s.dueDate;
            d.history.append(reg);
            const qint64 ageDays = at.date().daysTo(today);
            int steps = int(std::min<qint64>(path.size(), ageDays / 4 + qint64(rng.bounded(2))));
            const bool withdrawn = rng.bounded(50) == 0 && steps > 0;
            CaseState state = CaseState::Registered;
            QDateTime when = at;
            for (int k = 0; k < steps; ++k) {
                CaseHistoryEntry h;
                when = when.addSecs(3600 * (6 + qint64(rng.bounded(60))));
                h.at = when;
                h.actor = d.registeredBy;
                h.event = QStringLiteral("transition");
                h.fromState = state;
                h.toState = withdrawn && k == 0 ? CaseState::Withdrawn : path[k];
                if (h.toState == CaseState::Issued) {
                    d.issuedTo = who.name;
                    d.issuedDocument = QStringLiteral("ID-картка");
                    d.issuedAt = when;
                }
                d.history.append(h);
                state = h.toState;
                if (state == CaseState::Withdrawn)
                    break;
            }
            s.state = state;
            batch.append(std::move(d));
        }
        CNAP_TRY(cases.insertBatch(batch));
        for (const CaseDetails &d : batch)
            summary.historyRows += d.history.size();
        CNAP_TRY(tx->commit());
        summary.cases = end;
        if (progress)
            progress(end, n);
    }
    CNAP_TRY(cases.analyze());
    summary.elapsedMs = timer.elapsed();
    return summary;
}

} // namespace cnap::services
