#include "gui/desk/TransitionDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cnap::gui::desk {

TransitionDialog::TransitionDialog(CaseState from, CaseState to, QWidget *parent)
    : QDialog(parent), m_from(from), m_to(to)
{
    setObjectName(QStringLiteral("transitionDialog"));
    setWindowTitle(tr("%1 → %2").arg(caseStateDisplayName(from), caseStateDisplayName(to)));
    auto *root = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    const bool issuance = to == CaseState::Issued;
    if (issuance) {
        m_issuedTo = new QLineEdit(this);
        m_issuedTo->setObjectName(QStringLiteral("issuedToLineEdit"));
        m_issuedTo->setPlaceholderText(tr("ПІБ того, хто отримав результат"));
        form->addRow(tr("Кому видано*"), m_issuedTo);
        m_issuedDocument = new QLineEdit(this);
        m_issuedDocument->setObjectName(QStringLiteral("issuedDocumentLineEdit"));
        m_issuedDocument->setPlaceholderText(tr("документ, що посвідчує особу: вид, серія, номер"));
        form->addRow(tr("Перевірений документ*"), m_issuedDocument);
    }
    m_comment = new QPlainTextEdit(this);
    m_comment->setObjectName(QStringLiteral("transitionCommentEdit"));
    m_comment->setTabChangesFocus(true);
    const bool needsReason = to == CaseState::Refused || to == CaseState::Suspended || to == CaseState::LeftWithoutConsideration
                          || to == CaseState::ReturnedIncomplete || to == CaseState::Withdrawn;
    form->addRow(needsReason ? tr("Підстави*") : tr("Коментар"), m_comment);
    root->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("transitionErrorLabel"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setWordWrap(true);
    root->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *ok = buttons->addButton(tr("Застосувати (Ctrl+Enter)"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("applyTransitionButton"));
    ok->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    buttons->addButton(QDialogButtonBox::Cancel)->setText(tr("Скасувати"));
    connect(ok, &QPushButton::clicked, this, &TransitionDialog::tryAccept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    root->addWidget(buttons);
    resize(480, 260);
}

void TransitionDialog::setRequest(const TransitionRequest &request)
{
    m_comment->setPlainText(request.comment);
    if (m_issuedTo)
        m_issuedTo->setText(request.issuedTo);
    if (m_issuedDocument)
        m_issuedDocument->setText(request.issuedDocument);
}

TransitionRequest TransitionDialog::request() const
{
    TransitionRequest r;
    r.to = m_to;
    r.comment = m_comment->toPlainText().trimmed();
    if (m_issuedTo)
        r.issuedTo = m_issuedTo->text().trimmed();
    if (m_issuedDocument)
        r.issuedDocument = m_issuedDocument->text().trimmed();
    return r;
}

void TransitionDialog::tryAccept()
{
    // The workflow states what each step needs; the dialog only shows it.
    if (auto s = checkTransition(m_from, request()); !s) {
        m_error->setText(s.error().message);
        return;
    }
    accept();
}

} // namespace cnap::gui::desk
