#include "gui/admin/UsersController.h"

#include "crypto/Hash.h"
#include "gui/admin/UsersModel.h"
#include "gui/common/TaskRunner.h"
#include "security/PasswordPolicy.h"
#include "services/AuthService.h"

namespace cnap::gui::admin {

UsersController::UsersController(AppContext context, crypto::ScryptParams params, QObject *parent)
    : QObject(parent), m_context(std::move(context)), m_params(params), m_model(new UsersModel(this))
{
}

void UsersController::reload()
{
    auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    const auto params = m_params;
    m_context.runner->run(this, [db, actor, clock, params]() {
        return services::AuthService(db, *clock, params).listUsers(actor);
    }, [this](Result<std::vector<security::AccountSummary>> result) {
        if (!result) {
            m_model->resetWith({}, m_context.clock->now());
            Q_EMIT failed(result.error());
            return;
        }
        m_model->resetWith(result.value(), m_context.clock->now());
        Q_EMIT loaded(m_model->rowCount());
    });
}

void UsersController::addUser(security::NewAccount account)
{
    const bool generated = account.password.isEmpty();
    if (generated)
        account.password = generateTemporaryPassword();
    account.mustChangePassword = true;
    auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    const auto params = m_params;
    m_context.runner->run(this, [db, actor, clock, params, account]() {
        return services::AuthService(db, *clock, params).addUser(actor, account);
    }, [this, login = account.login, shown = generated ? account.password : QString()](Result<qint64> result) {
        if (!result) {
            Q_EMIT failed(result.error());
            return;
        }
        Q_EMIT userAdded(login, shown);
        reload();
    });
}

void UsersController::resetPassword(const QString &login)
{
    const QString password = generateTemporaryPassword();
    auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    const auto params = m_params;
    m_context.runner->run(this, [db, actor, clock, params, login, password]() {
        return services::AuthService(db, *clock, params).resetPassword(actor, login, password, true);
    }, [this, login, password](Status result) {
        if (!result) {
            Q_EMIT failed(result.error());
            return;
        }
        Q_EMIT passwordReset(login, password);
        reload();
    });
}

void UsersController::setDisabled(const QString &login, bool disabled)
{
    auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    const auto params = m_params;
    m_context.runner->run(this, [db, actor, clock, params, login, disabled]() {
        return services::AuthService(db, *clock, params).setDisabled(actor, login, disabled);
    }, [this, login, disabled](Status result) {
        if (!result) {
            Q_EMIT failed(result.error());
            return;
        }
        Q_EMIT disabledChanged(login, disabled);
        reload();
    });
}

QString UsersController::generateTemporaryPassword()
{
    static const QString lower = QStringLiteral("abcdefghijkmnpqrstuvwxyz");
    static const QString upper = QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZ");
    static const QString digits = QStringLiteral("23456789");
    static const QString signs = QStringLiteral("-_+=%#");
    static const QString all = lower + upper + digits + signs;
    constexpr int kLength = 14;
    for (;;) {
        // Rejection sampling keeps every character uniform (no modulo bias).
        const QByteArray random = crypto::randomBytes(kLength * 4);
        QString password;
        for (char c : random) {
            const int v = static_cast<unsigned char>(c);
            if (v >= 256 - (256 % int(all.size())))
                continue;
            password += all.at(v % int(all.size()));
            if (password.size() == kLength)
                break;
        }
        if (password.size() < kLength)
            continue;
        auto has = [&password](const QString &set) {
            for (QChar ch : password) {
                if (set.contains(ch))
                    return true;
            }
            return false;
        };
        if (has(lower) && has(upper) && has(digits) && has(signs)
            && security::PasswordPolicy::check(QString(), password).ok())
            return password;
    }
}

} // namespace cnap::gui::admin
