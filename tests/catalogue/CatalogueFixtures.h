#pragma once

// Shared helpers for the catalogue tests: small valid cards and file snippets.

#include "core/catalogue/ServiceCard.h"
#include "support/TestEnv.h"

#include <QByteArray>
#include <QDir>
#include <QString>

namespace cnap::test {

inline QString catalogueXsd() { return QDir(sourceDir()).filePath(QStringLiteral("schemas/catalogue.xsd")); }
inline QString shippedCatalogue() { return QDir(sourceDir()).filePath(QStringLiteral("resources/catalog/services.xml")); }

/// A valid paper-route card with one mandatory document.
inline ServiceCard sampleCard(const QString &code, const QString &name = QStringLiteral("Тестова послуга"))
{
    ServiceCard c(ServiceCode::parse(code).value());
    c.name = name;
    c.provider.name = QStringLiteral("Виконавчий комітет міської ради");
    c.documents.push_back({QStringLiteral("Заява"), DocumentForm::Original, true, {}});
    c.term = 5;
    c.termUnit = TermUnit::WorkingDays;
    c.feeKopecks = 0;
    c.legalBasis = QStringLiteral("Закон України «Про адміністративні послуги» від 06.09.2012 № 5203-VI");
    c.result = QStringLiteral("Рішення");
    return c;
}

/// One <service> element body (without the element itself) that validates.
inline QByteArray serviceBody(const QByteArray &code = "00049")
{
    return "  <service code=\"" + code + "\">\n"
           "    <name>Послуга " + code + "</name>\n"
           "    <provider>\n"
           "      <name>Виконком</name>\n"
           "    </provider>\n"
           "    <documents>\n"
           "      <document form=\"original\" mandatory=\"true\">\n"
           "        <name>Заява</name>\n"
           "      </document>\n"
           "    </documents>\n"
           "    <term unit=\"working-days\">5</term>\n"
           "    <fee kopecks=\"0\">Безоплатно</fee>\n"
           "    <legalBasis>Закон № 5203-VI</legalBasis>\n"
           "    <result>Рішення</result>\n"
           "    <route>\n"
           "      <paper/>\n"
           "    </route>\n"
           "  </service>\n";
}

/// A whole catalogue file around the given services (line 1 declaration, line 2 root).
inline QByteArray catalogueFile(const QByteArray &services)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<catalogue xmlns=\"urn:cnap:catalogue:1\" version=\"1\">\n"
           + services + "</catalogue>\n";
}

} // namespace cnap::test
