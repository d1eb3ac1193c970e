#pragma once

// Password rules for staff accounts.  Follows the spirit of NIST SP 800-63B
// (length first, a deny-list of common passwords) with the complexity rule the
// Ukrainian technical protection guidance (НД ТЗІ 2.5-004-99, КЗЗ "ідентифікація
// та автентифікація") is usually audited against: three character classes, or a
// long passphrase instead.

#include "core/Result.h"

#include <QString>

namespace cnap::security {

struct PasswordPolicy final {
    static constexpr int kMinLength = 10;
    static constexpr int kPassphraseLength = 16;  ///< from here on, classes are not required
    static constexpr int kMaxLength = 256;        ///< bounds the KDF input

    /// OK, or InvalidArgument on field "password" naming the first rule broken (Ukrainian).
    [[nodiscard]] static Status check(const QString &login, const QString &password);
    /// The rules as one sentence for the UI ("Пароль: щонайменше 10 символів, ...").
    [[nodiscard]] static QString describe();
};

} // namespace cnap::security
