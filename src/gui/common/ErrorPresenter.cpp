#include "gui/common/ErrorPresenter.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace cnap::gui {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::gui::ErrorPresenter", s); }
} // namespace

QString ErrorPresenter::title(const Error &error)
{
    switch (error.code) {
    case ErrorCode::InvalidArgument: return tr("Некоректні дані");
    case ErrorCode::NotFound: return tr("Не знайдено");
    case ErrorCode::AlreadyExists: return tr("Вже існує");
    case ErrorCode::Conflict: return tr("Конфлікт змін");
    case ErrorCode::IllegalTransition: return tr("Дія недоступна");
    case ErrorCode::PermissionDenied: return tr("Недостатньо прав");
    case ErrorCode::Unauthenticated: return tr("Потрібен вхід");
    case ErrorCode::Network: case ErrorCode::Timeout: return tr("Немає з'єднання");
    case ErrorCode::SchemaTooNew: return tr("Потрібне оновлення програми");
    default: return tr("Помилка");
    }
}

QString ErrorPresenter::text(const Error &error)
{
    return error.message;
}

void ErrorPresenter::show(QWidget *parent, const Error &error)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title(error), text(error), QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);
    box->open();
}

} // namespace cnap::gui
