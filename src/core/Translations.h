#pragma once

#include <QString>

namespace cnap {

/// Installs the translator for `language` ("uk" is the source language and needs
/// none; "en" loads the embedded English catalogue).  Empty: the system locale.
/// Returns false when the language is unknown.
bool installTranslations(const QString &language);

/// The language actually in use: "uk" or "en".
QString currentLanguage();

} // namespace cnap
