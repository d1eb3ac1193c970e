// The UI is Ukrainian first and English complete: every source string must
// have a finished English translation, and the .ts must be in step with the
// sources (lupdate run into a scratch copy adds nothing).
#include "core/Translations.h"
#include "core/cases/CaseState.h"
#include "core/catalogue/ServiceCard.h"
#include "core/identifiers/Identifiers.h"
#include "support/TestEnv.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSet>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

namespace {

struct Message {
    QString context;
    QString source;
    QString translation;
    QString type;
    bool numerus = false;
};

QList<Message> readTs(const QString &path)
{
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "cannot open " << path.toStdString();
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QStringLiteral("name")) {
            context = xml.readElementText();
        } else if (name == QStringLiteral("message")) {
            current = Message{context, {}, {}, {}, xml.attributes().value(QStringLiteral("numerus")) == QStringLiteral("yes")};
        } else if (name == QStringLiteral("source")) {
            current.source = xml.readElementText();
        } else if (name == QStringLiteral("translation")) {
            current.type = xml.attributes().value(QStringLiteral("type")).toString();
            current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            out << current;
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    return out;
}

} // namespace

TEST(Translations, EveryStringHasAFinishedEnglishTranslation)
{
    const QList<Message> messages = readTs(QStringLiteral(CNAP_TS_FILE));
    ASSERT_GT(messages.size(), 100) << "the English catalogue looks empty";
    QStringList missing;
    for (const Message &m : messages) {
        if (m.type == QStringLiteral("vanished") || m.type == QStringLiteral("obsolete"))
            continue;
        if (m.type == QStringLiteral("unfinished") || m.translation.trimmed().isEmpty())
            missing << m.context + QStringLiteral(": ") + m.source;
    }
    EXPECT_TRUE(missing.isEmpty()) << missing.size() << " untranslated, e.g.:\n"
                                   << missing.mid(0, 15).join(u'\n').toStdString();
}

TEST(Translations, CatalogueIsInStepWithTheSources)
{
    // lupdate into a scratch copy; any new source text means someone added a
    // string without running `cmake --build build --target update_translations`.
    QTemporaryDir tmp;
    ASSERT_TRUE(tmp.isValid());
    const QString scratch = tmp.filePath(QStringLiteral("cnap_en.ts"));
    ASSERT_TRUE(QFile::copy(QStringLiteral(CNAP_TS_FILE), scratch));
    QFile::setPermissions(scratch, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QString src = cnap::test::sourceDir();
    QStringList args{QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                     QStringLiteral("-source-language"), QStringLiteral("uk_UA"), QStringLiteral("-target-language"),
                     QStringLiteral("en_GB"), QStringLiteral("-extensions"), QStringLiteral("cpp,h,ui"),
                     src + QStringLiteral("/src"), src + QStringLiteral("/ui"), QStringLiteral("-ts"), scratch};
    const auto r = cnap::test::runProcess(QStringLiteral(CNAP_LUPDATE), args, {}, 180000);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QSet<QString> before;
    for (const Message &m : readTs(QStringLiteral(CNAP_TS_FILE)))
        before.insert(m.context + u'\x1f' + m.source);
    QStringList added;
    for (const Message &m : readTs(scratch)) {
        if (!before.contains(m.context + u'\x1f' + m.source))
            added << m.context + QStringLiteral(": ") + m.source;
    }
    EXPECT_TRUE(added.isEmpty()) << added.size() << " strings missing from cnap_en.ts (run update_translations), e.g.:\n"
                                 << added.mid(0, 15).join(u'\n').toStdString();
}

TEST(Translations, EnglishCatalogueIsEmbeddedAndLoads)
{
    ASSERT_TRUE(QFile::exists(QStringLiteral(":/i18n/cnap_en.qm")));
    ASSERT_TRUE(cnap::installTranslations(QStringLiteral("en")));
    EXPECT_EQ(cnap::currentLanguage(), QStringLiteral("en"));
    EXPECT_FALSE(cnap::installTranslations(QStringLiteral("de")));
}

TEST(Translations, UkrainianPluralFormsFollowTheNumber)
{
    ASSERT_TRUE(QFile::exists(QStringLiteral(":/i18n/cnap_uk.qm")));
    ASSERT_TRUE(cnap::installTranslations(QStringLiteral("uk")));
    EXPECT_EQ(cnap::termDisplay(1, cnap::TermUnit::WorkingDays), QStringLiteral("1 робочий день"));
    EXPECT_EQ(cnap::termDisplay(3, cnap::TermUnit::WorkingDays), QStringLiteral("3 робочі дні"));
    EXPECT_EQ(cnap::termDisplay(5, cnap::TermUnit::WorkingDays), QStringLiteral("5 робочих днів"));
    EXPECT_EQ(cnap::termDisplay(11, cnap::TermUnit::CalendarDays), QStringLiteral("11 календарних днів"));
    EXPECT_EQ(cnap::termDisplay(21, cnap::TermUnit::CalendarDays), QStringLiteral("21 календарний день"));
    EXPECT_EQ(cnap::termDisplay(24, cnap::TermUnit::Hours), QStringLiteral("24 години"));
}

TEST(Translations, EnglishPluralFormsFollowTheNumber)
{
    ASSERT_TRUE(cnap::installTranslations(QStringLiteral("en")));
    EXPECT_EQ(cnap::termDisplay(1, cnap::TermUnit::WorkingDays), QStringLiteral("1 working day"));
    EXPECT_EQ(cnap::termDisplay(30, cnap::TermUnit::CalendarDays), QStringLiteral("30 calendar days"));
}

TEST(Translations, UkrainianPluralCatalogueIsComplete)
{
    const QList<Message> messages = readTs(QStringLiteral(CNAP_TS_UK_FILE));
    ASSERT_FALSE(messages.isEmpty());
    QSet<QString> present;
    for (const Message &m : messages) {
        EXPECT_TRUE(m.numerus) << m.source.toStdString();
        EXPECT_NE(m.type, QStringLiteral("unfinished")) << m.source.toStdString();
        present.insert(m.context + u'\x1f' + m.source);
    }
    // Every %n string of the sources (the English catalogue is in step with
    // them) has its Ukrainian forms.
    for (const Message &m : readTs(QStringLiteral(CNAP_TS_FILE))) {
        if (m.numerus) {
            EXPECT_TRUE(present.contains(m.context + u'\x1f' + m.source))
                << "cnap_uk.ts lacks " << m.source.toStdString() << " (run update_translations)";
        }
    }
}

TEST(Translations, EnglishReachesStringsOfFileLocalTrHelpers)
{
    // Core code translates through file-local helpers whose context differs
    // from the scope lupdate files the string under; they must still show in English.
    ASSERT_TRUE(cnap::installTranslations(QStringLiteral("en")));
    static const QRegularExpression cyrillic(QStringLiteral("[\\x{0400}-\\x{04FF}]"));
    const QStringList texts{
        cnap::Rnokpp::parse(QStringLiteral("123")).error().message,
        cnap::Rnokpp::parse(QStringLiteral("3000012341")).error().message,
        cnap::Edrpou::parse(QStringLiteral("1234567")).error().message,
        cnap::Unzr::parse(QStringLiteral("19820219-0000")).error().message,
        cnap::caseStateDisplayName(cnap::CaseState::Registered),
        cnap::caseStateDisplayName(cnap::CaseState::UnderReview),
        cnap::termDisplay(0, cnap::TermUnit::Auto),
    };
    for (const QString &t : texts) {
        EXPECT_FALSE(t.isEmpty());
        EXPECT_FALSE(cyrillic.match(t).hasMatch()) << "still Ukrainian: " << t.toStdString();
    }
}
