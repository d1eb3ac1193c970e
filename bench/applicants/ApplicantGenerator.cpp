#include "ApplicantGenerator.h"

#include "core/identifiers/IdentifierFactory.h"

#include <QDateTime>
#include <QTimeZone>

#include <iterator>

namespace cnap::bench {

namespace {

QString u8(const char *s) { return QString::fromUtf8(s); }

// Surname stems; many Ukrainian surnames are a stem plus -енко, -ук, -чук, -ишин …
// Stems with apostrophes are there on purpose: they are what search must survive.
constexpr const char *kStems[] = {
    "Шевч", "Ковал", "Бондар", "Ткач", "Кравч", "Олійн", "Шевц", "Поліщ", "Бойч", "Мельнич",
    "Савч", "Руд", "Марч", "Лис", "Гонч", "Кушн", "Петр", "Іван", "Василь", "Павл",
    "Остап", "Дем'ян", "Мар'ян", "П'ятн", "Зав'ял", "Гриц", "Федор", "Стеф", "Мороз", "Козач",
    "Сидор", "Тимош", "Левч", "Яковл", "Ярош", "Юрч", "Єрем", "Ігнат", "Охрім", "Панас",
    "Гаврил", "Данил", "Климч", "Кузьм", "Лук'ян", "Назар", "Прокоп", "Семен", "Терещ", "Харч",
    "Цимбал", "Чорн", "Шаповал", "Щерб", "Білоус", "Гуцал", "Дорош", "Жук", "Карп", "Литвин",
    "Нестер", "Онищ", "Приход", "Соловй", "Головч", "Ґудз", "Вовч", "Зінч", "Кирил", "Ус",
};
constexpr const char *kSuffixes[] = {"енко", "ук", "юк", "чук", "ишин", "ак", "ець", "ик", "ан", "ич", "ко"};
// Suffixes that agree with sex: "Левчишин" is shared, "Левчівський / Левчівська" is not.
constexpr const char *kMaleSuffixes[] = {"івський", "ов", "ин"};
constexpr const char *kFemaleSuffixes[] = {"івська", "ова", "іна"};

constexpr const char *kMaleNames[] = {
    "Олександр", "Андрій", "Сергій", "Володимир", "Микола", "Іван", "Петро", "Василь", "Юрій", "Дмитро",
    "Олег", "Тарас", "Богдан", "Ярослав", "Максим", "Віталій", "Григорій", "Степан", "Мар'ян", "В'ячеслав",
    "Ігор", "Євген", "Анатолій", "Роман", "Остап", "Назар", "Артем", "Денис",
};
constexpr const char *kFemaleNames[] = {
    "Олена", "Ольга", "Наталія", "Тетяна", "Ірина", "Світлана", "Оксана", "Марія", "Людмила", "Галина",
    "Анна", "Юлія", "Катерина", "Вікторія", "Ярослава", "Соломія", "Мар'яна", "Надія", "Лариса", "Христина",
    "Софія", "Дарина", "Богдана", "Зоряна", "Любов", "Єва", "Іванна",
};
// Father's names as patronymics: {male form, female form}.
constexpr const char *kPatronymics[][2] = {
    {"Олександрович", "Олександрівна"}, {"Андрійович", "Андріївна"}, {"Сергійович", "Сергіївна"},
    {"Володимирович", "Володимирівна"}, {"Миколайович", "Миколаївна"}, {"Іванович", "Іванівна"},
    {"Петрович", "Петрівна"}, {"Васильович", "Василівна"}, {"Юрійович", "Юріївна"},
    {"Дмитрович", "Дмитрівна"}, {"Олегович", "Олегівна"}, {"Тарасович", "Тарасівна"},
    {"Богданович", "Богданівна"}, {"Ярославович", "Ярославівна"}, {"Степанович", "Степанівна"},
    {"Григорович", "Григорівна"}, {"Ігорович", "Ігорівна"}, {"Романович", "Романівна"},
    {"Мар'янович", "Мар'янівна"}, {"В'ячеславович", "В'ячеславівна"},
};
constexpr const char *kSettlements[] = {
    "м. Київ", "м. Львів", "м. Харків", "м. Одеса", "м. Дніпро", "м. Вінниця", "м. Полтава",
    "м. Чернігів", "м. Житомир", "м. Рівне", "с. Петрівка", "смт Козелець", "м. Кам'янець-Подільський",
};
constexpr const char *kStreets[] = {
    "вул. Шевченка", "вул. Івана Франка", "вул. Лесі Українки", "просп. Незалежності", "вул. Соборна",
    "вул. Садова", "вул. Гетьмана Мазепи", "вул. Грушевського", "вул. Вишнева", "вул. Об'їзна",
};
constexpr const char *kPassportSeries[] = {"КА", "СН", "ВК", "МЕ", "НК", "ЕР", "АА", "ТТ", "ВС", "КВ"};
constexpr int kMobileCodes[] = {50, 63, 66, 67, 68, 73, 93, 95, 96, 97, 98, 99};
// Apostrophe spellings seen in real input: typewriter, word-processor, Unicode-recommended.
constexpr char16_t kApostrophes[] = {u'\'', u'\u2019', u'\u02BC'};
constexpr char16_t kTypedApostrophes[] = {u'\'', u'\u2019', u'\u02BC', u'`', u'\u2018'};

// РНОКПП uniqueness: applicant i is born on day (i mod kDays) after kFirstBirth,
// with serial i / kDays (< 1000 for i < kDays * 1000).
const QDate kFirstBirth(1935, 1, 1);
constexpr int kDays = 25'000;  // to 2003-06-12: every applicant is an adult

} // namespace

ApplicantGenerator::ApplicantGenerator(quint32 seed) : m_random(seed) {}

QString ApplicantGenerator::withRandomApostrophes(const QString &s)
{
    QString out = s;
    for (QChar &ch : out) {
        if (ch == u'\'')
            ch = kApostrophes[m_random.bounded(static_cast<int>(std::size(kApostrophes)))];
    }
    return out;
}

QString ApplicantGenerator::surname(bool female)
{
    const QString stem = u8(pick(kStems));
    // One in five takes a sex-agreeing suffix.
    if (m_random.bounded(5) == 0)
        return stem + u8(female ? pick(kFemaleSuffixes) : pick(kMaleSuffixes));
    return stem + u8(pick(kSuffixes));
}

QString ApplicantGenerator::randomSurname() { return withRandomApostrophes(surname(m_random.bounded(2) == 0)); }

QString ApplicantGenerator::typedPrefix(const QString &s)
{
    QString p = s.left(3 + m_random.bounded(3));
    switch (m_random.bounded(3)) {
    case 0:
        p = p.toLower();
        break;
    case 1:
        p = p.toUpper();
        break;
    default:
        break;
    }
    for (QChar &ch : p) {
        if (ch == u'\'' || ch == u'\u2019' || ch == u'\u02BC')
            ch = kTypedApostrophes[m_random.bounded(static_cast<int>(std::size(kTypedApostrophes)))];
    }
    return p;
}

Applicant ApplicantGenerator::make(int i)
{
    static const QDateTime consentAt(QDate(2025, 1, 15), QTime(9, 0), QTimeZone::utc());
    Applicant a;
    a.consentGiven = true;
    a.consentAt = consentAt.addSecs(i);
    a.address.text = u8(pick(kSettlements)) + u8(", ") + u8(pick(kStreets)) + u8(", ")
                     + QString::number(1 + m_random.bounded(150));
    a.address.katottg = QStringLiteral("UA%1%2")
                            .arg(m_random.bounded(10'000'000, 99'999'999))
                            .arg(m_random.bounded(100'000'000, 999'999'999));
    a.phone = QStringLiteral("+380 %1 %2").arg(pick(kMobileCodes)).arg(m_random.bounded(1'000'000, 9'999'999));

    // One applicant in a hundred is a legal entity.
    if (i % 100 == 99) {
        a.kind = ApplicantKind::LegalEntity;
        a.edrpou = makeEdrpou(i);
        a.organisationName = u8("ТОВ «") + withRandomApostrophes(u8(pick(kStems))) + u8("-Агро»");
        const bool female = m_random.bounded(2) == 0;
        a.representative.fullName = withRandomApostrophes(surname(female)) + u8(" ")
                                    + u8(female ? pick(kFemaleNames) : pick(kMaleNames));
        a.representative.authority = QStringLiteral("довіреність № %1 від 02.01.2025").arg(i);
        return a;
    }

    const bool female = m_random.bounded(2) == 0;
    const Sex sex = female ? Sex::Female : Sex::Male;
    const int serial = i / kDays;
    a.kind = ApplicantKind::Person;
    a.surname = withRandomApostrophes(surname(female));
    a.givenName = withRandomApostrophes(u8(female ? pick(kFemaleNames) : pick(kMaleNames)));
    a.patronymic = withRandomApostrophes(u8(pick(kPatronymics)[female ? 1 : 0]));
    a.birthDate = kFirstBirth.addDays(i % kDays);
    a.sex = sex;
    a.rnokpp = makeRnokpp(a.birthDate, serial, sex);
    // Younger people mostly hold ID cards (with УНЗР), older ones passport booklets.
    if (a.birthDate.year() >= 1960 && m_random.bounded(10) < 7) {
        a.unzr = makeUnzr(a.birthDate, serial);
        a.document = {IdentityDocumentType::IdCard, makeIdCard(i), QString::number(1000 + m_random.bounded(9000)),
                      QDate(2016, 1, 1).addDays(m_random.bounded(3000))};
    } else {
        a.document = {IdentityDocumentType::Passport,
                      u8(pick(kPassportSeries)) + QStringLiteral("%1").arg(i % 1'000'000, 6, 10, QLatin1Char('0')),
                      u8("Шевченківським РВ ГУ МВС"), QDate(1996, 1, 1).addDays(m_random.bounded(5000))};
        if (a.document.issueDate < a.birthDate.addYears(16))
            a.document.issueDate = a.birthDate.addYears(16);
    }
    if (m_random.bounded(10) < 3)
        a.email = QStringLiteral("user%1@example.org").arg(i);
    return a;
}

} // namespace cnap::bench
