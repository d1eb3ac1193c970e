#include "gui/desk/ApplicantDialog.h"

#include "gui/common/ErrorPresenter.h"
#include "gui/desk/ApplicantFormController.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace cnap::gui::desk {
namespace {
const QString kDateFormat = QStringLiteral("dd.MM.yyyy");

QDate parseDate(const QString &text)
{
    return QDate::fromString(text.trimmed(), kDateFormat);
}
} // namespace

ApplicantDialog::ApplicantDialog(ApplicantFormController *controller, QWidget *parent)
    : QDialog(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("applicantDialog"));
    setWindowTitle(tr("Заявник"));
    buildUi();
    connect(m_controller, &ApplicantFormController::fieldError, this, [this](const QString &field, const QString &message) {
        if (!m_feedback.show(field, message))
            m_status->setText(message);
    });
    connect(m_controller, &ApplicantFormController::duplicatesFound, this, &ApplicantDialog::showDuplicates);
    connect(m_controller, &ApplicantFormController::saved, this, &ApplicantDialog::finish);
    connect(m_controller, &ApplicantFormController::failed, this, [this](const Error &e) {
        m_status->setText(ErrorPresenter::text(e));
    });
    updateKind();
}

QLineEdit *ApplicantDialog::addLine(QFormLayout *form, const QString &field, const QString &label, const QString &objectName)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    auto *box = new QWidget(this);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(1);
    v->addWidget(edit);
    QLabel *error = makeErrorLabel(box, objectName + QStringLiteral("Error"));
    v->addWidget(error);
    form->addRow(label, box);
    m_feedback.bind(field, edit, error);
    connect(edit, &QLineEdit::textEdited, this, &ApplicantDialog::recheck);
    return edit;
}

void ApplicantDialog::buildUi()
{
    auto *root = new QVBoxLayout(this);
    auto *kindRow = new QHBoxLayout;
    m_personRadio = new QRadioButton(tr("&Фізична особа"), this);
    m_personRadio->setObjectName(QStringLiteral("personRadioButton"));
    m_entityRadio = new QRadioButton(tr("&Юридична особа"), this);
    m_entityRadio->setObjectName(QStringLiteral("legalEntityRadioButton"));
    m_personRadio->setChecked(true);
    kindRow->addWidget(m_personRadio);
    kindRow->addWidget(m_entityRadio);
    kindRow->addStretch();
    root->addLayout(kindRow);
    connect(m_personRadio, &QRadioButton::toggled, this, &ApplicantDialog::updateKind);

    m_personBox = new QGroupBox(tr("Особа"), this);
    auto *pf = new QFormLayout(m_personBox);
    m_surname = addLine(pf, QStringLiteral("surname"), tr("Прізвище*"), QStringLiteral("surnameLineEdit"));
    m_givenName = addLine(pf, QStringLiteral("givenName"), tr("Ім'я*"), QStringLiteral("givenNameLineEdit"));
    m_patronymic = addLine(pf, QStringLiteral("patronymic"), tr("По батькові"), QStringLiteral("patronymicLineEdit"));
    m_birthDate = addLine(pf, QStringLiteral("birthDate"), tr("Дата народження*"), QStringLiteral("birthDateLineEdit"));
    m_birthDate->setPlaceholderText(tr("ДД.ММ.РРРР"));
    m_birthDate->setInputMask(QStringLiteral("99.99.9999;_"));
    m_rnokpp = addLine(pf, QStringLiteral("rnokpp"), tr("РНОКПП"), QStringLiteral("rnokppLineEdit"));
    m_rnokpp->setMaxLength(10);
    m_rnokppRefused = new QCheckBox(tr("Відмова від РНОКПП (відмітка в паспорті)"), this);
    m_rnokppRefused->setObjectName(QStringLiteral("rnokppRefusedCheckBox"));
    pf->addRow(QString(), m_rnokppRefused);
    connect(m_rnokppRefused, &QCheckBox::toggled, this, &ApplicantDialog::recheck);
    m_unzr = addLine(pf, QStringLiteral("unzr"), tr("УНЗР"), QStringLiteral("unzrLineEdit"));
    m_unzr->setPlaceholderText(tr("РРРРММДД-NNNNN"));
    m_docType = new QComboBox(this);
    m_docType->setObjectName(QStringLiteral("documentTypeComboBox"));
    m_docType->addItem(tr("—"), static_cast<int>(IdentityDocumentType::None));
    m_docType->addItem(tr("Паспорт-книжечка"), static_cast<int>(IdentityDocumentType::Passport));
    m_docType->addItem(tr("ID-картка"), static_cast<int>(IdentityDocumentType::IdCard));
    m_docType->addItem(tr("Інший документ"), static_cast<int>(IdentityDocumentType::Other));
    auto *typeBox = new QWidget(this);
    auto *tv = new QVBoxLayout(typeBox);
    tv->setContentsMargins(0, 0, 0, 0);
    tv->addWidget(m_docType);
    QLabel *typeError = makeErrorLabel(typeBox, QStringLiteral("documentTypeComboBoxError"));
    tv->addWidget(typeError);
    m_feedback.bind(QStringLiteral("document.type"), m_docType, typeError);
    pf->addRow(tr("Документ"), typeBox);
    connect(m_docType, &QComboBox::currentIndexChanged, this, &ApplicantDialog::recheck);
    m_docNumber = addLine(pf, QStringLiteral("document.number"), tr("Серія та номер"), QStringLiteral("documentNumberLineEdit"));
    m_docIssuer = addLine(pf, QStringLiteral("document.issuer"), tr("Ким виданий"), QStringLiteral("documentIssuerLineEdit"));
    m_docIssueDate = addLine(pf, QStringLiteral("document.issueDate"), tr("Дата видачі"), QStringLiteral("documentIssueDateLineEdit"));
    m_docIssueDate->setInputMask(QStringLiteral("99.99.9999;_"));
    root->addWidget(m_personBox);

    m_entityBox = new QGroupBox(tr("Юридична особа"), this);
    auto *ef = new QFormLayout(m_entityBox);
    m_edrpou = addLine(ef, QStringLiteral("edrpou"), tr("Код ЄДРПОУ*"), QStringLiteral("edrpouLineEdit"));
    m_edrpou->setMaxLength(8);
    m_orgName = addLine(ef, QStringLiteral("organisationName"), tr("Найменування*"), QStringLiteral("organisationNameLineEdit"));
    m_repName = addLine(ef, QStringLiteral("representative.fullName"), tr("Представник (ПІБ)*"), QStringLiteral("representativeNameLineEdit"));
    m_repAuthority = addLine(ef, QStringLiteral("representative.authority"), tr("Документ про повноваження*"),
                             QStringLiteral("representativeAuthorityLineEdit"));
    m_repAuthority->setPlaceholderText(tr("довіреність № … від …, або статут (керівник)"));
    root->addWidget(m_entityBox);

    auto *common = new QGroupBox(tr("Адреса та контакти"), this);
    auto *cf = new QFormLayout(common);
    m_address = addLine(cf, QStringLiteral("address.text"), tr("Зареєстрована адреса"), QStringLiteral("addressLineEdit"));
    m_katottg = addLine(cf, QStringLiteral("address.katottg"), tr("Код КАТОТТГ"), QStringLiteral("katottgLineEdit"));
    m_katottg->setPlaceholderText(QStringLiteral("UA00000000000000000"));
    m_phone = addLine(cf, QStringLiteral("phone"), tr("Телефон"), QStringLiteral("phoneLineEdit"));
    m_email = addLine(cf, QStringLiteral("email"), tr("Електронна пошта"), QStringLiteral("emailLineEdit"));
    m_consent = new QCheckBox(tr("Згода на обробку персональних даних отримана"), this);
    m_consent->setObjectName(QStringLiteral("consentCheckBox"));
    auto *consentBox = new QWidget(this);
    auto *cv = new QVBoxLayout(consentBox);
    cv->setContentsMargins(0, 0, 0, 0);
    cv->addWidget(m_consent);
    QLabel *consentError = makeErrorLabel(consentBox, QStringLiteral("consentCheckBoxError"));
    cv->addWidget(consentError);
    m_feedback.bind(QStringLiteral("consent"), m_consent, consentError);
    cf->addRow(QString(), consentBox);
    root->addWidget(common);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("applicantStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setStyleSheet(QStringLiteral("color: #c62828;"));
    root->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *save = buttons->addButton(tr("&Зберегти"), QDialogButtonBox::AcceptRole);
    save->setObjectName(QStringLiteral("saveApplicantButton"));
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    save->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel)->setText(tr("Скасувати"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(save, &QPushButton::clicked, this, [this]() {
        m_status->clear();
        m_feedback.clearAll();
        m_controller->save(applicant());
    });
    root->addWidget(buttons);
}

void ApplicantDialog::updateKind()
{
    const bool person = m_personRadio->isChecked();
    m_personBox->setVisible(person);
    m_entityBox->setVisible(!person);
    recheck();
}

void ApplicantDialog::recheck()
{
    m_feedback.clearAll();
    const auto problems = ApplicantFormController::fieldProblems(applicant(), QDate::currentDate());
    for (auto it = problems.cbegin(); it != problems.cend(); ++it)
        m_feedback.show(it.key(), it.value());
}

void ApplicantDialog::setApplicant(const Applicant &a)
{
    m_base = a;
    (a.isPerson() ? m_personRadio : m_entityRadio)->setChecked(true);
    m_surname->setText(a.surname);
    m_givenName->setText(a.givenName);
    m_patronymic->setText(a.patronymic);
    m_birthDate->setText(a.birthDate.isValid() ? a.birthDate.toString(kDateFormat) : QString());
    m_rnokpp->setText(a.rnokpp);
    m_rnokppRefused->setChecked(a.rnokppRefused);
    m_unzr->setText(a.unzr);
    m_docType->setCurrentIndex(std::max(0, m_docType->findData(static_cast<int>(a.document.type))));
    m_docNumber->setText(a.document.number);
    m_docIssuer->setText(a.document.issuer);
    m_docIssueDate->setText(a.document.issueDate.isValid() ? a.document.issueDate.toString(kDateFormat) : QString());
    m_edrpou->setText(a.edrpou);
    m_orgName->setText(a.organisationName);
    m_repName->setText(a.representative.fullName);
    m_repAuthority->setText(a.representative.authority);
    m_address->setText(a.address.text);
    m_katottg->setText(a.address.katottg);
    m_phone->setText(a.phone);
    m_email->setText(a.email);
    m_consent->setChecked(a.consentGiven);
    setWindowTitle(a.id > 0 ? tr("Заявник: %1").arg(a.displayName()) : tr("Новий заявник"));
    updateKind();
}

Applicant ApplicantDialog::applicant() const
{
    Applicant a = m_base;
    a.kind = m_personRadio->isChecked() ? ApplicantKind::Person : ApplicantKind::LegalEntity;
    a.surname = m_surname->text();
    a.givenName = m_givenName->text();
    a.patronymic = m_patronymic->text();
    a.birthDate = parseDate(m_birthDate->text());
    a.rnokpp = m_rnokpp->text().trimmed();
    a.rnokppRefused = m_rnokppRefused->isChecked();
    a.unzr = m_unzr->text().trimmed();
    a.document.type = static_cast<IdentityDocumentType>(m_docType->currentData().toInt());
    a.document.number = m_docNumber->text();
    a.document.issuer = m_docIssuer->text();
    a.document.issueDate = parseDate(m_docIssueDate->text());
    a.edrpou = m_edrpou->text().trimmed();
    a.organisationName = m_orgName->text();
    a.representative.fullName = m_repName->text();
    a.representative.authority = m_repAuthority->text();
    a.address.text = m_address->text();
    a.address.katottg = m_katottg->text().trimmed();
    a.phone = m_phone->text();
    a.email = m_email->text();
    if (m_consent->isChecked() != a.consentGiven || (m_consent->isChecked() && !a.consentAt.isValid()))
        a.consentAt = m_consent->isChecked() ? QDateTime::currentDateTimeUtc() : QDateTime();
    a.consentGiven = m_consent->isChecked();
    return a;
}

void ApplicantDialog::showDuplicates(const std::vector<Applicant> &candidates)
{
    // Duplicates are found, not created: the clerk picks the record on file, or
    // states that this is another person (namesakes born the same day exist).
    auto *box = new QMessageBox(QMessageBox::Question, tr("Заявник уже є в базі?"), QString(), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("duplicatesMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QStringList lines;
    for (const Applicant &a : candidates)
        lines << tr("• %1, %2").arg(a.displayName(), a.isPerson() ? a.birthDate.toString(kDateFormat) : a.edrpou);
    box->setText(tr("Знайдено схожих заявників:\n%1").arg(lines.join(u'\n')));
    QPushButton *useFirst = box->addButton(tr("Обрати наявного"), QMessageBox::AcceptRole);
    QPushButton *createNew = box->addButton(tr("Це інша особа — створити"), QMessageBox::DestructiveRole);
    box->addButton(tr("Повернутися до форми"), QMessageBox::RejectRole);
    box->setDefaultButton(useFirst);
    const Applicant first = candidates.front();
    connect(useFirst, &QPushButton::clicked, this, [this, first]() { finish(first); });
    connect(createNew, &QPushButton::clicked, this, [this]() { m_controller->save(applicant(), true); });
    box->open();
}

void ApplicantDialog::finish(const Applicant &a)
{
    m_result = a;
    Q_EMIT applicantChosen(a);
    accept();
}

} // namespace cnap::gui::desk
