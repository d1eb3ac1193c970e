<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="uk_UA">
    <context>
        <name>AddUserDialog</name>
        <message>
            <source>Новий користувач</source>
            <translation>New user</translation>
        </message>
        <message>
            <source>&amp;Логін:</source>
            <translation>&amp;Username:</translation>
        </message>
        <message>
            <source>малі латинські літери, цифри, . _ -</source>
            <translation>lowercase Latin letters, digits, . _ -</translation>
        </message>
        <message>
            <source>&amp;Ім’я:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>&amp;Роль:</source>
            <translation>&amp;Role:</translation>
        </message>
        <message>
            <source>&amp;Згенерувати тимчасовий пароль (буде показано один раз)</source>
            <translation>&amp;Generate a temporary password (shown only once)</translation>
        </message>
        <message>
            <source>&amp;Тимчасовий пароль:</source>
            <translation>&amp;Temporary password:</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Вхід до робочого місця ЦНАП</source>
            <translation>Sign in to the service centre workstation</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Центр надання адміністративних послуг&lt;/h2&gt;</source>
            <translation>&lt;h2&gt;Administrative Service Centre&lt;/h2&gt;</translation>
        </message>
        <message>
            <source>&amp;Логін:</source>
            <translation>&amp;Username:</translation>
        </message>
        <message>
            <source>&amp;Пароль:</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <source>&amp;Вікно (робоче місце):</source>
            <translation>&amp;Desk (workstation):</translation>
        </message>
    </context>
    <context>
        <name>Transaction</name>
        <message>
            <source>немає з'єднання з базою даних</source>
            <translation>no connection to the database</translation>
        </message>
        <message>
            <source>не вдалося почати транзакцію</source>
            <translation>could not start a transaction</translation>
        </message>
        <message>
            <source>транзакцію вже завершено</source>
            <translation>the transaction has already finished</translation>
        </message>
        <message>
            <source>не вдалося зберегти зміни</source>
            <translation>could not save changes</translation>
        </message>
    </context>
    <context>
        <name>cnap</name>
        <message>
            <source>ім'я та прізвище не можуть містити цифр</source>
            <translation>first name and surname cannot contain digits</translation>
        </message>
        <message>
            <source>вкажіть тип документа, що посвідчує особу</source>
            <translation>specify the type of identity document</translation>
        </message>
        <message>
            <source>номер документа, що посвідчує особу, не вказано</source>
            <translation>identity document number is missing</translation>
        </message>
        <message>
            <source>дата видачі документа не може бути в майбутньому</source>
            <translation>document issue date cannot be in the future</translation>
        </message>
        <message>
            <source>дата видачі документа раніша за дату народження</source>
            <translation>document issue date is earlier than the date of birth</translation>
        </message>
        <message>
            <source>прізвище не вказано</source>
            <translation>surname is missing</translation>
        </message>
        <message>
            <source>ім'я не вказано</source>
            <translation>first name is missing</translation>
        </message>
        <message>
            <source>дату народження не вказано</source>
            <translation>date of birth is missing</translation>
        </message>
        <message>
            <source>дата народження не може бути в майбутньому</source>
            <translation>date of birth cannot be in the future</translation>
        </message>
        <message>
            <source>дата народження раніша за 01.01.1900 — перевірте рік</source>
            <translation>date of birth is earlier than 01.01.1900 — check the year</translation>
        </message>
        <message>
            <source>вказано і РНОКПП, і відмову від нього — залиште щось одне</source>
            <translation>both an RNOKPP and a refusal of it are given — keep only one</translation>
        </message>
        <message>
            <source>особа відмовилася від РНОКПП: потрібні дані паспорта з відміткою про відмову</source>
            <translation>the person has refused an RNOKPP: passport details with the refusal mark are required</translation>
        </message>
        <message>
            <source>РНОКПП не вказано; якщо особа відмовилася від нього, позначте відмову і внесіть дані паспорта</source>
            <translation>RNOKPP is missing; if the person has refused it, tick the refusal and enter the passport details</translation>
        </message>
        <message>
            <source>дата народження в РНОКПП (%1) не збігається з указаною (%2)</source>
            <translation>date of birth in the RNOKPP (%1) does not match the one entered (%2)</translation>
        </message>
        <message>
            <source>дата народження в УНЗР (%1) не збігається з указаною (%2)</source>
            <translation>date of birth in the UNZR (%1) does not match the one entered (%2)</translation>
        </message>
        <message>
            <source>найменування юридичної особи не вказано</source>
            <translation>legal entity name is missing</translation>
        </message>
        <message>
            <source>ПІБ представника юридичної особи не вказано</source>
            <translation>full name of the legal entity's representative is missing</translation>
        </message>
        <message>
            <source>не вказано документ, що підтверджує повноваження представника (наприклад, довіреність № … від …)</source>
            <translation>no document confirming the representative's authority is given (e.g. power of attorney No. … of …)</translation>
        </message>
        <message>
            <source>номер телефону неправильний: очікується, наприклад, +380 67 123 45 67</source>
            <translation>invalid phone number: expected e.g. +380 67 123 45 67</translation>
        </message>
        <message>
            <source>адреса електронної пошти неправильна</source>
            <translation>invalid email address</translation>
        </message>
        <message>
            <source>немає згоди на обробку персональних даних (Закон України «Про захист персональних даних»)</source>
            <translation>no consent to the processing of personal data (Law of Ukraine “On Personal Data Protection”)</translation>
        </message>
        <message>
            <source>не вказано, коли надано згоду на обробку персональних даних</source>
            <translation>the date of consent to personal data processing is missing</translation>
        </message>
        <message>
            <source>строк має бути цілим числом не менше 1</source>
            <translation>the term must be a whole number of at least 1</translation>
        </message>
        <message>
            <source>строк не може перевищувати %1 (%2)</source>
            <translation>the term cannot exceed %1 (%2)</translation>
        </message>
        <message>
            <source>невідома одиниця строку «%1»; допустимі: working-days, calendar-days, hours, auto</source>
            <translation>unknown term unit “%1”; allowed: working-days, calendar-days, hours, auto</translation>
        </message>
        <message>
            <source>недійсна дата події</source>
            <translation>invalid event date</translation>
        </message>
        <message>
            <source>невідома одиниця строку</source>
            <translation>unknown term unit</translation>
        </message>
        <message>
            <source>недійсний час події</source>
            <translation>invalid event time</translation>
        </message>
        <message>
            <source>невідомий стан справи «%1»; допустимі: %2</source>
            <translation>unknown case state “%1”; allowed: %2</translation>
        </message>
        <message>
            <source>Зареєстровано</source>
            <translation>Registered</translation>
        </message>
        <message>
            <source>Передано суб'єкту надання</source>
            <translation>Sent to service provider</translation>
        </message>
        <message>
            <source>На розгляді</source>
            <translation>Under review</translation>
        </message>
        <message>
            <source>Очікує відповіді реєстру</source>
            <translation>Awaiting registry response</translation>
        </message>
        <message>
            <source>Розгляд зупинено</source>
            <translation>Review suspended</translation>
        </message>
        <message>
            <source>Прийнято рішення про надання</source>
            <translation>Service granted</translation>
        </message>
        <message>
            <source>Відмовлено</source>
            <translation>Refused</translation>
        </message>
        <message>
            <source>Залишено без розгляду</source>
            <translation>Left without consideration</translation>
        </message>
        <message>
            <source>Результат надійшов до ЦНАП</source>
            <translation>Result received at centre</translation>
        </message>
        <message>
            <source>Заявника повідомлено</source>
            <translation>Applicant notified</translation>
        </message>
        <message>
            <source>Видано особисто</source>
            <translation>Issued in person</translation>
        </message>
        <message>
            <source>Надіслано поштою</source>
            <translation>Sent by post</translation>
        </message>
        <message>
            <source>Закрито</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>Відкликано заявником</source>
            <translation>Withdrawn by applicant</translation>
        </message>
        <message>
            <source>Повернуто як неповний пакет</source>
            <translation>Returned as incomplete</translation>
        </message>
        <message>
            <source>справа вже у стані %1</source>
            <translation>the case is already in state %1</translation>
        </message>
        <message>
            <source>справа у стані %1 остаточна: змінити її стан неможливо</source>
            <translation>state %1 is final: the case state cannot be changed</translation>
        </message>
        <message>
            <source>не можна перевести справу зі стану %1 у стан %2; зі стану %1 можливо: %3</source>
            <translation>cannot move the case from state %1 to state %2; from state %1 the options are: %3</translation>
        </message>
        <message>
            <source>вкажіть підставу зупинення розгляду</source>
            <translation>specify the grounds for suspending the review</translation>
        </message>
        <message>
            <source>вкажіть підстави відмови</source>
            <translation>specify the grounds for refusal</translation>
        </message>
        <message>
            <source>вкажіть підстави залишення без розгляду</source>
            <translation>specify the grounds for leaving the application without consideration</translation>
        </message>
        <message>
            <source>вкажіть, яких документів бракує</source>
            <translation>specify which documents are missing</translation>
        </message>
        <message>
            <source>вкажіть, кому видано результат</source>
            <translation>specify to whom the result was issued</translation>
        </message>
        <message>
            <source>вкажіть документ, що посвідчує особу отримувача</source>
            <translation>specify the recipient's identity document</translation>
        </message>
        <message>
            <source>%1: не заповнено</source>
            <translation>%1: not filled in</translation>
        </message>
        <message>
            <source>%1: задовгий текст (%2 символів, межа %3)</source>
            <translation>%1: text too long (%2 characters, limit %3)</translation>
        </message>
        <message>
            <source>%1: містить недопустимі керівні символи</source>
            <translation>%1: contains invalid control characters</translation>
        </message>
        <message>
            <source>невідома форма документа «%1» (допустимо: original, copy, original-and-copy)</source>
            <translation>unknown document form “%1” (allowed: original, copy, original-and-copy)</translation>
        </message>
        <message>
            <source>оригінал</source>
            <translation>original</translation>
        </message>
        <message>
            <source>копія</source>
            <translation>copy</translation>
        </message>
        <message>
            <source>оригінал і копія</source>
            <translation>original and copy</translation>
        </message>
        <message>
            <source>невідома одиниця строку «%1» (допустимо: working-days, calendar-days, hours, auto)</source>
            <translation>unknown term unit “%1” (allowed: working-days, calendar-days, hours, auto)</translation>
        </message>
        <message>
            <source>автоматично, під час звернення</source>
            <translation>automatically, on application</translation>
        </message>
        <message>
            <source>невідомий спосіб передачі «%1» (допустимо: paper, registry)</source>
            <translation>unknown transfer method “%1” (allowed: paper, registry)</translation>
        </message>
        <message>
            <source>назва послуги</source>
            <translation>service name</translation>
        </message>
        <message>
            <source>суб'єкт надання</source>
            <translation>service provider</translation>
        </message>
        <message>
            <source>перелік документів: потрібен щонайменше один документ</source>
            <translation>document list: at least one document is required</translation>
        </message>
        <message>
            <source>перелік документів: забагато документів (межа %1)</source>
            <translation>document list: too many documents (limit %1)</translation>
        </message>
        <message>
            <source>документ %1, назва</source>
            <translation>document %1, name</translation>
        </message>
        <message>
            <source>документ %1, примітка</source>
            <translation>document %1, note</translation>
        </message>
        <message>
            <source>документ %1: для документа, що подається за умови, потрібна примітка з умовою</source>
            <translation>document %1: a conditionally required document needs a note stating the condition</translation>
        </message>
        <message>
            <source>строк: для автоматичного надання строк має бути 0, а не %1</source>
            <translation>term: for automatic provision the term must be 0, not %1</translation>
        </message>
        <message>
            <source>строк: має бути від 1 до %1 годин, а не %2</source>
            <translation>term: must be between 1 and %1 hours, not %2</translation>
        </message>
        <message>
            <source>строк: має бути від 1 до %1 днів, а не %2</source>
            <translation>term: must be between 1 and %1 days, not %2</translation>
        </message>
        <message>
            <source>плата: має бути від 0 до %1 копійок</source>
            <translation>fee: must be between 0 and %1 kopiykas</translation>
        </message>
        <message>
            <source>примітка до плати</source>
            <translation>fee note</translation>
        </message>
        <message>
            <source>правові підстави</source>
            <translation>legal basis</translation>
        </message>
        <message>
            <source>результат надання послуги</source>
            <translation>service outcome</translation>
        </message>
        <message>
            <source>код сервісу реєстру «%1» некоректний (латинські літери й цифри, напр. RegisterResidence)</source>
            <translation>registry service code “%1” is invalid (Latin letters and digits, e.g. RegisterResidence)</translation>
        </message>
        <message>
            <source>версія сервісу реєстру «%1» некоректна (напр. v1)</source>
            <translation>registry service version “%1” is invalid (e.g. v1)</translation>
        </message>
        <message>
            <source>сервіс реєстру вказано, але послуга передається в паперовому вигляді</source>
            <translation>a registry service is specified, but the service is transferred on paper</translation>
        </message>
        <message>
            <source>невідома роль «%1»; можливі: clerk, supervisor, admin, kiosk, display</source>
            <translation>unknown role “%1”; allowed: clerk, supervisor, admin, kiosk, display</translation>
        </message>
        <message>
            <source>адміністратор ЦНАП</source>
            <translation>clerk</translation>
        </message>
        <message>
            <source>керівник ЦНАП</source>
            <translation>head of the centre</translation>
        </message>
        <message>
            <source>системний адміністратор</source>
            <translation>system administrator</translation>
        </message>
        <message>
            <source>кіоск</source>
            <translation>kiosk</translation>
        </message>
        <message>
            <source>табло</source>
            <translation>display board</translation>
        </message>
        <message>
            <source>системний інструмент</source>
            <translation>system tool</translation>
        </message>
        <message>
            <source>недостатньо прав: роль «%1» не може виконати цю дію</source>
            <translation>insufficient permissions: role “%1” cannot perform this action</translation>
        </message>
        <message>
            <source>невідомий спосіб отримання результату «%1»; допустимі: in-person, post, email</source>
            <translation>unknown result delivery method “%1”; allowed: in-person, post, email</translation>
        </message>
        <message>
            <source>особисто в ЦНАП</source>
            <translation>in person at the centre</translation>
        </message>
        <message>
            <source>поштою</source>
            <translation>by post</translation>
        </message>
        <message>
            <source>електронною поштою</source>
            <translation>by email</translation>
        </message>
        <message>
            <source>невідомий канал звернення «%1»; допустимі: in-person, representative, post, online</source>
            <translation>unknown application channel “%1”; allowed: in-person, representative, post, online</translation>
        </message>
        <message>
            <source>особисто</source>
            <translation>in person</translation>
        </message>
        <message>
            <source>через представника</source>
            <translation>through a representative</translation>
        </message>
        <message>
            <source>онлайн</source>
            <translation>online</translation>
        </message>
        <message>
            <source>строк спливає</source>
            <translation>due soon</translation>
        </message>
        <message>
            <source>прострочено</source>
            <translation>overdue</translation>
        </message>
        <message>
            <source>некоректна дата реєстрації</source>
            <translation>invalid registration date</translation>
        </message>
        <message>
            <source>строк надання послуги не може бути від'ємним</source>
            <translation>the service term cannot be negative</translation>
        </message>
        <message>
            <source>шаблон номера має містити від 1 до 100 символів</source>
            <translation>the number template must be 1 to 100 characters long</translation>
        </message>
        <message>
            <source>ширина номера {seq:0N} — від 1 до 12 цифр</source>
            <translation>number width {seq:0N} must be 1 to 12 digits</translation>
        </message>
        <message>
            <source>невідомий заповнювач «%1»; допустимі: {journal}, {year}, {seq}, {seq:06}</source>
            <translation>unknown placeholder “%1”; allowed: {journal}, {year}, {seq}, {seq:06}</translation>
        </message>
        <message>
            <source>незакрита або зайва фігурна дужка в шаблоні номера</source>
            <translation>unclosed or extra curly brace in the number template</translation>
        </message>
        <message>
            <source>шаблон номера має містити {year} і {seq}: лічильник журналу щороку починається з 1</source>
            <translation>the number template must contain {year} and {seq}: the journal counter restarts at 1 every year</translation>
        </message>
        <message>
            <source>порядковий номер має бути додатним</source>
            <translation>the sequence number must be positive</translation>
        </message>
        <message>
            <source>код журналу — від 1 до 20 літер, цифр, «-» або «_»</source>
            <translation>journal code: 1 to 20 letters, digits, “-” or “_”</translation>
        </message>
        <message>
            <source>файл «%1» порожній</source>
            <translation>file “%1” is empty</translation>
        </message>
        <message>
            <source>файл «%1» завеликий: %2, а дозволено не більше %3</source>
            <translation>file “%1” is too large: %2, the limit is %3</translation>
        </message>
        <message>
            <source>файл «%1» названо як %2, але його вміст не є %2; відскануйте документ ще раз</source>
            <translation>file “%1” is named as %2, but its content is not %2; scan the document again</translation>
        </message>
        <message>
            <source>файл «%1» має непідтримуваний формат; приймаються PDF, JPEG, PNG і TIFF</source>
            <translation>file “%1” has an unsupported format; PDF, JPEG, PNG and TIFF are accepted</translation>
        </message>
        <message>
            <source>файл «%1» названо як %2, але за вмістом це %3</source>
            <translation>file “%1” is named as %2, but its content is %3</translation>
        </message>
    </context>
    <context>
        <name>cnap::Edrpou</name>
        <message>
            <source>код ЄДРПОУ не вказано</source>
            <translation>EDRPOU code is missing</translation>
        </message>
        <message>
            <source>код ЄДРПОУ має складатися рівно з 8 цифр</source>
            <translation>EDRPOU code must be exactly 8 digits</translation>
        </message>
        <message>
            <source>неправильна контрольна цифра коду ЄДРПОУ</source>
            <translation>invalid EDRPOU code check digit</translation>
        </message>
    </context>
    <context>
        <name>cnap::IdCardNumber</name>
        <message>
            <source>номер ID-картки не вказано</source>
            <translation>ID card number is missing</translation>
        </message>
        <message>
            <source>номер ID-картки має складатися рівно з 9 цифр</source>
            <translation>ID card number must be exactly 9 digits</translation>
        </message>
    </context>
    <context>
        <name>cnap::Katottg</name>
        <message>
            <source>код КАТОТТГ не вказано</source>
            <translation>KATOTTH code is missing</translation>
        </message>
        <message>
            <source>код КАТОТТГ має формат UA і 17 цифр</source>
            <translation>KATOTTH code must be UA followed by 17 digits</translation>
        </message>
    </context>
    <context>
        <name>cnap::PassportNumber</name>
        <message>
            <source>серію та номер паспорта не вказано</source>
            <translation>passport series and number are missing</translation>
        </message>
        <message>
            <source>паспорт-книжечка: дві літери серії та 6 цифр номера (наприклад, КА123456)</source>
            <translation>passport booklet: two series letters and a 6-digit number (e.g. KA123456)</translation>
        </message>
        <message>
            <source>серія паспорта має складатися з двох українських літер</source>
            <translation>passport series must be two Ukrainian letters</translation>
        </message>
        <message>
            <source>номер паспорта має складатися з 6 цифр</source>
            <translation>passport number must be 6 digits</translation>
        </message>
    </context>
    <context>
        <name>cnap::Rnokpp</name>
        <message>
            <source>РНОКПП не вказано</source>
            <translation>RNOKPP is missing</translation>
        </message>
        <message>
            <source>РНОКПП має складатися рівно з 10 цифр</source>
            <translation>RNOKPP must be exactly 10 digits</translation>
        </message>
        <message>
            <source>неправильна контрольна цифра РНОКПП</source>
            <translation>invalid RNOKPP check digit</translation>
        </message>
        <message>
            <source>РНОКПП не містить дати народження (перші п'ять цифр — нулі)</source>
            <translation>RNOKPP does not contain a date of birth (the first five digits are zeros)</translation>
        </message>
        <message>
            <source>дата народження, закодована в РНОКПП (%1), ще не настала</source>
            <translation>the date of birth encoded in the RNOKPP (%1) is in the future</translation>
        </message>
    </context>
    <context>
        <name>cnap::ServiceCard</name>
        <message numerus="yes">
            <source>%n робочих днів</source>
            <translation>
                <numerusform>%n working day</numerusform>
                <numerusform>%n working days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n календарних днів</source>
            <translation>
                <numerusform>%n calendar day</numerusform>
                <numerusform>%n calendar days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n годин</source>
            <translation>
                <numerusform>%n hour</numerusform>
                <numerusform>%n hours</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>cnap::ServiceCode</name>
        <message>
            <source>код послуги не вказано</source>
            <translation>service code is missing</translation>
        </message>
        <message>
            <source>код послуги «%1» має складатися з 5 цифр (ідентифікатор Реєстру адміністративних послуг, напр. 00049) або з літери L і 4 цифр для місцевої послуги (напр. L0001)</source>
            <translation>service code “%1” must be 5 digits (Register of Administrative Services identifier, e.g. 00049) or the letter L followed by 4 digits for a local service (e.g. L0001)</translation>
        </message>
    </context>
    <context>
        <name>cnap::Unzr</name>
        <message>
            <source>УНЗР не вказано</source>
            <translation>UNZR is missing</translation>
        </message>
        <message>
            <source>УНЗР має формат РРРРММДД-NNNNC (8 цифр дати, дефіс, 5 цифр)</source>
            <translation>UNZR must be in the format YYYYMMDD-NNNNC (8-digit date, hyphen, 5 digits)</translation>
        </message>
        <message>
            <source>перші 8 цифр УНЗР не є реальною датою</source>
            <translation>the first 8 digits of the UNZR are not a valid date</translation>
        </message>
        <message>
            <source>неправильна контрольна цифра УНЗР</source>
            <translation>invalid UNZR check digit</translation>
        </message>
    </context>
    <context>
        <name>cnap::WorkingCalendar</name>
        <message>
            <source>недійсна дата</source>
            <translation>invalid date</translation>
        </message>
        <message>
            <source>дата %1 не належить до %2 року</source>
            <translation>date %1 is not in year %2</translation>
        </message>
        <message>
            <source>дата %1 не може бути одночасно неробочою і робочою</source>
            <translation>date %1 cannot be both a non-working and a working day</translation>
        </message>
    </context>
    <context>
        <name>cnap::cli</name>
        <message>
            <source>дата події (РРРР-ММ-ДД або РРРР-ММ-ДДTГГ:ХХ)</source>
            <translation>event date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)</translation>
        </message>
        <message>
            <source>тривалість строку</source>
            <translation>term length</translation>
        </message>
        <message>
            <source>воєнний стан: on (типово) або off</source>
            <translation>martial law: on (default) or off</translation>
        </message>
        <message>
            <source>додатковий неробочий день (можна кілька разів)</source>
            <translation>additional non-working day (can be repeated)</translation>
        </message>
        <message>
            <source>додатковий робочий день (можна кілька разів)</source>
            <translation>additional working day (can be repeated)</translation>
        </message>
        <message>
            <source>зайві аргументи: %1</source>
            <translation>unexpected arguments: %1</translation>
        </message>
        <message>
            <source>не вказано --%1 (cnapctl deadline --from РРРР-ММ-ДД --term N --unit ОДИНИЦЯ [--martial-law on|off])</source>
            <translation>--%1 not specified (cnapctl deadline --from YYYY-MM-DD --term N --unit UNIT [--martial-law on|off])</translation>
        </message>
        <message>
            <source>очікується дата РРРР-ММ-ДД (або РРРР-ММ-ДДTГГ:ХХ), отримано «%1»</source>
            <translation>expected a date YYYY-MM-DD (or YYYY-MM-DDTHH:MM), got “%1”</translation>
        </message>
        <message>
            <source>очікується ціле число, отримано «%1»</source>
            <translation>expected an integer, got “%1”</translation>
        </message>
        <message>
            <source>очікується on або off, отримано «%1»</source>
            <translation>expected on or off, got “%1”</translation>
        </message>
        <message>
            <source>очікується дата РРРР-ММ-ДД, отримано «%1»</source>
            <translation>expected a date YYYY-MM-DD, got “%1”</translation>
        </message>
        <message>
            <source>строк: %1 %2 від %3; воєнний стан: %4; спливає о %5</source>
            <translation>term: %1 %2 from %3; martial law: %4; due at %5</translation>
        </message>
        <message>
            <source>строк: %1 %2 від %3; воєнний стан: %4</source>
            <translation>term: %1 %2 from %3; martial law: %4</translation>
        </message>
        <message>
            <source>не вдалося прочитати файл якоря %1: %2</source>
            <translation>could not read anchor file %1: %2</translation>
        </message>
        <message>
            <source>ЖУРНАЛ АУДИТУ ПОШКОДЖЕНО: </source>
            <translation>AUDIT LOG CORRUPTED: </translation>
        </message>
        <message>
            <source>не вдалося записати файл якоря %1: %2</source>
            <translation>could not write anchor file %1: %2</translation>
        </message>
        <message>
            <source>дата має бути у форматі РРРР-ММ-ДД або РРРР-ММ-ДДTгг:хх:сс</source>
            <translation>the date must be in the format YYYY-MM-DD or YYYY-MM-DDThh:mm:ss</translation>
        </message>
        <message>
            <source>має бути цілим числом</source>
            <translation>must be an integer</translation>
        </message>
        <message>
            <source>тека сховища документів (типово &lt;файл бази&gt;.files або CNAP_STORE)</source>
            <translation>document store directory (default: DATABASE_FILE.files or CNAP_STORE)</translation>
        </message>
        <message>
            <source>створено: %1; версія схеми: %2; документів: %3; обсяг: %4</source>
            <translation>created: %1; schema version: %2; documents: %3; size: %4</translation>
        </message>
        <message>
            <source>%1: вкажіть одну теку резервної копії (ФАЙЛ)</source>
            <translation>%1: specify one backup directory (FILE)</translation>
        </message>
        <message>
            <source>резервна копія ціла: усі контрольні суми збігаються</source>
            <translation>backup is intact: all checksums match</translation>
        </message>
        <message>
            <source>замінити базу і сховище, які вже містять дані</source>
            <translation>overwrite a database and store that already contain data</translation>
        </message>
        <message>
            <source>не вказано базу даних (--db URL або змінна CNAP_DB)</source>
            <translation>no database specified (--db URL or the CNAP_DB variable)</translation>
        </message>
        <message>
            <source>копія має старішу схему (%1): оновіть її командою cnapctl --db %2 init</source>
            <translation>the backup has an older schema (%1): upgrade it with cnapctl --db %2 init</translation>
        </message>
        <message>
            <source>відновлено в %1</source>
            <translation>restored to %1</translation>
        </message>
        <message>
            <source>Справа %1</source>
            <translation>Case %1</translation>
        </message>
        <message>
            <source>  стан: %1</source>
            <translation>  state: %1</translation>
        </message>
        <message>
            <source>  послуга: %1 %2</source>
            <translation>  service: %1 %2</translation>
        </message>
        <message>
            <source>  заявник: %1</source>
            <translation>  applicant: %1</translation>
        </message>
        <message>
            <source>  строк: %1 %2</source>
            <translation>  due: %1 %2</translation>
        </message>
        <message>
            <source>  файл %1: %2 (%3, %4 байт) sha256 %5</source>
            <translation>  file %1: %2 (%3, %4 bytes) sha256 %5</translation>
        </message>
        <message>
            <source>код послуги з каталогу</source>
            <translation>service code from the catalogue</translation>
        </message>
        <message>
            <source>РНОКПП заявника-фізичної особи</source>
            <translation>RNOKPP of the individual applicant</translation>
        </message>
        <message>
            <source>код ЄДРПОУ заявника-юридичної особи</source>
            <translation>EDRPOU code of the legal entity applicant</translation>
        </message>
        <message>
            <source>прізвище (заявника або представника юридичної особи)</source>
            <translation>surname (of the applicant or of the legal entity's representative)</translation>
        </message>
        <message>
            <source>ім'я</source>
            <translation>first name</translation>
        </message>
        <message>
            <source>по батькові</source>
            <translation>patronymic</translation>
        </message>
        <message>
            <source>найменування юридичної особи (для нової)</source>
            <translation>legal entity name (for a new one)</translation>
        </message>
        <message>
            <source>документ про повноваження представника</source>
            <translation>document confirming the representative's authority</translation>
        </message>
        <message>
            <source>файл скану (PDF, JPEG, PNG, TIFF); можна кілька разів</source>
            <translation>scanned file (PDF, JPEG, PNG, TIFF); can be repeated</translation>
        </message>
        <message>
            <source>позначити всі документи картки поданими (по 1 аркушу, у формі з картки)</source>
            <translation>mark all documents on the service card as submitted (1 sheet each, in the form given on the card)</translation>
        </message>
        <message>
            <source>реквізити документа про оплату (для платних послуг)</source>
            <translation>payment document details (for paid services)</translation>
        </message>
        <message>
            <source>поштова адреса або e-mail для результату</source>
            <translation>postal address or email for the result</translation>
        </message>
        <message>
            <source>представник і його повноваження</source>
            <translation>representative and their authority</translation>
        </message>
        <message>
            <source>адреса об'єкта</source>
            <translation>property address</translation>
        </message>
        <message>
            <source>найбільший розмір файлу, МБ (типово 20)</source>
            <translation>maximum file size, MB (default 20)</translation>
        </message>
        <message>
            <source>cnapctl --db URL case register --service CODE (--rnokpp N | --edrpou N) --surname S --name N [--doc FILE]...</source>
            <translation>cnapctl --db URL case register --service CODE (--rnokpp N | --edrpou N) --surname S --name N [--doc FILE]...</translation>
        </message>
        <message>
            <source>довіреність, пред'явлена в ЦНАП</source>
            <translation>power of attorney presented at the centre</translation>
        </message>
        <message>
            <source>не вдалося відкрити файл «%1»: %2</source>
            <translation>could not open file “%1”: %2</translation>
        </message>
        <message>
            <source>очікується ціле число від 1 до 1024</source>
            <translation>expected an integer from 1 to 1024</translation>
        </message>
        <message>
            <source>зареєстровано: %1, строк до %2</source>
            <translation>registered: %1, due %2</translation>
        </message>
        <message>
            <source>вивести JSON</source>
            <translation>output JSON</translation>
        </message>
        <message>
            <source>cnapctl --db URL case show НОМЕР [--json]</source>
            <translation>cnapctl --db URL case show NUMBER [--json]</translation>
        </message>
        <message>
            <source>коментар; для відмови, зупинення, повернення — підстава</source>
            <translation>comment; for refusal, suspension or return — the grounds</translation>
        </message>
        <message>
            <source>кому видано результат (для issued)</source>
            <translation>to whom the result was issued (for issued)</translation>
        </message>
        <message>
            <source>документ отримувача, що перевірено (для issued)</source>
            <translation>recipient's document that was checked (for issued)</translation>
        </message>
        <message>
            <source>версія справи, яку ви бачили (захист від одночасних змін)</source>
            <translation>case version you saw (protects against concurrent changes)</translation>
        </message>
        <message>
            <source>cnapctl --db URL case transition НОМЕР СТАН [--comment ТЕКСТ]; стани: %1</source>
            <translation>cnapctl --db URL case transition NUMBER STATE [--comment TEXT]; states: %1</translation>
        </message>
        <message>
            <source>очікується додатне ціле число</source>
            <translation>expected a positive integer</translation>
        </message>
        <message>
            <source>справа %1: %2</source>
            <translation>case %1: %2</translation>
        </message>
        <message>
            <source>лише в цьому стані (можна кілька разів)</source>
            <translation>only in this state (can be repeated)</translation>
        </message>
        <message>
            <source>лише прострочені</source>
            <translation>overdue only</translation>
        </message>
        <message>
            <source>лише ця послуга</source>
            <translation>this service only</translation>
        </message>
        <message>
            <source>скільки рядків (1–500, типово 50)</source>
            <translation>number of rows (1–500, default 50)</translation>
        </message>
        <message>
            <source>cnapctl --db URL case search (РНОКПП | ЄДРПОУ | НОМЕР | ПРІЗВИЩЕ)</source>
            <translation>cnapctl --db URL case search (RNOKPP | EDRPOU | NUMBER | SURNAME)</translation>
        </message>
        <message>
            <source>безоплатно</source>
            <translation>free of charge</translation>
        </message>
        <message>
            <source>%1,%2 грн</source>
            <translation>UAH %1.%2</translation>
        </message>
        <message>
            <source>[неактивна]</source>
            <translation>[inactive]</translation>
        </message>
        <message>
            <source>файл каталогу (типово — каталог, що постачається з програмою)</source>
            <translation>catalogue file (default: the catalogue shipped with the application)</translation>
        </message>
        <message>
            <source>забагато аргументів: очікується один файл</source>
            <translation>too many arguments: one file expected</translation>
        </message>
        <message>
            <source>не знайдено каталог, що постачається з програмою (шукали: %1)</source>
            <translation>the catalogue shipped with the application was not found (searched: %1)</translation>
        </message>
        <message>
            <source>не вдалося прочитати стандартний ввід</source>
            <translation>could not read standard input</translation>
        </message>
        <message>
            <source>імпортовано послуг: %1 (нових: %2, змінених: %3, без змін: %4, позначено неактивними: %5)</source>
            <translation>services imported: %1 (new: %2, changed: %3, unchanged: %4, marked inactive: %5)</translation>
        </message>
        <message>
            <source>куди записати каталог (- — стандартний вивід)</source>
            <translation>where to write the catalogue (- for standard output)</translation>
        </message>
        <message>
            <source>вкажіть один файл або - для стандартного виводу</source>
            <translation>specify one file, or - for standard output</translation>
        </message>
        <message>
            <source>експортовано послуг: %1 у файл %2</source>
            <translation>services exported: %1 to file %2</translation>
        </message>
        <message>
            <source>разом з неактивними послугами</source>
            <translation>including inactive services</translation>
        </message>
        <message>
            <source>зайвий аргумент: %1</source>
            <translation>unexpected argument: %1</translation>
        </message>
        <message>
            <source>код послуги</source>
            <translation>service code</translation>
        </message>
        <message>
            <source>вкажіть один код послуги</source>
            <translation>specify one service code</translation>
        </message>
        <message>
            <source>Суб'єкт надання: </source>
            <translation>Service provider: </translation>
        </message>
        <message>
            <source> (ЄДРПОУ %1)</source>
            <translation> (EDRPOU %1)</translation>
        </message>
        <message>
            <source>Документи:</source>
            <translation>Documents:</translation>
        </message>
        <message>
            <source>за умови</source>
            <translation>conditional</translation>
        </message>
        <message>
            <source>Строк: </source>
            <translation>Term: </translation>
        </message>
        <message>
            <source>Плата: </source>
            <translation>Fee: </translation>
        </message>
        <message>
            <source>Правові підстави: </source>
            <translation>Legal basis: </translation>
        </message>
        <message>
            <source>Результат: </source>
            <translation>Outcome: </translation>
        </message>
        <message>
            <source>Передача: </source>
            <translation>Transfer: </translation>
        </message>
        <message>
            <source>через реєстр (%1 %2)</source>
            <translation>via registry (%1 %2)</translation>
        </message>
        <message>
            <source>у паперовому вигляді</source>
            <translation>on paper</translation>
        </message>
        <message>
            <source>слова з назви або код послуги</source>
            <translation>words from the service name, or the service code</translation>
        </message>
        <message>
            <source>вкажіть слова для пошуку</source>
            <translation>specify words to search for</translation>
        </message>
        <message>
            <source>проблема: </source>
            <translation>problem: </translation>
        </message>
        <message>
            <source>справ: %1; файлів, на які є посилання: %2; файлів без посилань (залишки перерваних реєстрацій): %3</source>
            <translation>cases: %1; referenced files: %2; unreferenced files (left over from interrupted registrations): %3</translation>
        </message>
        <message>
            <source>перевірка НЕ пройдена: проблем %1</source>
            <translation>check FAILED: %1 problems</translation>
        </message>
        <message>
            <source>перевірку пройдено</source>
            <translation>check passed</translation>
        </message>
        <message>
            <source>додати N демонстраційних справ за рік</source>
            <translation>add N demo cases over a year</translation>
        </message>
        <message>
            <source>тека сховища документів</source>
            <translation>document store directory</translation>
        </message>
        <message>
            <source>імпортовано каталог послуг</source>
            <translation>service catalogue imported</translation>
        </message>
        <message>
            <source>послуг у чергах: %1; черг: %2; вікон: %3</source>
            <translation>services in queues: %1; queues: %2; desks: %3</translation>
        </message>
        <message>
            <source>створено облікові записи адміністраторів (тимчасовий пароль, змінити при першому вході):</source>
            <translation>clerk accounts created (temporary password, must be changed at first sign-in):</translation>
        </message>
        <message>
            <source>облікових записів уже було: %1</source>
            <translation>accounts already existing: %1</translation>
        </message>
        <message>
            <source>примітка: %1</source>
            <translation>note: %1</translation>
        </message>
        <message>
            <source>історія дня: видано %1 талонів; зараз чекають: %2</source>
            <translation>day history: %1 tickets issued; waiting now: %2</translation>
        </message>
        <message>
            <source>очікується ціле число</source>
            <translation>expected an integer</translation>
        </message>
        <message>
            <source>справ: %1 з %2</source>
            <translation>cases: %1 of %2</translation>
        </message>
        <message>
            <source>додано справ: %1, заявників: %2, записів історії: %3 за %4 с</source>
            <translation>added cases: %1, applicants: %2, history records: %3 in %4 s</translation>
        </message>
        <message>
            <source>не вдалося відкрити файл %1: %2</source>
            <translation>could not open file %1: %2</translation>
        </message>
        <message>
            <source>файл %1 завеликий</source>
            <translation>file %1 is too large</translation>
        </message>
        <message>
            <source>файл запиту (SOAP, як надіслано)</source>
            <translation>request file (SOAP, as sent)</translation>
        </message>
        <message>
            <source>Content-Type відповіді (для multipart/related)</source>
            <translation>response Content-Type (for multipart/related)</translation>
        </message>
        <message>
            <source>HTTP-статус відповіді</source>
            <translation>response HTTP status</translation>
        </message>
        <message>
            <source>файл відповіді</source>
            <translation>response file</translation>
        </message>
        <message>
            <source>потрібен --request REQ_FILE</source>
            <translation>--request REQ_FILE is required</translation>
        </message>
        <message>
            <source>потрібен рівно один файл відповіді</source>
            <translation>exactly one response file is required</translation>
        </message>
        <message>
            <source>--http-status має бути кодом 100–599</source>
            <translation>--http-status must be a code from 100 to 599</translation>
        </message>
        <message>
            <source>файл запиту не є коректним запитом X-Road: %1</source>
            <translation>the request file is not a valid X-Road request: %1</translation>
        </message>
        <message>
            <source>вкажіть --month РРРР-ММ і --out ТЕКА</source>
            <translation>specify --month YYYY-MM and --out DIR</translation>
        </message>
        <message>
            <source>відкриті дані за %1: %2 рядків</source>
            <translation>open data for %1: %2 rows</translation>
        </message>
        <message>
            <source>файл налаштувань обміну (типово /etc/cnap/syncd.conf, якщо є)</source>
            <translation>exchange settings file (default /etc/cnap/syncd.conf, if present)</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>вивести JSON (масив об'єктів)</source>
            <translation>output JSON (array of objects)</translation>
        </message>
        <message>
            <source>лише в цьому стані: pending, in-flight, done, dead</source>
            <translation>only in this state: pending, in-flight, done, dead</translation>
        </message>
        <message>
            <source>cnapctl --db URL exchange outbox [--json] [--state STATE]</source>
            <translation>cnapctl --db URL exchange outbox [--json] [--state STATE]</translation>
        </message>
        <message>
            <source>номер справи</source>
            <translation>case number</translation>
        </message>
        <message>
            <source>cnapctl --db URL exchange request CASE_NUMBER [--config FILE]</source>
            <translation>cnapctl --db URL exchange request CASE_NUMBER [--config FILE]</translation>
        </message>
        <message>
            <source>номер елемента черги або ідентифікатор повідомлення (UUID)</source>
            <translation>outbox item number or message ID (UUID)</translation>
        </message>
        <message>
            <source>cnapctl --db URL exchange requeue ID</source>
            <translation>cnapctl --db URL exchange requeue ID</translation>
        </message>
        <message>
            <source>повідомлення знову в черзі: %1</source>
            <translation>message requeued: %1</translation>
        </message>
        <message>
            <source>скільки записів (типово 100)</source>
            <translation>how many records (default 100)</translation>
        </message>
        <message>
            <source>лише цього повідомлення (UUID)</source>
            <translation>only this message (UUID)</translation>
        </message>
        <message>
            <source>--limit має бути від 1 до 10000</source>
            <translation>--limit must be between 1 and 10000</translation>
        </message>
        <message>
            <source>вилучити записи журналу обміну, старші за стільки днів</source>
            <translation>delete exchange log records older than this many days</translation>
        </message>
        <message>
            <source>cnapctl --db URL exchange purge --older-than DAYS</source>
            <translation>cnapctl --db URL exchange purge --older-than DAYS</translation>
        </message>
        <message>
            <source>очікується ціле число днів</source>
            <translation>expected a whole number of days</translation>
        </message>
        <message>
            <source>вилучено записів журналу обміну: %1</source>
            <translation>exchange log records deleted: %1</translation>
        </message>
        <message>
            <source>разом із уже взятими в роботу</source>
            <translation>including those already taken into processing</translation>
        </message>
        <message>
            <source>талон %1, послуга %2, стан %3</source>
            <translation>ticket %1, service %2, state %3</translation>
        </message>
        <message>
            <source>queue issue: вкажіть --service КОД</source>
            <translation>queue issue: specify --service CODE</translation>
        </message>
        <message>
            <source>черга: %1; перед вами: %2; орієнтовне очікування: %3</source>
            <translation>queue: %1; ahead of you: %2; estimated wait: %3</translation>
        </message>
        <message>
            <source>queue call: вкажіть --desk ВІКНО</source>
            <translation>queue call: specify --desk DESK</translation>
        </message>
        <message>
            <source>до вікна %1 ніхто не чекає</source>
            <translation>nobody is waiting for desk %1</translation>
        </message>
        <message>
            <source>вікно %1: %2</source>
            <translation>desk %1: %2</translation>
        </message>
        <message>
            <source>%1: вкажіть --desk ВІКНО</source>
            <translation>%1: specify --desk DESK</translation>
        </message>
        <message>
            <source>вкажіть номер талона</source>
            <translation>specify the ticket number</translation>
        </message>
        <message>
            <source>кількість хвилин має бути додатним цілим числом</source>
            <translation>the number of minutes must be a positive integer</translation>
        </message>
        <message>
            <source>роботу центру призупинено: виклики заборонено, очікування зупинено</source>
            <translation>centre operations suspended: calling disabled, waiting paused</translation>
        </message>
        <message>
            <source>роботу центру відновлено</source>
            <translation>centre operations resumed</translation>
        </message>
        <message>
            <source>queue book: вкажіть --service КОД --slot РРРР-ММ-ДДTГГ:ХХ --person ІДЕНТИФІКАТОР</source>
            <translation>queue book: specify --service CODE --slot YYYY-MM-DDTHH:MM --person ID</translation>
        </message>
        <message>
            <source>час запису має вигляд РРРР-ММ-ДДTГГ:ХХ, а не «%1»</source>
            <translation>the booking time must be YYYY-MM-DDTHH:MM, not “%1”</translation>
        </message>
        <message>
            <source>записано на %1; код для реєстрації:</source>
            <translation>booked for %1; check-in code:</translation>
        </message>
        <message>
            <source>queue check-in: вкажіть --code КОД</source>
            <translation>queue check-in: specify --code CODE</translation>
        </message>
        <message>
            <source>за записом; виклик о %1</source>
            <translation>by appointment; called at %1</translation>
        </message>
        <message>
            <source>запізнення понад допустиме: талон загальної черги</source>
            <translation>arrived too late: general queue ticket</translation>
        </message>
        <message>
            <source>День %1</source>
            <translation>Day %1</translation>
        </message>
        <message>
            <source> — РОБОТУ ЦЕНТРУ ПРИЗУПИНЕНО: %1</source>
            <translation> — CENTRE OPERATIONS SUSPENDED: %1</translation>
        </message>
        <message>
            <source>Черга</source>
            <translation>Queue</translation>
        </message>
        <message>
            <source>Назва</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Чекають</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>Найдовше</source>
            <translation>Longest</translation>
        </message>
        <message>
            <source>Оцінка</source>
            <translation>Est. wait</translation>
        </message>
        <message>
            <source>Видано</source>
            <translation>Issued</translation>
        </message>
        <message>
            <source>Вікон</source>
            <translation>Desks</translation>
        </message>
        <message>
            <source>Вікно</source>
            <translation>Desk</translation>
        </message>
        <message>
            <source>Стан</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Працює</source>
            <translation>Clerk</translation>
        </message>
        <message>
            <source>Талон</source>
            <translation>Ticket</translation>
        </message>
        <message>
            <source>документ: %1</source>
            <translation>document: %1</translation>
        </message>
        <message>
            <source>вкажіть один звіт: %1</source>
            <translation>specify one report: %1</translation>
        </message>
        <message>
            <source>вкажіть період: --from РРРР-ММ-ДД --to РРРР-ММ-ДД</source>
            <translation>specify the period: --from YYYY-MM-DD --to YYYY-MM-DD</translation>
        </message>
        <message>
            <source>звіт записано: %1 (%2 рядків)</source>
            <translation>report written: %1 (%2 rows)</translation>
        </message>
        <message>
            <source>%1: потрібен рівно один ЛОГІН</source>
            <translation>%1: exactly one LOGIN is required</translation>
        </message>
        <message>
            <source>%1: пароль читається лише зі стандартного вводу, вкажіть --password-stdin</source>
            <translation>%1: the password is read from standard input only; specify --password-stdin</translation>
        </message>
        <message>
            <source>user add: вкажіть --role clerk|supervisor|admin|kiosk|display</source>
            <translation>user add: specify --role clerk|supervisor|admin|kiosk|display</translation>
        </message>
        <message>
            <source>користувача %1 додано (роль %2)</source>
            <translation>user %1 added (role %2)</translation>
        </message>
        <message>
            <source>пароль користувача %1 скинуто; під час наступного входу його треба змінити</source>
            <translation>password for user %1 reset; it must be changed at next sign-in</translation>
        </message>
        <message>
            <source>пароль користувача %1 встановлено</source>
            <translation>password for user %1 set</translation>
        </message>
        <message>
            <source>користувача %1 вимкнено</source>
            <translation>user %1 disabled</translation>
        </message>
        <message>
            <source>користувача %1 увімкнено</source>
            <translation>user %1 enabled</translation>
        </message>
        <message>
            <source>пароль правильний (роль %1)</source>
            <translation>password is correct (role %1)</translation>
        </message>
        <message>
            <source>увага: під час наступного входу пароль треба змінити</source>
            <translation>warning: the password must be changed at next sign-in</translation>
        </message>
    </context>
    <context>
        <name>cnap::crypto</name>
        <message>
            <source>не вдалося відкрити файл %1: %2</source>
            <translation>could not open file %1: %2</translation>
        </message>
        <message>
            <source>помилка читання файлу %1</source>
            <translation>error reading file %1</translation>
        </message>
        <message>
            <source>збережений хеш пароля має неправильний формат</source>
            <translation>the stored password hash has an invalid format</translation>
        </message>
    </context>
    <context>
        <name>cnap::crypto::PasswordHasher</name>
        <message>
            <source>неприпустимі параметри scrypt</source>
            <translation>invalid scrypt parameters</translation>
        </message>
        <message>
            <source>не вдалося обчислити хеш пароля (scrypt)</source>
            <translation>could not compute the password hash (scrypt)</translation>
        </message>
    </context>
    <context>
        <name>cnap::exchange</name>
        <message>
            <source>HTTP %1: %2</source>
            <translation>HTTP %1: %2</translation>
        </message>
        <message>
            <source>некоректне multipart-повідомлення: %1</source>
            <translation>invalid multipart message: %1</translation>
        </message>
        <message>
            <source>частина без заголовків</source>
            <translation>part without headers</translation>
        </message>
        <message>
            <source>некоректний заголовок частини «%1»</source>
            <translation>invalid part header “%1”</translation>
        </message>
        <message>
            <source>непідтримуване кодування частини «%1»</source>
            <translation>unsupported part encoding “%1”</translation>
        </message>
        <message>
            <source>частина без Content-Type</source>
            <translation>part without Content-Type</translation>
        </message>
        <message>
            <source>недопустимий ідентифікатор вкладення «%1»</source>
            <translation>invalid attachment ID “%1”</translation>
        </message>
        <message>
            <source>ідентифікатор вкладення «%1» повторюється</source>
            <translation>duplicate attachment ID “%1”</translation>
        </message>
        <message>
            <source>недопустимий тип вкладення «%1»</source>
            <translation>invalid attachment type “%1”</translation>
        </message>
        <message>
            <source>непідтримуваний тип вмісту відповіді «%1»</source>
            <translation>unsupported response content type “%1”</translation>
        </message>
        <message>
            <source>немає параметра boundary або він задовгий</source>
            <translation>boundary parameter missing or too long</translation>
        </message>
        <message>
            <source>не знайдено першого розділювача</source>
            <translation>first boundary not found</translation>
        </message>
        <message>
            <source>після розділювача немає кінця рядка</source>
            <translation>no line break after the boundary</translation>
        </message>
        <message>
            <source>немає закривального розділювача</source>
            <translation>no closing boundary</translation>
        </message>
        <message>
            <source>забагато частин (межа %1)</source>
            <translation>too many parts (limit %1)</translation>
        </message>
        <message>
            <source>немає жодної частини</source>
            <translation>no parts</translation>
        </message>
        <message>
            <source>частину start=&lt;%1&gt; не знайдено</source>
            <translation>part start=&lt;%1&gt; not found</translation>
        </message>
        <message>
            <source>коренева частина має тип «%1», а не text/xml</source>
            <translation>root part has type “%1”, not text/xml</translation>
        </message>
        <message>
            <source>Content-ID «%1» повторюється</source>
            <translation>duplicate Content-ID “%1”</translation>
        </message>
        <message>
            <source>вкладення без Content-ID</source>
            <translation>attachment without Content-ID</translation>
        </message>
    </context>
    <context>
        <name>cnap::exchange::outbox</name>
        <message>
            <source>цей реєстр приймає заяви лише фізичних осіб</source>
            <translation>this registry accepts applications from individuals only</translation>
        </message>
        <message>
            <source>реєстровий сервіс «%1» модулю обміну невідомий</source>
            <translation>registry service “%1” is unknown to the exchange module</translation>
        </message>
        <message>
            <source>для реєстрації місця проживання потрібен документ, що посвідчує особу заявника</source>
            <translation>registering a place of residence requires the applicant's identity document</translation>
        </message>
        <message>
            <source>вкажіть код КАТОТТГ населеного пункту в адресі заявника: без нього реєстр не прийме заяву</source>
            <translation>specify the KATOTTH code of the settlement in the applicant's address: the registry will not accept the application without it</translation>
        </message>
        <message>
            <source>адресу житла вкажіть як «населений пункт, вулиця, будинок[, квартира]»</source>
            <translation>enter the home address as “settlement, street, building[, flat]”</translation>
        </message>
        <message>
            <source>не вдалося визначити вид соціальної допомоги з назви послуги «%1»</source>
            <translation>could not determine the type of social assistance from the service name “%1”</translation>
        </message>
        <message>
            <source>для перевірки в реєстрі потрібен УНЗР заявника</source>
            <translation>checking in the registry requires the applicant's UNZR</translation>
        </message>
        <message>
            <source>виписку з ЄДР надають за кодом ЄДРПОУ юридичної особи-заявника</source>
            <translation>an extract from the EDR is provided for the EDRPOU code of the applicant legal entity</translation>
        </message>
        <message>
            <source>сервіс «%1» не надсилає заяв справ</source>
            <translation>service “%1” does not send case applications</translation>
        </message>
    </context>
    <context>
        <name>cnap::exchange::registry</name>
        <message>
            <source>поле обов'язкове</source>
            <translation>field is required</translation>
        </message>
        <message>
            <source>не довше %1 символів</source>
            <translation>must be no longer than %1 characters</translation>
        </message>
        <message>
            <source>недопустиме значення «%1»; можливі: %2</source>
            <translation>invalid value “%1”; allowed: %2</translation>
        </message>
        <message>
            <source>дату народження не вказано</source>
            <translation>date of birth not specified</translation>
        </message>
        <message>
            <source>код сервісу в заголовку «%1» не відповідає змісту запиту «%2»</source>
            <translation>service code in the header “%1” does not match the request body “%2”</translation>
        </message>
        <message>
            <source>потрібен РНОКПП або УНЗР особи</source>
            <translation>the person's RNOKPP or UNZR is required</translation>
        </message>
        <message>
            <source>дату заяви не вказано</source>
            <translation>application date not specified</translation>
        </message>
        <message>
            <source>час подання не вказано</source>
            <translation>submission time not specified</translation>
        </message>
        <message>
            <source>не більше 50 вкладень</source>
            <translation>no more than 50 attachments</translation>
        </message>
        <message>
            <source>SHA-256 має бути 64 шістнадцятковими цифрами (малими)</source>
            <translation>SHA-256 must be 64 hexadecimal digits (lower case)</translation>
        </message>
        <message>
            <source>ідентифікатор вкладення «%1» повторюється</source>
            <translation>duplicate attachment ID “%1”</translation>
        </message>
        <message>
            <source>кількість заяв за раз — від 1 до 100</source>
            <translation>applications per request: 1 to 100</translation>
        </message>
        <message>
            <source>задовгий маркер</source>
            <translation>token too long</translation>
        </message>
        <message>
            <source>номер у реєстрі має вигляд ABC-2026-000001: «%1»</source>
            <translation>registry number must look like ABC-2026-000001: “%1”</translation>
        </message>
        <message>
            <source>у запиті немає документа або адреси</source>
            <translation>the request contains no document or address</translation>
        </message>
        <message>
            <source>неочікуваний елемент «%1» у списку вкладень</source>
            <translation>unexpected element “%1” in the attachment list</translation>
        </message>
        <message>
            <source>«limit» має бути числом</source>
            <translation>“limit” must be a number</translation>
        </message>
        <message>
            <source>«%1» не є відповіддю про прийняття заяви</source>
            <translation>“%1” is not an application acceptance response</translation>
        </message>
        <message>
            <source>невідомий стан «%1»</source>
            <translation>unknown status “%1”</translation>
        </message>
        <message>
            <source>невідомий результат перевірки «%1»</source>
            <translation>unknown check result “%1”</translation>
        </message>
        <message>
            <source>невідоме поле розбіжності «%1»</source>
            <translation>unknown mismatch field “%1”</translation>
        </message>
        <message>
            <source>невідомий стан заяви «%1»</source>
            <translation>unknown application status “%1”</translation>
        </message>
        <message>
            <source>відмова без підстав</source>
            <translation>refusal without grounds</translation>
        </message>
    </context>
    <context>
        <name>cnap::exchange::registry::Reader</name>
        <message>
            <source>очікувався елемент «%1» у просторі імен %2, отримано «%3» (%4)</source>
            <translation>expected element “%1” in namespace %2, got “%3” (%4)</translation>
        </message>
        <message>
            <source>у «%1» немає обов'язкового елемента «%2»</source>
            <translation>“%1” is missing the required element “%2”</translation>
        </message>
        <message>
            <source>«%1»: некоректна дата «%2»</source>
            <translation>“%1”: invalid date “%2”</translation>
        </message>
        <message>
            <source>«%1»: некоректні дата і час «%2»</source>
            <translation>“%1”: invalid date and time “%2”</translation>
        </message>
        <message>
            <source>у «%1» немає елемента «%2»</source>
            <translation>“%1” has no element “%2”</translation>
        </message>
    </context>
    <context>
        <name>cnap::exchange::sync</name>
        <message>
            <source>невідома помилка обміну</source>
            <translation>unknown exchange error</translation>
        </message>
    </context>
    <context>
        <name>cnap::exchange::sync::SyncEngine</name>
        <message>
            <source>реєстровий сервіс «%1» модулю обміну невідомий</source>
            <translation>registry service “%1” is unknown to the exchange module</translation>
        </message>
        <message>
            <source>зміст запиту не сформовано: виправте дані справи і поставте повідомлення в чергу знову</source>
            <translation>request body not generated: correct the case data and requeue the message</translation>
        </message>
        <message>
            <source>збережений зміст не відповідає сервісу %1</source>
            <translation>stored body does not match service %1</translation>
        </message>
        <message>
            <source>сховище документів не налаштовано</source>
            <translation>document storage not configured</translation>
        </message>
        <message>
            <source>файл %1 не прочитано зі сховища: %2</source>
            <translation>file %1 could not be read from storage: %2</translation>
        </message>
        <message>
            <source>відповідь реєстру не відповідає схемі: %1</source>
            <translation>registry response does not match the schema: %1</translation>
        </message>
        <message>
            <source>реєстр прийняв заяву, номер у реєстрі %1</source>
            <translation>registry accepted the application, registry number %1</translation>
        </message>
        <message>
            <source>запит до реєстру виконано</source>
            <translation>registry request completed</translation>
        </message>
        <message>
            <source>дані особи збігаються з реєстром</source>
            <translation>personal data matches the registry</translation>
        </message>
        <message>
            <source>дані не збігаються з реєстром: %1</source>
            <translation>data does not match the registry: %1</translation>
        </message>
        <message>
            <source>відомості з ЄДР отримано: %1 (%2)</source>
            <translation>EDR information received: %1 (%2)</translation>
        </message>
        <message>
            <source>після %1 спроб: %2</source>
            <translation>after %1 attempts: %2</translation>
        </message>
        <message>
            <source>рішення реєстру %1</source>
            <translation>registry decision %1</translation>
        </message>
        <message>
            <source>реєстр відмовив без зазначення підстав</source>
            <translation>registry refused without stating grounds</translation>
        </message>
        <message>
            <source>відмова реєстру %1: %2</source>
            <translation>registry refusal %1: %2</translation>
        </message>
        <message>
            <source>заява на розгляді в реєстрі</source>
            <translation>application under review by the registry</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui</name>
        <message>
            <source>менше хвилини</source>
            <translation>less than a minute</translation>
        </message>
        <message>
            <source>%1 хв</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <source>%1 год %2 хв</source>
            <translation>%1 h %2 min</translation>
        </message>
        <message>
            <source>невідомо</source>
            <translation>unknown</translation>
        </message>
        <message>
            <source>≈ 1 хв</source>
            <translation>≈ 1 min</translation>
        </message>
        <message>
            <source>≈ %1</source>
            <translation>≈ %1</translation>
        </message>
        <message>
            <source>працює</source>
            <translation>open</translation>
        </message>
        <message>
            <source>на перерві</source>
            <translation>on break</translation>
        </message>
        <message>
            <source>зачинено</source>
            <translation>closed</translation>
        </message>
        <message>
            <source>очікує</source>
            <translation>waiting</translation>
        </message>
        <message>
            <source>викликано</source>
            <translation>called</translation>
        </message>
        <message>
            <source>обслуговується</source>
            <translation>being served</translation>
        </message>
        <message>
            <source>не з'явився</source>
            <translation>no-show</translation>
        </message>
        <message>
            <source>завершено</source>
            <translation>completed</translation>
        </message>
        <message>
            <source>скасовано</source>
            <translation>cancelled</translation>
        </message>
        <message>
            <source>Немає з'єднання з базою даних, повторне підключення…</source>
            <translation>No database connection, reconnecting…</translation>
        </message>
        <message>
            <source>Центр зараз</source>
            <translation>Centre now</translation>
        </message>
        <message>
            <source>Контроль строків</source>
            <translation>Deadline monitoring</translation>
        </message>
        <message>
            <source>Звіти</source>
            <translation>Reports</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::BarChart</name>
        <message>
            <source>Талони за годинами</source>
            <translation>Tickets by hour</translation>
        </message>
        <message>
            <source>талонів</source>
            <translation>tickets</translation>
        </message>
        <message>
            <source>Середнє очікування за послугами, хв</source>
            <translation>Average wait by service, min</translation>
        </message>
        <message>
            <source>хв</source>
            <translation>min</translation>
        </message>
        <message>
            <source>Неявки за послугами</source>
            <translation>No-shows by service</translation>
        </message>
        <message>
            <source>Зареєстровані справи за послугами</source>
            <translation>Registered cases by service</translation>
        </message>
        <message>
            <source>Доставлені повідомлення за реєстрами</source>
            <translation>Delivered messages by registry</translation>
        </message>
        <message>
            <source>Оцінки відвідувачів</source>
            <translation>Visitor ratings</translation>
        </message>
        <message>
            <source>Діаграма звіту</source>
            <translation>Report chart</translation>
        </message>
        <message>
            <source>Немає даних за період</source>
            <translation>No data for the period</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::CallBoardModel</name>
        <message>
            <source>вікно %1</source>
            <translation>desk %1</translation>
        </message>
        <message>
            <source>Талон %1, вікно %2</source>
            <translation>Ticket %1, desk %2</translation>
        </message>
        <message>
            <source>Талон</source>
            <translation>Ticket</translation>
        </message>
        <message>
            <source>Вікно</source>
            <translation>Desk</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::ChangePasswordDialog</name>
        <message>
            <source>Зміна пароля</source>
            <translation>Change password</translation>
        </message>
        <message>
            <source>Потрібно встановити новий пароль.</source>
            <translation>You need to set a new password.</translation>
        </message>
        <message>
            <source>&amp;Поточний пароль:</source>
            <translation>&amp;Current password:</translation>
        </message>
        <message>
            <source>&amp;Новий пароль:</source>
            <translation>&amp;New password:</translation>
        </message>
        <message>
            <source>Повторіть &amp;новий пароль:</source>
            <translation>Confirm n&amp;ew password:</translation>
        </message>
        <message>
            <source>Змінити пароль</source>
            <translation>Change password</translation>
        </message>
        <message>
            <source>Скасувати</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Новий пароль і повтор не збігаються.</source>
            <translation>The new password and confirmation do not match.</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::DeadlineCaseModel</name>
        <message>
            <source>Справа</source>
            <translation>Case</translation>
        </message>
        <message>
            <source>Послуга</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Стан</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Зареєстровано</source>
            <translation>Registered</translation>
        </message>
        <message>
            <source>Строк</source>
            <translation>Deadline</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::DeadlineModel</name>
        <message>
            <source>Суб'єкт надання</source>
            <translation>Service provider</translation>
        </message>
        <message>
            <source>Послуга</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>На розгляді</source>
            <translation>Under review</translation>
        </message>
        <message>
            <source>Під загрозою</source>
            <translation>At risk</translation>
        </message>
        <message>
            <source>Прострочено</source>
            <translation>Overdue</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::DeadlinePage</name>
        <message>
            <source>«Під загрозою» — використано строку від, %:</source>
            <translation>“At risk” from deadline share used, %:</translation>
        </message>
        <message>
            <source>Оновити</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>Справи: оберіть рядок вище</source>
            <translation>Cases: select a row above</translation>
        </message>
        <message>
            <source>На розгляді: %1 · під загрозою: %2 · прострочено: %3</source>
            <translation>Under review: %1 · at risk: %2 · overdue: %3</translation>
        </message>
        <message>
            <source>Справи під загрозою та прострочені: %1, %2</source>
            <translation>At-risk and overdue cases: %1, %2</translation>
        </message>
        <message>
            <source>Обмін із реєстрами</source>
            <translation>Registry exchange</translation>
        </message>
        <message>
            <source>Мертві листи та їхні причини</source>
            <translation>Dead letters and their reasons</translation>
        </message>
        <message>
            <source>Остання успішна доставка до сервісу реєстру</source>
            <translation>Last successful delivery per registry service</translation>
        </message>
        <message>
            <source>Черга на надсилання: %1 · надсилаються: %2 · доставлено: %3 · мертвих листів: %4</source>
            <translation>Waiting to be sent: %1 · sending: %2 · delivered: %3 · dead letters: %4</translation>
        </message>
        <message>
            <source>%1 · справа %2 · %3</source>
            <translation>%1 · case %2 · %3</translation>
        </message>
        <message>
            <source>… і ще %1 (усі — на сторінці обміну)</source>
            <translation>… and %1 more (all of them on the exchange page)</translation>
        </message>
        <message>
            <source>Мертвих листів немає.</source>
            <translation>No dead letters.</translation>
        </message>
        <message>
            <source>%1: %2 (доставлено всього: %3)</source>
            <translation>%1: %2 (delivered in all: %3)</translation>
        </message>
        <message>
            <source>Жодної успішної доставки ще не було.</source>
            <translation>No successful delivery yet.</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::DeskController</name>
        <message>
            <source>З'єднання з базою даних відновлено.</source>
            <translation>Database connection restored.</translation>
        </message>
        <message>
            <source>Для цього сеансу не вказано вікно: увійдіть із номером вікна.</source>
            <translation>No desk specified for this session: sign in with a desk number.</translation>
        </message>
        <message>
            <source>Ваша роль не дозволяє обслуговувати відвідувачів у вікні.</source>
            <translation>Your role does not allow serving visitors at a desk.</translation>
        </message>
        <message>
            <source>Перевірте результат дії після відновлення з'єднання.</source>
            <translation>Check the result of the action once the connection is restored.</translation>
        </message>
        <message>
            <source>Ніхто не очікує на це вікно.</source>
            <translation>No one is waiting for this desk.</translation>
        </message>
        <message>
            <source>Викликано талон %1.</source>
            <translation>Ticket %1 called.</translation>
        </message>
        <message>
            <source>Талон %1: вичерпано повторні виклики, відвідувача позначено як такого, що не з'явився.</source>
            <translation>Ticket %1: recalls exhausted, visitor marked as a no-show.</translation>
        </message>
        <message>
            <source>Повторний виклик талона %1 (%2-й).</source>
            <translation>Ticket %1 recalled (recall %2).</translation>
        </message>
        <message>
            <source>Розпочато обслуговування талона %1.</source>
            <translation>Started serving ticket %1.</translation>
        </message>
        <message>
            <source>Талон %1 завершено: %2.</source>
            <translation>Ticket %1 completed: %2.</translation>
        </message>
        <message>
            <source>Талон %1: відвідувач не з'явився.</source>
            <translation>Ticket %1: visitor did not show up.</translation>
        </message>
        <message>
            <source>Талон %1 перенаправлено до іншого вікна; місце в черзі збережено.</source>
            <translation>Ticket %1 redirected to another desk; place in the queue kept.</translation>
        </message>
        <message>
            <source>Талон %1 перенаправлено на іншу послугу; місце в черзі збережено.</source>
            <translation>Ticket %1 redirected to another service; place in the queue kept.</translation>
        </message>
        <message>
            <source>Талон %1 відкладено; відвідувача можна буде викликати пізніше.</source>
            <translation>Ticket %1 put on hold; the visitor can be called later.</translation>
        </message>
        <message>
            <source>Талон %1 повернуто до черги на своє місце.</source>
            <translation>Ticket %1 returned to its place in the queue.</translation>
        </message>
        <message>
            <source>Вікно на перерві: виклики призупинено.</source>
            <translation>Desk on break: calls paused.</translation>
        </message>
        <message>
            <source>Вікно знову працює.</source>
            <translation>Desk open again.</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::DeskLiveModel</name>
        <message>
            <source>Вікно %1</source>
            <translation>Desk %1</translation>
        </message>
        <message>
            <source>вільне %1</source>
            <translation>free for %1</translation>
        </message>
        <message>
            <source>Вікно</source>
            <translation>Desk</translation>
        </message>
        <message>
            <source>Стан</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Адміністратор</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>Талон</source>
            <translation>Ticket</translation>
        </message>
        <message>
            <source>Час обслуговування</source>
            <translation>Service time</translation>
        </message>
        <message>
            <source>Послуги</source>
            <translation>Services</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::DeskPanel</name>
        <message>
            <source>Поточний відвідувач</source>
            <translation>Current visitor</translation>
        </message>
        <message>
            <source>Викликати наступного</source>
            <translation>Call next</translation>
        </message>
        <message>
            <source>Повторний виклик</source>
            <translation>Recall</translation>
        </message>
        <message>
            <source>Почати обслуговування</source>
            <translation>Start service</translation>
        </message>
        <message>
            <source>Завершити…</source>
            <translation>Finish…</translation>
        </message>
        <message>
            <source>Не з'явився</source>
            <translation>No-show</translation>
        </message>
        <message>
            <source>Перенаправити…</source>
            <translation>Redirect…</translation>
        </message>
        <message>
            <source>Відкласти</source>
            <translation>Put on hold</translation>
        </message>
        <message>
            <source>Перерва</source>
            <translation>Break</translation>
        </message>
        <message>
            <source>Повернути до черги…</source>
            <translation>Return to queue…</translation>
        </message>
        <message>
            <source>Викликати наступного відвідувача до цього вікна</source>
            <translation>Call the next visitor to this desk</translation>
        </message>
        <message>
            <source>Відвідувач відходить (напр., по документ) і може бути викликаний пізніше</source>
            <translation>The visitor steps away (e.g. to fetch a document) and can be called later</translation>
        </message>
        <message>
            <source>Повернути на своє місце відвідувача, якого позначили як такого, що не з'явився</source>
            <translation>Return a visitor marked as a no-show to their place in the queue</translation>
        </message>
        <message>
            <source>Вікно не вказано</source>
            <translation>No desk specified</translation>
        </message>
        <message>
            <source>Вікно %1</source>
            <translation>Desk %1</translation>
        </message>
        <message>
            <source>невідоме вікно</source>
            <translation>unknown desk</translation>
        </message>
        <message>
            <source>Роботу центру призупинено: виклики неможливі.</source>
            <translation>Centre operations paused: calls are unavailable.</translation>
        </message>
        <message>
            <source>Роботу центру призупинено (%1): виклики неможливі.</source>
            <translation>Centre operations paused (%1): calls are unavailable.</translation>
        </message>
        <message>
            <source>%1, повторних викликів: %2</source>
            <translation>%1, recalls: %2</translation>
        </message>
        <message>
            <source>Послуги: %1</source>
            <translation>Services: %1</translation>
        </message>
        <message>
            <source>Очікував: %1 (талон видано о %2)</source>
            <translation>Waited: %1 (ticket issued at %2)</translation>
        </message>
        <message>
            <source>Пільгова категорія: %1. Потрібно пред'явити: %2.</source>
            <translation>Priority category: %1. Must present: %2.</translation>
        </message>
        <message>
            <source>Пільгова категорія: %1. Потрібно пред'явити підтвердний документ.</source>
            <translation>Priority category: %1. Must present a supporting document.</translation>
        </message>
        <message>
            <source>Попередній запис.</source>
            <translation>Pre-booked appointment.</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>Вікно вільне. Натисніть F5, щоб викликати наступного.</source>
            <translation>Desk free. Press F5 to call the next visitor.</translation>
        </message>
        <message>
            <source>Очікують на це вікно: %1</source>
            <translation>Waiting for this desk: %1</translation>
        </message>
        <message>
            <source>Відновити роботу</source>
            <translation>Resume work</translation>
        </message>
        <message>
            <source>Відкрити вікно</source>
            <translation>Open desk</translation>
        </message>
        <message>
            <source>Черга</source>
            <translation>Queue</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::ErrorPresenter</name>
        <message>
            <source>Некоректні дані</source>
            <translation>Invalid data</translation>
        </message>
        <message>
            <source>Не знайдено</source>
            <translation>Not found</translation>
        </message>
        <message>
            <source>Вже існує</source>
            <translation>Already exists</translation>
        </message>
        <message>
            <source>Конфлікт змін</source>
            <translation>Edit conflict</translation>
        </message>
        <message>
            <source>Дія недоступна</source>
            <translation>Action unavailable</translation>
        </message>
        <message>
            <source>Недостатньо прав</source>
            <translation>Insufficient permissions</translation>
        </message>
        <message>
            <source>Потрібен вхід</source>
            <translation>Sign-in required</translation>
        </message>
        <message>
            <source>Немає з'єднання</source>
            <translation>No connection</translation>
        </message>
        <message>
            <source>Потрібне оновлення програми</source>
            <translation>Application update required</translation>
        </message>
        <message>
            <source>Помилка</source>
            <translation>Error</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::FeedbackWindow</name>
        <message>
            <source>Оцініть обслуговування</source>
            <translation>Rate our service</translation>
        </message>
        <message>
            <source>Оцініть, будь ласка, як вас обслужили</source>
            <translation>Please rate how you were served</translation>
        </message>
        <message>
            <source>Оцінка анонімна: ми знаємо лише номер талона, не ваше ім'я.</source>
            <translation>Your rating is anonymous: we only know the ticket number, not your name.</translation>
        </message>
        <message>
            <source>Номер вашого талона:</source>
            <translation>Your ticket number:</translation>
        </message>
        <message>
            <source>напр. А-012</source>
            <translation>e.g. A-012</translation>
        </message>
        <message>
            <source>Далі</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>Стерти</source>
            <translation>Clear</translation>
        </message>
        <message>
            <source>дуже погано</source>
            <translation>very poor</translation>
        </message>
        <message>
            <source>погано</source>
            <translation>poor</translation>
        </message>
        <message>
            <source>задовільно</source>
            <translation>satisfactory</translation>
        </message>
        <message>
            <source>добре</source>
            <translation>good</translation>
        </message>
        <message>
            <source>відмінно</source>
            <translation>excellent</translation>
        </message>
        <message>
            <source>Оцінка %1 з 5: %2</source>
            <translation>Rating %1 out of 5: %2</translation>
        </message>
        <message>
            <source>Коментар (необов'язково). Не пишіть, будь ласка, свого імені чи телефону.</source>
            <translation>Comment (optional). Please do not include your name or phone number.</translation>
        </message>
        <message>
            <source>Скасувати</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Надіслати оцінку</source>
            <translation>Submit rating</translation>
        </message>
        <message>
            <source>Дякуємо!</source>
            <translation>Thank you!</translation>
        </message>
        <message>
            <source>Ваша оцінка допоможе нам працювати краще.</source>
            <translation>Your rating will help us do better.</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>Введіть номер талона з вашого візиту.</source>
            <translation>Enter the ticket number from your visit.</translation>
        </message>
        <message>
            <source>Талон %1: як вас обслужили?</source>
            <translation>Ticket %1: how were you served?</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::HallDisplay</name>
        <message>
            <source>Табло електронної черги</source>
            <translation>Electronic queue display board</translation>
        </message>
        <message>
            <source>Талон  →  Вікно</source>
            <translation>Ticket  →  Desk</translation>
        </message>
        <message>
            <source>Черги та орієнтовне очікування</source>
            <translation>Queues and estimated waiting times</translation>
        </message>
        <message>
            <source>ПОВІТРЯНА ТРИВОГА!
Прийом тимчасово призупинено.
Пройдіть до найближчого укриття.</source>
            <translation>AIR-RAID ALERT!
Service temporarily suspended.
Proceed to the nearest shelter.</translation>
        </message>
        <message>
            <source>Прийом тимчасово призупинено
%1</source>
            <translation>Service temporarily suspended
%1</translation>
        </message>
        <message>
            <source>з %1. Ваша черга зберігається.</source>
            <translation>since %1. Your place in the queue is kept.</translation>
        </message>
        <message>
            <source>Ваша черга зберігається.</source>
            <translation>Your place in the queue is kept.</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::KioskController</name>
        <message>
            <source>Код запису: введіть код, який ви отримали під час запису.</source>
            <translation>Booking code: enter the code you received when booking.</translation>
        </message>
        <message>
            <source>Позачергово: %1. Пред'явіть у вікні: %2.</source>
            <translation>Priority: %1. Present at the desk: %2.</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::KioskWindow</name>
        <message>
            <source>Кіоск електронної черги</source>
            <translation>Electronic queue kiosk</translation>
        </message>
        <message>
            <source>Оберіть послугу, щоб отримати талон</source>
            <translation>Choose a service to get a ticket</translation>
        </message>
        <message>
            <source>Я маю попередній запис — ввести код</source>
            <translation>I have an appointment — enter code</translation>
        </message>
        <message>
            <source>← Назад</source>
            <translation>← Back</translation>
        </message>
        <message>
            <source>Маєте право на позачергове обслуговування?</source>
            <translation>Are you entitled to priority service?</translation>
        </message>
        <message>
            <source>Документ, що підтверджує право, покажіть адміністратору у вікні.</source>
            <translation>Show the document proving your entitlement to the administrator at the desk.</translation>
        </message>
        <message>
            <source>Ні — звичайна черга</source>
            <translation>No — regular queue</translation>
        </message>
        <message>
            <source>Введіть код запису</source>
            <translation>Enter booking code</translation>
        </message>
        <message>
            <source>⌫ Стерти</source>
            <translation>⌫ Clear</translation>
        </message>
        <message>
            <source>Підтвердити</source>
            <translation>Confirm</translation>
        </message>
        <message>
            <source>Ваш талон</source>
            <translation>Your ticket</translation>
        </message>
        <message>
            <source>Готово</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Видача талонів зараз недоступна: черги ще не налаштовано. Зверніться до адміністратора.</source>
            <translation>Tickets cannot be issued right now: queues have not been set up yet. Please contact an administrator.</translation>
        </message>
        <message>
            <source>Потрібен документ: %1</source>
            <translation>Document required: %1</translation>
        </message>
        <message>
            <source>Перед вами нікого немає</source>
            <translation>No one ahead of you</translation>
        </message>
        <message>
            <source>Перед вами: %1</source>
            <translation>Ahead of you: %1</translation>
        </message>
        <message>
            <source>Орієнтовне очікування: %1</source>
            <translation>Estimated wait: %1</translation>
        </message>
        <message>
            <source>Талон не надруковано (%1). Запам'ятайте номер або зверніться до адміністратора.</source>
            <translation>Ticket not printed (%1). Remember the number or contact an administrator.</translation>
        </message>
        <message>
            <source>Візьміть надрукований талон. Слідкуйте за табло.</source>
            <translation>Take your printed ticket. Watch the display board.</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::LiveCentreController</name>
        <message>
            <source>Роботу центру призупинено: очікування зупинено, виклики неможливі.</source>
            <translation>Centre operations paused: waiting time frozen, calls are unavailable.</translation>
        </message>
        <message>
            <source>Роботу центру відновлено.</source>
            <translation>Centre operations resumed.</translation>
        </message>
        <message>
            <source>Послуги вікна %1 змінено на сьогодні; завтра діятиме звичайний перелік.</source>
            <translation>Desk %1's services changed for today; its usual list applies again tomorrow.</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::LiveCentrePage</name>
        <message>
            <source>Завантаження…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Поріг очікування, хв:</source>
            <translation>Waiting threshold, min:</translation>
        </message>
        <message>
            <source>Послуги вікна на сьогодні…</source>
            <translation>Desk services for today…</translation>
        </message>
        <message>
            <source>Призупинити центр (тривога)</source>
            <translation>Pause centre (alert)</translation>
        </message>
        <message>
            <source>Черги</source>
            <translation>Queues</translation>
        </message>
        <message>
            <source>Вікна</source>
            <translation>Desks</translation>
        </message>
        <message>
            <source>ЦЕНТР ПРИЗУПИНЕНО: %1. Чекають %2; очікування не зростає.</source>
            <translation>CENTRE PAUSED: %1. %2 waiting; waiting time is frozen.</translation>
        </message>
        <message>
            <source>Відновити роботу центру</source>
            <translation>Resume centre operations</translation>
        </message>
        <message>
            <source>Станом на %1: чекають %2, працюють вікон: %3 з %4</source>
            <translation>As of %1: %2 waiting, desks open: %3 of %4</translation>
        </message>
        <message>
            <source>Сповіщень немає.</source>
            <translation>No notifications.</translation>
        </message>
        <message>
            <source>Призупинити роботу центру</source>
            <translation>Pause centre operations</translation>
        </message>
        <message>
            <source>Причина (буде видно на табло):</source>
            <translation>Reason (shown on the display board):</translation>
        </message>
        <message>
            <source>Повітряна тривога</source>
            <translation>Air-raid alert</translation>
        </message>
        <message>
            <source>Оберіть вікно в таблиці, щоб змінити його послуги.</source>
            <translation>Select a desk in the table to change its services.</translation>
        </message>
        <message>
            <source>Послуги вікна %1</source>
            <translation>Services for desk %1</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::LoginDialog</name>
        <message>
            <source>Увійти</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <source>Скасувати</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Введіть логін і пароль.</source>
            <translation>Enter your username and password.</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::MainWindow</name>
        <message>
            <source>ЦНАП — робоче місце адміністратора</source>
            <translation>Administrative service centre — administrator workstation</translation>
        </message>
        <message>
            <source>%1 (%2), вікно %3</source>
            <translation>%1 (%2), desk %3</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>&amp;Файл</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Черга</source>
            <translation>&amp;Queue</translation>
        </message>
        <message>
            <source>&amp;Справи</source>
            <translation>&amp;Cases</translation>
        </message>
        <message>
            <source>&amp;Обмін</source>
            <translation>E&amp;xchange</translation>
        </message>
        <message>
            <source>&amp;Звіти</source>
            <translation>&amp;Reports</translation>
        </message>
        <message>
            <source>&amp;Довідка</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;Заблокувати робоче місце</source>
            <translation>&amp;Lock workstation</translation>
        </message>
        <message>
            <source>&amp;Вийти</source>
            <translation>E&amp;xit</translation>
        </message>
        <message>
            <source>&amp;Про програму</source>
            <translation>&amp;About</translation>
        </message>
        <message>
            <source>Про програму</source>
            <translation>About</translation>
        </message>
        <message>
            <source>Робоче місце адміністратора ЦНАП, версія %1</source>
            <translation>Administrative service centre workstation, version %1</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::OutcomeDialog</name>
        <message>
            <source>Завершення обслуговування</source>
            <translation>Finish service</translation>
        </message>
        <message>
            <source>Чим завершилося обслуговування талона %1?</source>
            <translation>How did the service for ticket %1 end?</translation>
        </message>
        <message>
            <source>&amp;1  Справу зареєстровано</source>
            <translation>&amp;1  Case registered</translation>
        </message>
        <message>
            <source>&amp;2  Консультація</source>
            <translation>&amp;2  Consultation</translation>
        </message>
        <message>
            <source>&amp;3  Відмова в прийнятті</source>
            <translation>&amp;3  Refused to accept</translation>
        </message>
        <message>
            <source>Скасувати</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::QueueLiveModel</name>
        <message>
            <source>немає відкритих вікон</source>
            <translation>no open desks</translation>
        </message>
        <message>
            <source>Черга</source>
            <translation>Queue</translation>
        </message>
        <message>
            <source>Чекають</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>Найдовше чекає</source>
            <translation>Longest wait</translation>
        </message>
        <message>
            <source>Орієнтовне очікування</source>
            <translation>Estimated wait</translation>
        </message>
        <message>
            <source>Талонів сьогодні</source>
            <translation>Tickets today</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::QueueStatusModel</name>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>Жодне вікно, що обслуговує цю чергу, зараз не працює</source>
            <translation>No desk serving this queue is currently open</translation>
        </message>
        <message>
            <source>Орієнтовне очікування для талона, виданого зараз</source>
            <translation>Estimated wait for a ticket issued now</translation>
        </message>
        <message>
            <source>Черга</source>
            <translation>Queue</translation>
        </message>
        <message>
            <source>Очікують</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>Найдовше чекає</source>
            <translation>Longest wait</translation>
        </message>
        <message>
            <source>Очікування</source>
            <translation>Wait</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::RedirectDialog</name>
        <message>
            <source>Перенаправлення відвідувача</source>
            <translation>Redirect visitor</translation>
        </message>
        <message>
            <source>Відвідувач зберігає своє місце в черзі.</source>
            <translation>The visitor keeps their place in the queue.</translation>
        </message>
        <message>
            <source>(та сама послуга)</source>
            <translation>(same service)</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <source>(будь-яке вікно)</source>
            <translation>(any desk)</translation>
        </message>
        <message>
            <source>Вікно %1</source>
            <translation>Desk %1</translation>
        </message>
        <message>
            <source>&amp;Послуга:</source>
            <translation>&amp;Service:</translation>
        </message>
        <message>
            <source>&amp;Вікно:</source>
            <translation>&amp;Desk:</translation>
        </message>
        <message>
            <source>Перенаправити</source>
            <translation>Redirect</translation>
        </message>
        <message>
            <source>Скасувати</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Оберіть послугу або вікно, куди перенаправити відвідувача.</source>
            <translation>Select the service or desk to redirect the visitor to.</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::ReportsPage</name>
        <message>
            <source>з</source>
            <translation>from</translation>
        </message>
        <message>
            <source>по</source>
            <translation>to</translation>
        </message>
        <message>
            <source>код послуги</source>
            <translation>service code</translation>
        </message>
        <message>
            <source>суб'єкт надання</source>
            <translation>service provider</translation>
        </message>
        <message>
            <source>вікно</source>
            <translation>desk</translation>
        </message>
        <message>
            <source>адміністратор</source>
            <translation>administrator</translation>
        </message>
        <message>
            <source>Сформувати</source>
            <translation>Generate</translation>
        </message>
        <message>
            <source>CSV…</source>
            <translation>CSV…</translation>
        </message>
        <message>
            <source>JSON…</source>
            <translation>JSON…</translation>
        </message>
        <message>
            <source>PDF…</source>
            <translation>PDF…</translation>
        </message>
        <message>
            <source>Друк…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>Збережено: %1</source>
            <translation>Saved: %1</translation>
        </message>
        <message>
            <source>Формується…</source>
            <translation>Generating…</translation>
        </message>
        <message>
            <source>Експорт звіту</source>
            <translation>Export report</translation>
        </message>
        <message>
            <source>не вдалося записати файл %1</source>
            <translation>could not write file %1</translation>
        </message>
        <message>
            <source>не вдалося записати файл %1: %2</source>
            <translation>could not write file %1: %2</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::ReturnTicketDialog</name>
        <message>
            <source>Повернення до черги</source>
            <translation>Return to queue</translation>
        </message>
        <message>
            <source>напр. А-012</source>
            <translation>e.g. A-012</translation>
        </message>
        <message>
            <source>&amp;Номер талона:</source>
            <translation>Ticket &amp;number:</translation>
        </message>
        <message>
            <source>Повернути</source>
            <translation>Return</translation>
        </message>
        <message>
            <source>Скасувати</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Номер талона: введіть номер талона, наприклад А-012.</source>
            <translation>Ticket number: enter the ticket number, e.g. A-012.</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::Supervisor</name>
        <message>
            <source>%1 с</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>%1 хв %2 с</source>
            <translation>%1 min %2 s</translation>
        </message>
        <message>
            <source>%1 год %2 хв</source>
            <translation>%1 h %2 min</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::TicketPrinter</name>
        <message>
            <source>Талон %1</source>
            <translation>Ticket %1</translation>
        </message>
        <message>
            <source>не вдалося створити теку для талонів «%1»</source>
            <translation>could not create ticket folder “%1”</translation>
        </message>
        <message>
            <source>принтер талонів «%1» не знайдено</source>
            <translation>ticket printer “%1” not found</translation>
        </message>
        <message>
            <source>не вдалося розпочати друк талона на «%1»</source>
            <translation>could not start printing ticket on “%1”</translation>
        </message>
        <message>
            <source>не вдалося завершити друк талона на «%1»</source>
            <translation>could not finish printing ticket on “%1”</translation>
        </message>
        <message>
            <source>файл талона «%1» не створено</source>
            <translation>ticket file “%1” not created</translation>
        </message>
        <message>
            <source>Ваш талон</source>
            <translation>Your ticket</translation>
        </message>
        <message>
            <source>Перед вами: %1</source>
            <translation>Ahead of you: %1</translation>
        </message>
        <message>
            <source>Орієнтовне очікування: %1</source>
            <translation>Estimated wait: %1</translation>
        </message>
        <message>
            <source>Видано: %1</source>
            <translation>Issued: %1</translation>
        </message>
        <message>
            <source>Слідкуйте за табло: номер вікна з'явиться поруч із вашим талоном.</source>
            <translation>Watch the display board: the desk number will appear next to your ticket.</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::WorkstationApp</name>
        <message>
            <source>Робоче місце ЦНАП</source>
            <translation>Service centre workstation</translation>
        </message>
        <message>
            <source>Робоче місце ЦНАП: адміністратор, керівник, кіоск, табло, відгуки</source>
            <translation>Service centre workstation: administrator, head of the centre, kiosk, display board, feedback</translation>
        </message>
        <message>
            <source>Режим: workstation, supervisor, display, kiosk, feedback.</source>
            <translation>Mode: workstation, supervisor, display, kiosk, feedback.</translation>
        </message>
        <message>
            <source>База даних: sqlite:ШЛЯХ або postgresql://…</source>
            <translation>Database: sqlite:PATH or postgresql://…</translation>
        </message>
        <message>
            <source>Мова інтерфейсу: uk або en.</source>
            <translation>Interface language: uk or en.</translation>
        </message>
        <message>
            <source>Номер вікна цього робочого місця.</source>
            <translation>Desk number of this workstation.</translation>
        </message>
        <message>
            <source>Файл налаштувань (INI).</source>
            <translation>Settings file (INI).</translation>
        </message>
        <message>
            <source>Логін (для кіоска, табло та автоматизації).</source>
            <translation>Username (for kiosk, display board and automation).</translation>
        </message>
        <message>
            <source>Прочитати пароль зі стандартного входу.</source>
            <translation>Read the password from standard input.</translation>
        </message>
        <message>
            <source>Зберегти знімок вікна у файл PNG і вийти.</source>
            <translation>Save a screenshot of the window to a PNG file and exit.</translation>
        </message>
        <message>
            <source>Затримка перед знімком, мс.</source>
            <translation>Delay before the screenshot, ms.</translation>
        </message>
        <message>
            <source>невідома мова «%1»; можливі: uk, en</source>
            <translation>unknown language “%1”; allowed: uk, en</translation>
        </message>
        <message>
            <source>невідомий режим «%1»; можливі: workstation, supervisor, display, kiosk, feedback</source>
            <translation>unknown mode “%1”; allowed: workstation, supervisor, display, kiosk, feedback</translation>
        </message>
        <message>
            <source>не вказано базу даних: --db URL, змінна CNAP_DB або налаштування</source>
            <translation>no database specified: --db URL, CNAP_DB variable or settings</translation>
        </message>
        <message>
            <source>база даних створена новішою версією програми; оновіть програму</source>
            <translation>the database was created by a newer version of the application; please update the application</translation>
        </message>
        <message>
            <source>схема бази даних не актуальна; адміністратор має виконати: cnapctl --db URL init</source>
            <translation>database schema is out of date; an administrator must run: cnapctl --db URL init</translation>
        </message>
        <message>
            <source>не вдалося прочитати пароль зі стандартного входу</source>
            <translation>could not read the password from standard input</translation>
        </message>
        <message>
            <source>для облікового запису %1 потрібно змінити пароль: увійдіть інтерактивно</source>
            <translation>account %1 must change its password: sign in interactively</translation>
        </message>
        <message>
            <source>режим «%1» недоступний для ролі «%2»</source>
            <translation>mode “%1” is not available for role “%2”</translation>
        </message>
        <message>
            <source>Робоче місце заблоковано</source>
            <translation>Workstation locked</translation>
        </message>
        <message>
            <source>Сторінка, відкрита після входу: номер вкладки від 0 або ключ (напр. supervisor-reports).</source>
            <translation>Page to open after signing in: a tab number from 0 or a key (e.g. supervisor-reports).</translation>
        </message>
        <message>
            <source>Відкрити після входу картку справи з цим номером.</source>
            <translation>Open the card of the case with this number after signing in.</translation>
        </message>
        <message>
            <source>Разом із --screenshot: зняти вікно входу замість головного вікна і вийти.</source>
            <translation>With --screenshot: capture the sign-in window instead of the main window, then exit.</translation>
        </message>
        <message>
            <source>--screenshot-login потребує --screenshot ФАЙЛ</source>
            <translation>--screenshot-login needs --screenshot FILE</translation>
        </message>
        <message>
            <source>у режимі «%1» немає сторінки «%2»; доступні: %3</source>
            <translation>mode “%1” has no page “%2”; available: %3</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>у режимі «%1» немає картки справи</source>
            <translation>mode “%1” has no case card</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::admin</name>
        <message>
            <source>Журнал аудиту</source>
            <translation>Audit log</translation>
        </message>
        <message>
            <source>Користувачі</source>
            <translation>Users</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::admin::AddUserDialog</name>
        <message>
            <source>Створити</source>
            <translation>Create</translation>
        </message>
        <message>
            <source>Скасувати</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>вкажіть ім’я користувача</source>
            <translation>enter a username</translation>
        </message>
        <message>
            <source>введіть тимчасовий пароль або оберіть генерацію</source>
            <translation>enter a temporary password or choose to generate one</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::admin::AuditController</name>
        <message>
            <source>не вказано файл для якоря журналу</source>
            <translation>no file specified for the log anchor</translation>
        </message>
        <message>
            <source>не вдалося створити файл «%1»: %2</source>
            <translation>could not create file “%1”: %2</translation>
        </message>
        <message>
            <source>не вдалося записати файл «%1»: %2</source>
            <translation>could not write file “%1”: %2</translation>
        </message>
        <message>
            <source>Ланцюжок журналу цілий: перевірено записів: %1.</source>
            <translation>Log chain intact: %1 entries verified.</translation>
        </message>
        <message>
            <source>Ланцюжок журналу порушено, перший хибний запис № %1: %2</source>
            <translation>Log chain broken, first invalid entry no. %1: %2</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::admin::AuditModel</name>
        <message>
            <source>Вхід</source>
            <translation>Sign-in</translation>
        </message>
        <message>
            <source>Невдалий вхід</source>
            <translation>Failed sign-in</translation>
        </message>
        <message>
            <source>Вихід</source>
            <translation>Sign-out</translation>
        </message>
        <message>
            <source>Блокування сеансу</source>
            <translation>Session locked</translation>
        </message>
        <message>
            <source>Розблокування сеансу</source>
            <translation>Session unlocked</translation>
        </message>
        <message>
            <source>Зміна пароля</source>
            <translation>Password change</translation>
        </message>
        <message>
            <source>Перегляд заявника</source>
            <translation>Applicant viewed</translation>
        </message>
        <message>
            <source>Пошук заявника</source>
            <translation>Applicant search</translation>
        </message>
        <message>
            <source>Зміна заявника</source>
            <translation>Applicant changed</translation>
        </message>
        <message>
            <source>Перегляд справи</source>
            <translation>Case viewed</translation>
        </message>
        <message>
            <source>Зміна справи</source>
            <translation>Case changed</translation>
        </message>
        <message>
            <source>Експорт</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Друк</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>Новий користувач</source>
            <translation>New user</translation>
        </message>
        <message>
            <source>Зміна користувача</source>
            <translation>User changed</translation>
        </message>
        <message>
            <source>Зміна налаштувань</source>
            <translation>Settings changed</translation>
        </message>
        <message>
            <source>Зміна черги</source>
            <translation>Queue changed</translation>
        </message>
        <message>
            <source>Зміна обміну</source>
            <translation>Exchange changed</translation>
        </message>
        <message>
            <source>№</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Час</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Користувач</source>
            <translation>User</translation>
        </message>
        <message>
            <source>Роль</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Вікно</source>
            <translation>Desk</translation>
        </message>
        <message>
            <source>Дія</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Об’єкт</source>
            <translation>Object</translation>
        </message>
        <message>
            <source>Подробиці</source>
            <translation>Details</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::admin::AuditPage</name>
        <message>
            <source>Період з</source>
            <translation>Period from</translation>
        </message>
        <message>
            <source>по</source>
            <translation>to</translation>
        </message>
        <message>
            <source>Логін</source>
            <translation>Username</translation>
        </message>
        <message>
            <source>Усі дії</source>
            <translation>All actions</translation>
        </message>
        <message>
            <source>Тип об’єкта (case, user…)</source>
            <translation>Object type (case, user…)</translation>
        </message>
        <message>
            <source>Ідентифікатор об’єкта</source>
            <translation>Object ID</translation>
        </message>
        <message>
            <source>Показати</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>Перевірити ланцюжок</source>
            <translation>Verify chain</translation>
        </message>
        <message>
            <source>Експортувати якір…</source>
            <translation>Export anchor…</translation>
        </message>
        <message>
            <source>Зберегти номер і хеш останнього запису у файл поза базою даних, щоб пізніше виявити обрізаний журнал</source>
            <translation>Save the number and hash of the latest entry to a file outside the database so that a truncated log can be detected later</translation>
        </message>
        <message>
            <source>Записів: %1 (прокрутіть, щоб завантажити давніші)</source>
            <translation>Entries: %1 (scroll to load older ones)</translation>
        </message>
        <message>
            <source>Записів: %1</source>
            <translation>Entries: %1</translation>
        </message>
        <message>
            <source>Якір збережено у %1: запис № %2</source>
            <translation>Anchor saved to %1: entry no. %2</translation>
        </message>
        <message>
            <source>Завантаження…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>початок періоду пізніше за його кінець</source>
            <translation>the start of the period is later than its end</translation>
        </message>
        <message>
            <source>Перевірка ланцюжка…</source>
            <translation>Verifying chain…</translation>
        </message>
        <message>
            <source>Експорт якоря журналу аудиту</source>
            <translation>Export audit log anchor</translation>
        </message>
        <message>
            <source>Текстові файли (*.txt)</source>
            <translation>Text files (*.txt)</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::admin::UsersModel</name>
        <message>
            <source>вимкнено</source>
            <translation>disabled</translation>
        </message>
        <message>
            <source>заблоковано після невдалих спроб</source>
            <translation>locked after failed attempts</translation>
        </message>
        <message>
            <source>активний</source>
            <translation>active</translation>
        </message>
        <message>
            <source>, має змінити пароль</source>
            <translation>, must change password</translation>
        </message>
        <message>
            <source>Логін</source>
            <translation>Username</translation>
        </message>
        <message>
            <source>Ім’я</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Роль</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Стан</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Останній вхід</source>
            <translation>Last login</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::admin::UsersPage</name>
        <message>
            <source>&amp;Додати користувача…</source>
            <translation>&amp;Add user…</translation>
        </message>
        <message>
            <source>Скинути &amp;пароль</source>
            <translation>Reset &amp;password</translation>
        </message>
        <message>
            <source>Видати тимчасовий пароль; користувач змінить його під час наступного входу</source>
            <translation>Issue a temporary password; the user will change it at next login</translation>
        </message>
        <message>
            <source>&amp;Вимкнути</source>
            <translation>&amp;Disable</translation>
        </message>
        <message>
            <source>Облікових записів: %1</source>
            <translation>Accounts: %1</translation>
        </message>
        <message>
            <source>Користувача створено</source>
            <translation>User created</translation>
        </message>
        <message>
            <source>Користувача %1 створено</source>
            <translation>User %1 created</translation>
        </message>
        <message>
            <source>Пароль скинуто</source>
            <translation>Password reset</translation>
        </message>
        <message>
            <source>&amp;Увімкнути</source>
            <translation>&amp;Enable</translation>
        </message>
        <message>
            <source>Скинути пароль</source>
            <translation>Reset password</translation>
        </message>
        <message>
            <source>Видати користувачу %1 тимчасовий пароль? Поточний пароль перестане діяти.</source>
            <translation>Issue a temporary password to %1? Their current password will stop working.</translation>
        </message>
        <message>
            <source>Тимчасовий пароль для %1:

%2

Передайте його користувачу особисто. Під час першого входу він має встановити власний пароль. Цей пароль більше не буде показано.</source>
            <translation>Temporary password for %1:

%2

Hand it to the user in person. They must set their own password at first login. This password will not be shown again.</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::desk</name>
        <message>
            <source>Заявник</source>
            <translation>Applicant</translation>
        </message>
        <message>
            <source>Знайти &amp;заявника</source>
            <translation>Find &amp;applicant</translation>
        </message>
        <message>
            <source>Новий з&amp;аявник</source>
            <translation>New a&amp;pplicant</translation>
        </message>
        <message>
            <source>Прийом</source>
            <translation>Intake</translation>
        </message>
        <message>
            <source>&amp;Нова справа</source>
            <translation>&amp;New case</translation>
        </message>
        <message>
            <source>Справи</source>
            <translation>Cases</translation>
        </message>
        <message>
            <source>&amp;Список справ</source>
            <translation>Case &amp;list</translation>
        </message>
        <message>
            <source>Справа</source>
            <translation>Case</translation>
        </message>
        <message>
            <source>Відкрита &amp;справа</source>
            <translation>Current &amp;case</translation>
        </message>
        <message>
            <source>%1 МБ</source>
            <translation>%1 MB</translation>
        </message>
        <message>
            <source>%1 КБ</source>
            <translation>%1 KB</translation>
        </message>
        <message>
            <source>ОПИС ВХІДНОГО ПАКЕТА ДОКУМЕНТІВ</source>
            <translation>INVENTORY OF SUBMITTED DOCUMENTS</translation>
        </message>
        <message>
            <source>№ %1 від %2</source>
            <translation>No. %1 of %2</translation>
        </message>
        <message>
            <source>Суб'єкт звернення</source>
            <translation>Applicant</translation>
        </message>
        <message>
            <source>Суб'єкт надання</source>
            <translation>Service provider</translation>
        </message>
        <message>
            <source>Адміністративна послуга</source>
            <translation>Administrative service</translation>
        </message>
        <message>
            <source>Адреса об'єкта</source>
            <translation>Property address</translation>
        </message>
        <message>
            <source>Граничний строк надання</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <source>Спосіб отримання результату</source>
            <translation>Result delivery method</translation>
        </message>
        <message>
            <source>Адміністративний збір</source>
            <translation>Administrative fee</translation>
        </message>
        <message>
            <source>безоплатно</source>
            <translation>free of charge</translation>
        </message>
        <message>
            <source>%1 грн (%2)</source>
            <translation>UAH %1 (%2)</translation>
        </message>
        <message>
            <source>Найменування документа</source>
            <translation>Document name</translation>
        </message>
        <message>
            <source>Оригінал / копія</source>
            <translation>Original / copy</translation>
        </message>
        <message>
            <source>Аркушів</source>
            <translation>Sheets</translation>
        </message>
        <message>
            <source>Усього аркушів</source>
            <translation>Total sheets</translation>
        </message>
        <message>
            <source>Електронних копій (сканів) долучено: %1</source>
            <translation>Electronic copies (scans) attached: %1</translation>
        </message>
        <message>
            <source>Документи прийняв адміністратор ЦНАП:</source>
            <translation>Documents received by centre administrator:</translation>
        </message>
        <message>
            <source>Документи здав суб'єкт звернення:</source>
            <translation>Documents submitted by applicant:</translation>
        </message>
        <message>
            <source>підпис</source>
            <translation>signature</translation>
        </message>
        <message>
            <source>Примірник ЦНАП</source>
            <translation>Centre's copy</translation>
        </message>
        <message>
            <source>Примірник суб'єкта звернення</source>
            <translation>Applicant's copy</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::desk::ApplicantDialog</name>
        <message>
            <source>Заявник</source>
            <translation>Applicant</translation>
        </message>
        <message>
            <source>&amp;Фізична особа</source>
            <translation>&amp;Individual</translation>
        </message>
        <message>
            <source>&amp;Юридична особа</source>
            <translation>&amp;Legal entity</translation>
        </message>
        <message>
            <source>Особа</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>Прізвище*</source>
            <translation>Surname*</translation>
        </message>
        <message>
            <source>Ім'я*</source>
            <translation>First name*</translation>
        </message>
        <message>
            <source>По батькові</source>
            <translation>Patronymic</translation>
        </message>
        <message>
            <source>Дата народження*</source>
            <translation>Date of birth*</translation>
        </message>
        <message>
            <source>ДД.ММ.РРРР</source>
            <translation>DD.MM.YYYY</translation>
        </message>
        <message>
            <source>РНОКПП</source>
            <translation>RNOKPP</translation>
        </message>
        <message>
            <source>Відмова від РНОКПП (відмітка в паспорті)</source>
            <translation>Declined RNOKPP (mark in passport)</translation>
        </message>
        <message>
            <source>УНЗР</source>
            <translation>UNZR</translation>
        </message>
        <message>
            <source>РРРРММДД-NNNNN</source>
            <translation>YYYYMMDD-NNNNN</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>Паспорт-книжечка</source>
            <translation>Passport booklet</translation>
        </message>
        <message>
            <source>ID-картка</source>
            <translation>ID card</translation>
        </message>
        <message>
            <source>Інший документ</source>
            <translation>Other document</translation>
        </message>
        <message>
            <source>Документ</source>
            <translation>Document</translation>
        </message>
        <message>
            <source>Серія та номер</source>
            <translation>Series and number</translation>
        </message>
        <message>
            <source>Ким виданий</source>
            <translation>Issued by</translation>
        </message>
        <message>
            <source>Дата видачі</source>
            <translation>Date of issue</translation>
        </message>
        <message>
            <source>Юридична особа</source>
            <translation>Legal entity</translation>
        </message>
        <message>
            <source>Код ЄДРПОУ*</source>
            <translation>EDRPOU code*</translation>
        </message>
        <message>
            <source>Найменування*</source>
            <translation>Name*</translation>
        </message>
        <message>
            <source>Представник (ПІБ)*</source>
            <translation>Representative (full name)*</translation>
        </message>
        <message>
            <source>Документ про повноваження*</source>
            <translation>Proof of authority*</translation>
        </message>
        <message>
            <source>довіреність № … від …, або статут (керівник)</source>
            <translation>power of attorney no. … of …, or articles (head)</translation>
        </message>
        <message>
            <source>Адреса та контакти</source>
            <translation>Address and contacts</translation>
        </message>
        <message>
            <source>Зареєстрована адреса</source>
            <translation>Registered address</translation>
        </message>
        <message>
            <source>Код КАТОТТГ</source>
            <translation>KATOTTH code</translation>
        </message>
        <message>
            <source>Телефон</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Електронна пошта</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>Згода на обробку персональних даних отримана</source>
            <translation>Consent to personal data processing obtained</translation>
        </message>
        <message>
            <source>&amp;Зберегти</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Скасувати</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Заявник: %1</source>
            <translation>Applicant: %1</translation>
        </message>
        <message>
            <source>Новий заявник</source>
            <translation>New applicant</translation>
        </message>
        <message>
            <source>Заявник уже є в базі?</source>
            <translation>Applicant already on file?</translation>
        </message>
        <message>
            <source>• %1, %2</source>
            <translation>• %1, %2</translation>
        </message>
        <message>
            <source>Знайдено схожих заявників:
%1</source>
            <translation>Similar applicants found:
%1</translation>
        </message>
        <message>
            <source>Обрати наявного</source>
            <translation>Select existing</translation>
        </message>
        <message>
            <source>Це інша особа — створити</source>
            <translation>Different person — create</translation>
        </message>
        <message>
            <source>Повернутися до форми</source>
            <translation>Back to form</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::desk::ApplicantFormController</name>
        <message>
            <source>Прізвище</source>
            <translation>Surname</translation>
        </message>
        <message>
            <source>Ім'я</source>
            <translation>First name</translation>
        </message>
        <message>
            <source>По батькові</source>
            <translation>Patronymic</translation>
        </message>
        <message>
            <source>Дата народження</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <source>РНОКПП</source>
            <translation>RNOKPP</translation>
        </message>
        <message>
            <source>УНЗР</source>
            <translation>UNZR</translation>
        </message>
        <message>
            <source>Документ, що посвідчує особу</source>
            <translation>Identity document</translation>
        </message>
        <message>
            <source>Номер документа</source>
            <translation>Document number</translation>
        </message>
        <message>
            <source>Дата видачі документа</source>
            <translation>Document issue date</translation>
        </message>
        <message>
            <source>Код КАТОТТГ</source>
            <translation>KATOTTH code</translation>
        </message>
        <message>
            <source>Телефон</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Електронна пошта</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>Згода на обробку персональних даних</source>
            <translation>Consent to personal data processing</translation>
        </message>
        <message>
            <source>Код ЄДРПОУ</source>
            <translation>EDRPOU code</translation>
        </message>
        <message>
            <source>Найменування</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Представник</source>
            <translation>Representative</translation>
        </message>
        <message>
            <source>Документ про повноваження</source>
            <translation>Proof of authority</translation>
        </message>
        <message>
            <source>дата народження не може бути в майбутньому</source>
            <translation>date of birth cannot be in the future</translation>
        </message>
        <message>
            <source>вказано і РНОКПП, і відмову від нього — залиште щось одне</source>
            <translation>both an RNOKPP and a declined RNOKPP are given — keep only one</translation>
        </message>
        <message>
            <source>дата народження в РНОКПП (%1) не збігається з указаною (%2)</source>
            <translation>date of birth in RNOKPP (%1) does not match the one entered (%2)</translation>
        </message>
        <message>
            <source>при відмові від РНОКПП особу посвідчує паспорт-книжечка з відміткою (ст. 70 ПКУ)</source>
            <translation>if the RNOKPP is declined, identity is proven by a passport booklet with the mark (Art. 70 of the Tax Code)</translation>
        </message>
        <message>
            <source>дата народження в УНЗР (%1) не збігається з указаною (%2)</source>
            <translation>date of birth in UNZR (%1) does not match the one entered (%2)</translation>
        </message>
        <message>
            <source>дата видачі документа не може бути в майбутньому</source>
            <translation>document issue date cannot be in the future</translation>
        </message>
        <message>
            <source>адреса електронної пошти неправильна</source>
            <translation>invalid email address</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::desk::ApplicantPanel</name>
        <message>
            <source>РНОКПП, ЄДРПОУ, УНЗР, паспорт, телефон, № справи або прізвище</source>
            <translation>RNOKPP, EDRPOU, UNZR, passport, phone, case no. or surname</translation>
        </message>
        <message>
            <source>До &amp;нової справи</source>
            <translation>To &amp;new case</translation>
        </message>
        <message>
            <source>Взяти обраного заявника до нової справи (Enter у списку)</source>
            <translation>Take the selected applicant into a new case (Enter in the list)</translation>
        </message>
        <message>
            <source>&amp;Картка</source>
            <translation>&amp;Details</translation>
        </message>
        <message>
            <source>Нова &amp;особа</source>
            <translation>New &amp;person</translation>
        </message>
        <message>
            <source>Нова &amp;юрособа</source>
            <translation>New legal &amp;entity</translation>
        </message>
        <message>
            <source>Шукаю за: %1</source>
            <translation>Searching by: %1</translation>
        </message>
        <message>
            <source>Нікого не знайдено. Створіть нового заявника.</source>
            <translation>No one found. Create a new applicant.</translation>
        </message>
        <message>
            <source>Знайдено: %1</source>
            <translation>Found: %1</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::desk::ApplicantResultsModel</name>
        <message>
            <source>ЄДРПОУ %1</source>
            <translation>EDRPOU %1</translation>
        </message>
        <message>
            <source>відмова від РНОКПП</source>
            <translation>declined RNOKPP</translation>
        </message>
        <message>
            <source>Заявник</source>
            <translation>Applicant</translation>
        </message>
        <message>
            <source>Дата народження</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <source>РНОКПП / ЄДРПОУ</source>
            <translation>RNOKPP / EDRPOU</translation>
        </message>
        <message>
            <source>Телефон</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Адреса</source>
            <translation>Address</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::desk::AttachmentModel</name>
        <message>
            <source>Файл</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Тип (за вмістом)</source>
            <translation>Type (by content)</translation>
        </message>
        <message>
            <source>Розмір</source>
            <translation>Size</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::desk::CaseDocumentsModel</name>
        <message>
            <source>№</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Файл</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Тип</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Розмір</source>
            <translation>Size</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::desk::CaseHistoryModel</name>
        <message>
            <source>Строк продовжено: %1 → %2</source>
            <translation>Deadline extended: %1 → %2</translation>
        </message>
        <message>
            <source>%1 → %2</source>
            <translation>%1 → %2</translation>
        </message>
        <message>
            <source>Коли</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Хто</source>
            <translation>Who</translation>
        </message>
        <message>
            <source>Подія</source>
            <translation>Event</translation>
        </message>
        <message>
            <source>Коментар</source>
            <translation>Comment</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::desk::CaseListModel</name>
        <message>
            <source>Номер</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Стан</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Зареєстровано</source>
            <translation>Registered</translation>
        </message>
        <message>
            <source>Строк</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <source>Заявник</source>
            <translation>Applicant</translation>
        </message>
        <message>
            <source>Послуга</source>
            <translation>Service</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::desk::CaseListPage</name>
        <message>
            <source>Пошук: № справи, РНОКПП, ЄДРПОУ або прізвище (Enter)</source>
            <translation>Search: case no., RNOKPP, EDRPOU or surname (Enter)</translation>
        </message>
        <message>
            <source>Усі стани</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>Код послуги</source>
            <translation>Service code</translation>
        </message>
        <message>
            <source>Лише прострочені</source>
            <translation>Overdue only</translation>
        </message>
        <message>
            <source>Спочатку нові</source>
            <translation>Newest first</translation>
        </message>
        <message>
            <source>Спочатку давні</source>
            <translation>Oldest first</translation>
        </message>
        <message>
            <source>За строком</source>
            <translation>By deadline</translation>
        </message>
        <message>
            <source>Показано справ: %1%2</source>
            <translation>Cases shown: %1%2</translation>
        </message>
        <message>
            <source> (гортайте, щоб завантажити ще)</source>
            <translation> (scroll to load more)</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::desk::CaseViewController</name>
        <message>
            <source>Справу щойно змінив інший адміністратор. Її перечитано — перевірте стан і повторіть дію, якщо вона ще потрібна. Ваш коментар збережено у формі.</source>
            <translation>Another administrator has just changed this case. It has been reloaded — check its status and repeat the action if it is still needed. Your comment has been kept in the form.</translation>
        </message>
        <message>
            <source>не вдалося записати файл %1: %2</source>
            <translation>could not write file %1: %2</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::desk::CaseViewPage</name>
        <message>
            <source>Відкрийте справу зі списку справ (F3).</source>
            <translation>Open a case from the case list (F3).</translation>
        </message>
        <message>
            <source>Дії</source>
            <translation>Actions</translation>
        </message>
        <message>
            <source>Історія</source>
            <translation>History</translation>
        </message>
        <message>
            <source>Документи</source>
            <translation>Documents</translation>
        </message>
        <message>
            <source>Зберегти копію файла…</source>
            <translation>Save file copy…</translation>
        </message>
        <message>
            <source>Друкувати опис (Ctrl+P)</source>
            <translation>Print inventory (Ctrl+P)</translation>
        </message>
        <message>
            <source>Опис у PDF…</source>
            <translation>Inventory to PDF…</translation>
        </message>
        <message>
            <source>Стан змінено: %1</source>
            <translation>Status changed: %1</translation>
        </message>
        <message>
            <source>Збережено: %1</source>
            <translation>Saved: %1</translation>
        </message>
        <message>
            <source>Опис збережено: %1</source>
            <translation>Inventory saved: %1</translation>
        </message>
        <message>
            <source>&lt;span style='font-size:15pt'&gt;&lt;b&gt;Справа № %1&lt;/b&gt;&lt;/span&gt; &amp;nbsp; &lt;b&gt;%2&lt;/b&gt;&lt;br&gt;Заявник: %3&lt;br&gt;Послуга: %4 %5&lt;br&gt;Суб'єкт надання: %6&lt;br&gt;Зареєстровано: %7 (%8) &amp;nbsp; Граничний строк: %9</source>
            <translation>&lt;span style='font-size:15pt'&gt;&lt;b&gt;Case no. %1&lt;/b&gt;&lt;/span&gt; &amp;nbsp; &lt;b&gt;%2&lt;/b&gt;&lt;br&gt;Applicant: %3&lt;br&gt;Service: %4 %5&lt;br&gt;Service provider: %6&lt;br&gt;Registered: %7 (%8) &amp;nbsp; Deadline: %9</translation>
        </message>
        <message>
            <source>Alt+%1</source>
            <translation>Alt+%1</translation>
        </message>
        <message>
            <source>Справу завершено: дій немає.</source>
            <translation>Case closed: no actions available.</translation>
        </message>
        <message>
            <source>Зберегти копію файла</source>
            <translation>Save file copy</translation>
        </message>
        <message>
            <source>Зберегти опис</source>
            <translation>Save inventory</translation>
        </message>
        <message>
            <source>опис-%1.pdf</source>
            <translation>inventory-%1.pdf</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Строк продовжено до %1</source>
            <translation>Term extended to %1</translation>
        </message>
        <message>
            <source>Продовжити строк… (Ctrl+E)</source>
            <translation>Extend term… (Ctrl+E)</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::desk::ChecklistModel</name>
        <message>
            <source>%1 (за потреби)</source>
            <translation>%1 (if required)</translation>
        </message>
        <message>
            <source>подано</source>
            <translation>submitted</translation>
        </message>
        <message>
            <source>не подано</source>
            <translation>not submitted</translation>
        </message>
        <message>
            <source>Документ</source>
            <translation>Document</translation>
        </message>
        <message>
            <source>Подано</source>
            <translation>Submitted</translation>
        </message>
        <message>
            <source>Оригінал / копія</source>
            <translation>Original / copy</translation>
        </message>
        <message>
            <source>Аркушів</source>
            <translation>Sheets</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::desk::DeskServices</name>
        <message>
            <source>не налаштовано сховище документів (параметр DocumentStoreDir або змінна CNAP_STORE): %1</source>
            <translation>document store not configured (DocumentStoreDir setting or CNAP_STORE variable): %1</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::desk::ExtendDueDialog</name>
        <message>
            <source>Продовження строку розгляду</source>
            <translation>Extend the review term</translation>
        </message>
        <message>
            <source>Чинний граничний строк: %1</source>
            <translation>Current deadline: %1</translation>
        </message>
        <message>
            <source>Новий строк*</source>
            <translation>New deadline*</translation>
        </message>
        <message>
            <source>правова підстава: стаття, частина, пункт акта</source>
            <translation>legal basis: article, part, clause of the act</translation>
        </message>
        <message>
            <source>Підстава*</source>
            <translation>Legal basis*</translation>
        </message>
        <message>
            <source>Продовжити (Ctrl+Enter)</source>
            <translation>Extend (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Скасувати</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Новий строк: має бути пізнішим за чинний (%1).</source>
            <translation>New deadline: must be later than the current one (%1).</translation>
        </message>
        <message>
            <source>Підстава: вкажіть правову підставу продовження строку.</source>
            <translation>Legal basis: state the legal basis for the extension.</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::desk::IntakeController</name>
        <message>
            <source>Файли: до справи можна долучити не більше 50 файлів</source>
            <translation>Files: no more than 50 files can be attached to a case</translation>
        </message>
        <message>
            <source>Файли: %1</source>
            <translation>Files: %1</translation>
        </message>
        <message>
            <source>Файли: «%1» завеликий (%2; найбільше %3)</source>
            <translation>Files: “%1” is too large (%2; maximum %3)</translation>
        </message>
        <message>
            <source>Файли: не вдалося прочитати «%1»</source>
            <translation>Files: could not read “%1”</translation>
        </message>
        <message>
            <source>Заявник: оберіть заявника або внесіть його дані (F2)</source>
            <translation>Applicant: select an applicant or enter their details (F2)</translation>
        </message>
        <message>
            <source>Послуга: оберіть послугу з переліку</source>
            <translation>Service: select a service from the list</translation>
        </message>
        <message>
            <source>Збір: сума не може бути від'ємною</source>
            <translation>Fee: amount cannot be negative</translation>
        </message>
        <message>
            <source>Оплата: вкажіть номер квитанції або платежу</source>
            <translation>Payment: enter the receipt or payment number</translation>
        </message>
        <message>
            <source>Адреса: вкажіть поштову адресу для надсилання результату</source>
            <translation>Address: enter a postal address to send the result to</translation>
        </message>
        <message>
            <source>Адреса: вкажіть електронну пошту для надсилання результату</source>
            <translation>Address: enter an email address to send the result to</translation>
        </message>
        <message>
            <source>Представник: вкажіть ПІБ і документ про повноваження</source>
            <translation>Representative: enter full name and proof of authority</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::desk::IntakePage</name>
        <message>
            <source>не обрано — знайдіть або створіть заявника (F2)</source>
            <translation>not selected — find or create an applicant (F2)</translation>
        </message>
        <message>
            <source>%1 (новий)</source>
            <translation>%1 (new)</translation>
        </message>
        <message>
            <source>Зареєстровано: справа № %1, граничний строк %2</source>
            <translation>Registered: case no. %1, deadline %2</translation>
        </message>
        <message>
            <source>Опис збережено: %1</source>
            <translation>Inventory saved: %1</translation>
        </message>
        <message>
            <source>Відвідувач за талоном %1: знайдіть або створіть заявника (F2).</source>
            <translation>Visitor with ticket %1: find or create an applicant (F2).</translation>
        </message>
        <message>
            <source>Заявник</source>
            <translation>Applicant</translation>
        </message>
        <message>
            <source>Знайти (F2)</source>
            <translation>Find (F2)</translation>
        </message>
        <message>
            <source>Послуга</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Слова з назви або код послуги</source>
            <translation>Words from the name or service code</translation>
        </message>
        <message>
            <source>Документи (опис)</source>
            <translation>Documents (inventory)</translation>
        </message>
        <message>
            <source>Усі подано (Ctrl+D)</source>
            <translation>All submitted (Ctrl+D)</translation>
        </message>
        <message>
            <source>Скановані файли — PDF, JPEG, PNG, TIFF (перетягніть сюди)</source>
            <translation>Scanned files — PDF, JPEG, PNG, TIFF (drag here)</translation>
        </message>
        <message>
            <source>Додати файл… (Ctrl+O)</source>
            <translation>Add file… (Ctrl+O)</translation>
        </message>
        <message>
            <source>Вилучити</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Реквізити звернення</source>
            <translation>Application details</translation>
        </message>
        <message>
            <source>за карткою</source>
            <translation>as per service card</translation>
        </message>
        <message>
            <source>Збір, грн</source>
            <translation>Fee, UAH</translation>
        </message>
        <message>
            <source>№ квитанції / платежу</source>
            <translation>Receipt / payment no.</translation>
        </message>
        <message>
            <source>Оплата</source>
            <translation>Payment</translation>
        </message>
        <message>
            <source>Отримання результату</source>
            <translation>Result delivery</translation>
        </message>
        <message>
            <source>поштова адреса або e-mail</source>
            <translation>postal address or email</translation>
        </message>
        <message>
            <source>Куди надіслати</source>
            <translation>Send to</translation>
        </message>
        <message>
            <source>Спосіб звернення</source>
            <translation>Submission method</translation>
        </message>
        <message>
            <source>ПІБ, довіреність № … від …</source>
            <translation>Full name, power of attorney no. … of …</translation>
        </message>
        <message>
            <source>Представник</source>
            <translation>Representative</translation>
        </message>
        <message>
            <source>Адреса об'єкта</source>
            <translation>Property address</translation>
        </message>
        <message>
            <source>Зареєструвати (Ctrl+Enter)</source>
            <translation>Register (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Друкувати опис (Ctrl+P)</source>
            <translation>Print inventory (Ctrl+P)</translation>
        </message>
        <message>
            <source>Зберегти опис у PDF…</source>
            <translation>Save inventory as PDF…</translation>
        </message>
        <message>
            <source>Збір: введіть суму в гривнях, наприклад 85.00</source>
            <translation>Fee: enter an amount in hryvnias, e.g. 85.00</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1 %2&lt;/b&gt;&lt;br&gt;Суб'єкт надання: %3&lt;br&gt;Строк: %4; збір: %5</source>
            <translation>&lt;b&gt;%1 %2&lt;/b&gt;&lt;br&gt;Service provider: %3&lt;br&gt;Deadline: %4; fee: %5</translation>
        </message>
        <message>
            <source>безоплатно</source>
            <translation>free of charge</translation>
        </message>
        <message>
            <source>%1 грн</source>
            <translation>UAH %1</translation>
        </message>
        <message>
            <source>Зберегти опис</source>
            <translation>Save inventory</translation>
        </message>
        <message>
            <source>опис-%1.pdf</source>
            <translation>inventory-%1.pdf</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Додати скановані документи</source>
            <translation>Add scanned documents</translation>
        </message>
        <message>
            <source>Скани (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
            <translation>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</translation>
        </message>
        <message>
            <source>Онлайн-заява %1: знайдіть або створіть заявника (F2).</source>
            <translation>Online application %1: find or create the applicant (F2).</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::desk::InventoryRenderer</name>
        <message>
            <source>Примірник ЦНАП</source>
            <translation>Centre's copy</translation>
        </message>
        <message>
            <source>Примірник суб'єкта звернення</source>
            <translation>Applicant's copy</translation>
        </message>
        <message>
            <source>не вдалося створити файл %1: %2</source>
            <translation>could not create file %1: %2</translation>
        </message>
        <message>
            <source>Опис вхідного пакета документів %1</source>
            <translation>Inventory of submitted documents %1</translation>
        </message>
        <message>
            <source>не вдалося записати файл %1: %2</source>
            <translation>could not write file %1: %2</translation>
        </message>
        <message>
            <source>Опис %1</source>
            <translation>Inventory %1</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::desk::ServiceListModel</name>
        <message>
            <source>%1
Суб'єкт надання: %2
Строк: %3</source>
            <translation>%1
Service provider: %2
Deadline: %3</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::desk::TransitionDialog</name>
        <message>
            <source>%1 → %2</source>
            <translation>%1 → %2</translation>
        </message>
        <message>
            <source>ПІБ того, хто отримав результат</source>
            <translation>Full name of the person who received the result</translation>
        </message>
        <message>
            <source>Кому видано*</source>
            <translation>Issued to*</translation>
        </message>
        <message>
            <source>документ, що посвідчує особу: вид, серія, номер</source>
            <translation>identity document: type, series, number</translation>
        </message>
        <message>
            <source>Перевірений документ*</source>
            <translation>Document checked*</translation>
        </message>
        <message>
            <source>Підстави*</source>
            <translation>Grounds*</translation>
        </message>
        <message>
            <source>Коментар</source>
            <translation>Comment</translation>
        </message>
        <message>
            <source>Застосувати (Ctrl+Enter)</source>
            <translation>Apply (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Скасувати</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::exchange::CaseExchangeModel</name>
        <message>
            <source>%1 %2, повідомлення %3</source>
            <translation>%1 %2, message %3</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>Реєстр</source>
            <translation>Registry</translation>
        </message>
        <message>
            <source>Стан обміну</source>
            <translation>Exchange state</translation>
        </message>
        <message>
            <source>Спроб</source>
            <translation>Attempts</translation>
        </message>
        <message>
            <source>Остання помилка</source>
            <translation>Last error</translation>
        </message>
        <message>
            <source>Відповідь реєстру</source>
            <translation>Registry reply</translation>
        </message>
        <message>
            <source>Змінено</source>
            <translation>Changed</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::exchange::CaseExchangeSection</name>
        <message>
            <source>Обмін з реєстрами</source>
            <translation>Registry exchange</translation>
        </message>
        <message>
            <source>Справа не потребує обміну з реєстрами.</source>
            <translation>This case needs no registry exchange.</translation>
        </message>
        <message>
            <source>Повідомлення до реєстру не доставлено: перевірте причину, виправте дані й зверніться до керівника, щоб повторити надсилання.</source>
            <translation>The message to the registry was not delivered: check the reason, correct the data and ask the head of the centre to send it again.</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::exchange::ExchangeFeature</name>
        <message>
            <source>Обмін з реєстрами</source>
            <translation>Registry exchange</translation>
        </message>
        <message>
            <source>&amp;Черга і журнал обміну</source>
            <translation>Exchange &amp;queue and log</translation>
        </message>
        <message>
            <source>Онлайн-заяви</source>
            <translation>Online applications</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::exchange::ExchangeFormat</name>
        <message>
            <source>Очікує</source>
            <translation>Pending</translation>
        </message>
        <message>
            <source>Надсилається</source>
            <translation>In flight</translation>
        </message>
        <message>
            <source>Доставлено</source>
            <translation>Delivered</translation>
        </message>
        <message>
            <source>Не доставлено</source>
            <translation>Not delivered</translation>
        </message>
        <message>
            <source>У черзі на надсилання</source>
            <translation>Queued for sending</translation>
        </message>
        <message>
            <source>Очікує повторної спроби</source>
            <translation>Waiting for a retry</translation>
        </message>
        <message>
            <source>Надсилається до реєстру</source>
            <translation>Being sent to the registry</translation>
        </message>
        <message>
            <source>Прийнято реєстром, очікується рішення</source>
            <translation>Accepted by the registry, decision pending</translation>
        </message>
        <message>
            <source>Реєстр: позитивне рішення</source>
            <translation>Registry: granted</translation>
        </message>
        <message>
            <source>Реєстр: відмова</source>
            <translation>Registry: refused</translation>
        </message>
        <message>
            <source>Доставлено до реєстру</source>
            <translation>Delivered to the registry</translation>
        </message>
        <message>
            <source>Не доставлено: потрібне втручання</source>
            <translation>Not delivered: needs attention</translation>
        </message>
        <message>
            <source>рішення очікується</source>
            <translation>decision pending</translation>
        </message>
        <message>
            <source>позитивне рішення</source>
            <translation>granted</translation>
        </message>
        <message>
            <source>відмова</source>
            <translation>refused</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>№ %1</source>
            <translation>No. %1</translation>
        </message>
        <message>
            <source>№ %1, %2</source>
            <translation>No. %1, %2</translation>
        </message>
        <message>
            <source>Реєстр громади: місце проживання</source>
            <translation>Community register: residence</translation>
        </message>
        <message>
            <source>Соціальний захист: заява</source>
            <translation>Social protection: application</translation>
        </message>
        <message>
            <source>Перевірка УНЗР</source>
            <translation>UNZR check</translation>
        </message>
        <message>
            <source>ЄДР: відомості про юрособу</source>
            <translation>EDR: legal entity details</translation>
        </message>
        <message>
            <source>Портал: онлайн-заяви</source>
            <translation>Portal: online applications</translation>
        </message>
        <message>
            <source>Стан заяви в реєстрі</source>
            <translation>Application status in the registry</translation>
        </message>
        <message>
            <source>Запит</source>
            <translation>Request</translation>
        </message>
        <message>
            <source>Відповідь</source>
            <translation>Response</translation>
        </message>
        <message>
            <source>надіслано</source>
            <translation>sent</translation>
        </message>
        <message>
            <source>не надіслано</source>
            <translation>not sent</translation>
        </message>
        <message>
            <source>прийнято</source>
            <translation>accepted</translation>
        </message>
        <message>
            <source>повтор пізніше: %1</source>
            <translation>retry later: %1</translation>
        </message>
        <message>
            <source>не доставлено: %1</source>
            <translation>not delivered: %1</translation>
        </message>
        <message>
            <source>помилка: %1</source>
            <translation>error: %1</translation>
        </message>
        <message>
            <source>Синхронізацію завершено: взято %1, доставлено %2, повтор пізніше %3, не доставлено %4; перевірено стан заяв %5, застосовано рішень %6, нових онлайн-заяв %7.</source>
            <translation>Synchronisation finished: claimed %1, delivered %2, retry later %3, not delivered %4; application statuses checked %5, decisions applied %6, new online applications %7.</translation>
        </message>
        <message>
            <source>Повернуто до черги ненадісланими: %1.</source>
            <translation>Returned to the queue unsent: %1.</translation>
        </message>
        <message>
            <source>Оброблено іншим обробником: %1.</source>
            <translation>Handled by another engine: %1.</translation>
        </message>
        <message>
            <source>Проблем: %1 (подробиці в журналі).</source>
            <translation>Problems: %1 (details in the log).</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::exchange::ExchangePage</name>
        <message>
            <source>&amp;Синхронізувати зараз</source>
            <translation>&amp;Sync now</translation>
        </message>
        <message>
            <source>Синхронізувати зараз (Ctrl+Shift+S)</source>
            <translation>Sync now (Ctrl+Shift+S)</translation>
        </message>
        <message>
            <source>Черга надсилається службою cnap-syncd за розкладом; «Синхронізувати зараз» виконує цикл обміну негайно.</source>
            <translation>The queue is sent by the cnap-syncd service on its schedule; “Sync now” runs an exchange cycle at once.</translation>
        </message>
        <message>
            <source>Черга обміну</source>
            <translation>Exchange queue</translation>
        </message>
        <message>
            <source>Не доставлено</source>
            <translation>Not delivered</translation>
        </message>
        <message>
            <source>Журнал повідомлень</source>
            <translation>Message log</translation>
        </message>
        <message>
            <source>Синхронізація триває…</source>
            <translation>Synchronising…</translation>
        </message>
        <message>
            <source>Синхронізація триває: оброблено повідомлень: %1 з %2…</source>
            <translation>Synchronising: messages processed: %1 of %2…</translation>
        </message>
        <message>
            <source>Синхронізацію не виконано: %1</source>
            <translation>Synchronisation failed: %1</translation>
        </message>
        <message>
            <source>Не доставлено (%1)</source>
            <translation>Not delivered (%1)</translation>
        </message>
        <message>
            <source>Повідомлення повернуто до черги: його буде надіслано під час наступної синхронізації.</source>
            <translation>The message is back in the queue: it will be sent at the next synchronisation.</translation>
        </message>
        <message>
            <source>Стан:</source>
            <translation>State:</translation>
        </message>
        <message>
            <source>усі</source>
            <translation>all</translation>
        </message>
        <message>
            <source>Повідомлення, які не вдалося доставити: причина — у стовпці «Остання помилка / причина». Помилку в даних справи чи заявника спершу виправте; повідомлення, ще не надіслане, буде складено заново з виправлених даних, а надіслане піде з тим самим ідентифікатором, тож реєстр не виконає його двічі.</source>
            <translation>Messages that could not be delivered: the reason is in the “Last error / reason” column. Correct a mistake in the case or applicant data first; a message never sent is rebuilt from the corrected data, and one already sent goes again under the same identifier, so the registry does not act on it twice.</translation>
        </message>
        <message>
            <source>Повторити</source>
            <translation>Retry</translation>
        </message>
        <message>
            <source>Повторити надсилання може керівник ЦНАП або системний адміністратор.</source>
            <translation>Only the head of the centre or the system administrator can send it again.</translation>
        </message>
        <message>
            <source>Виберіть недоставлене повідомлення.</source>
            <translation>Select an undelivered message.</translation>
        </message>
        <message>
            <source>Синхронізація вже триває.</source>
            <translation>Synchronisation is already running.</translation>
        </message>
        <message>
            <source>Надіслати все, що чекає в черзі, і забрати відповіді реєстрів та онлайн-заяви (конфігурація: %1)</source>
            <translation>Send everything waiting in the queue and fetch the registries' answers and online applications (configuration: %1)</translation>
        </message>
        <message>
            <source>Очікують: &lt;b&gt;%1&lt;/b&gt; &amp;nbsp;&amp;nbsp; Надсилаються: &lt;b&gt;%2&lt;/b&gt; &amp;nbsp;&amp;nbsp; Доставлено: &lt;b&gt;%3&lt;/b&gt; &amp;nbsp;&amp;nbsp; Не доставлено: &lt;b style='color:%5'&gt;%4&lt;/b&gt;</source>
            <translation>Pending: &lt;b&gt;%1&lt;/b&gt; &amp;nbsp;&amp;nbsp; In flight: &lt;b&gt;%2&lt;/b&gt; &amp;nbsp;&amp;nbsp; Delivered: &lt;b&gt;%3&lt;/b&gt; &amp;nbsp;&amp;nbsp; Not delivered: &lt;b style='color:%5'&gt;%4&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Оновити (Ctrl+F5)</source>
            <translation>Refresh (Ctrl+F5)</translation>
        </message>
        <message>
            <source>Повернути вибране повідомлення до черги (Ctrl+Enter)</source>
            <translation>Return the selected message to the queue (Ctrl+Enter)</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::exchange::ExchangeSetup</name>
        <message>
            <source>Обмін з реєстрами на цьому робочому місці не налаштовано. Адміністратор має вказати файл конфігурації синхронізації (той, що читає cnap-syncd, напр. /etc/cnap/syncd.conf) у параметрі exchange/configFile файла налаштувань робочого місця.</source>
            <translation>Registry exchange is not configured on this workstation. The administrator must name the synchronisation configuration file (the one cnap-syncd reads, e.g. /etc/cnap/syncd.conf) in the exchange/configFile setting of the workstation's settings file.</translation>
        </message>
        <message>
            <source>Файл конфігурації обміну %1 не прочитано: %2</source>
            <translation>The exchange configuration file %1 could not be read: %2</translation>
        </message>
        <message>
            <source>Конфігурація обміну %1 неповна: %2</source>
            <translation>The exchange configuration %1 is incomplete: %2</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::exchange::MessageEntryDialog</name>
        <message>
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; %2 &amp;nbsp; повідомлення &lt;b&gt;%3&lt;/b&gt;, справа %4, сервіс %5&lt;br&gt;HTTP: %6 &amp;nbsp; тип: %7 &amp;nbsp; розмір: %8 Б&lt;br&gt;результат: %9&lt;br&gt;SHA-256: &lt;tt&gt;%10&lt;/tt&gt;</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; %2 &amp;nbsp; message &lt;b&gt;%3&lt;/b&gt;, case %4, service %5&lt;br&gt;HTTP: %6 &amp;nbsp; type: %7 &amp;nbsp; size: %8 B&lt;br&gt;outcome: %9&lt;br&gt;SHA-256: &lt;tt&gt;%10&lt;/tt&gt;</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>Копіювати текст</source>
            <translation>Copy text</translation>
        </message>
        <message>
            <source>Зберегти як є…</source>
            <translation>Save as is…</translation>
        </message>
        <message>
            <source>Зберегти байти повідомлення точно так, як їх надіслано чи отримано (Ctrl+S)</source>
            <translation>Save the message's bytes exactly as sent or received (Ctrl+S)</translation>
        </message>
        <message>
            <source>Збережено: %1</source>
            <translation>Saved: %1</translation>
        </message>
        <message>
            <source>Текст скопійовано.</source>
            <translation>Text copied.</translation>
        </message>
        <message>
            <source>Зберегти повідомлення</source>
            <translation>Save message</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::exchange::MessageLogController</name>
        <message>
            <source>Тіла немає: відповідь не надійшла.</source>
            <translation>No body: no answer came.</translation>
        </message>
        <message>
            <source>вкладення %1 (%2), розмір %3 Б, SHA-256 %4</source>
            <translation>attachment %1 (%2), size %3 B, SHA-256 %4</translation>
        </message>
        <message>
            <source>Показано як є: XML не розібрано (%1).</source>
            <translation>Shown as is: the XML could not be parsed (%1).</translation>
        </message>
        <message>
            <source>Показано як є: %1</source>
            <translation>Shown as is: %1</translation>
        </message>
        <message>
            <source>не вказано файл</source>
            <translation>no file given</translation>
        </message>
        <message>
            <source>не вдалося створити файл «%1»: %2</source>
            <translation>could not create the file “%1”: %2</translation>
        </message>
        <message>
            <source>не вдалося записати файл «%1»: %2</source>
            <translation>could not write the file “%1”: %2</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::exchange::MessageLogModel</name>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>Час</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Напрям</source>
            <translation>Direction</translation>
        </message>
        <message>
            <source>Ідентифікатор повідомлення</source>
            <translation>Message ID</translation>
        </message>
        <message>
            <source>Справа</source>
            <translation>Case</translation>
        </message>
        <message>
            <source>Сервіс реєстру</source>
            <translation>Registry service</translation>
        </message>
        <message>
            <source>HTTP</source>
            <translation>HTTP</translation>
        </message>
        <message>
            <source>Результат</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::exchange::MessageLogPanel</name>
        <message>
            <source>Ідентифікатор повідомлення:</source>
            <translation>Message ID:</translation>
        </message>
        <message>
            <source>усі повідомлення</source>
            <translation>all messages</translation>
        </message>
        <message>
            <source>Показати</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>Відкрити (Enter)</source>
            <translation>Open (Enter)</translation>
        </message>
        <message>
            <source>Показано записів: %1 (прокрутіть донизу, щоб завантажити старіші)</source>
            <translation>Entries shown: %1 (scroll down to load older ones)</translation>
        </message>
        <message>
            <source>Показано записів: %1</source>
            <translation>Entries shown: %1</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::exchange::OnlineApplicationsModel</name>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>нова</source>
            <translation>new</translation>
        </message>
        <message>
            <source>взято в роботу</source>
            <translation>taken</translation>
        </message>
        <message>
            <source>Подано</source>
            <translation>Submitted</translation>
        </message>
        <message>
            <source>Номер на порталі</source>
            <translation>Portal number</translation>
        </message>
        <message>
            <source>Послуга</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Заявник</source>
            <translation>Applicant</translation>
        </message>
        <message>
            <source>РНОКПП</source>
            <translation>RNOKPP</translation>
        </message>
        <message>
            <source>Телефон</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Суть звернення</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>Стан</source>
            <translation>State</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::exchange::OnlineApplicationsPage</name>
        <message>
            <source>Заяви, подані на порталі. Візьміть заяву в роботу — відкриється прийом для її послуги, а РНОКПП заявника буде в пошуку заявника.</source>
            <translation>Applications submitted on the portal. Take one into work: the intake opens for its service and the applicant's RNOKPP is put into the applicant search.</translation>
        </message>
        <message>
            <source>Взяти в роботу (Enter)</source>
            <translation>Take into work (Enter)</translation>
        </message>
        <message>
            <source>показати взяті в роботу</source>
            <translation>show those taken</translation>
        </message>
        <message>
            <source>Нових онлайн-заяв немає.</source>
            <translation>No new online applications.</translation>
        </message>
        <message>
            <source>Онлайн-заяв: %1</source>
            <translation>Online applications: %1</translation>
        </message>
        <message>
            <source>Заяву %1 взято в роботу.</source>
            <translation>Application %1 taken into work.</translation>
        </message>
        <message>
            <source>Виберіть онлайн-заяву.</source>
            <translation>Select an online application.</translation>
        </message>
        <message>
            <source>Заяву %1 уже взято в роботу.</source>
            <translation>Application %1 has already been taken into work.</translation>
        </message>
        <message>
            <source>Оновити (Ctrl+F5)</source>
            <translation>Refresh (Ctrl+F5)</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::exchange::OutboxModel</name>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>Справа</source>
            <translation>Case</translation>
        </message>
        <message>
            <source>Ідентифікатор повідомлення</source>
            <translation>Message ID</translation>
        </message>
        <message>
            <source>Сервіс реєстру</source>
            <translation>Registry service</translation>
        </message>
        <message>
            <source>Стан</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Спроб</source>
            <translation>Attempts</translation>
        </message>
        <message>
            <source>Наступна спроба</source>
            <translation>Next attempt</translation>
        </message>
        <message>
            <source>Остання помилка / причина</source>
            <translation>Last error / reason</translation>
        </message>
        <message>
            <source>Змінено</source>
            <translation>Changed</translation>
        </message>
    </context>
    <context>
        <name>cnap::gui::exchange::SyncController</name>
        <message>
            <source>Недостатньо прав для синхронізації з реєстрами.</source>
            <translation>Insufficient rights to synchronise with the registries.</translation>
        </message>
    </context>
    <context>
        <name>cnap::log</name>
        <message>
            <source>не вдалося відкрити файл журналу %1: %2</source>
            <translation>could not open log file %1: %2</translation>
        </message>
    </context>
    <context>
        <name>cnap::net</name>
        <message>
            <source>файл не знайдено або він недоступний: %1</source>
            <translation>file not found or not accessible: %1</translation>
        </message>
        <message>
            <source>для TLS потрібен закритий ключ сервера</source>
            <translation>TLS requires the server's private key</translation>
        </message>
        <message>
            <source>перевірка сертифіката клієнта можлива лише з TLS</source>
            <translation>client certificate verification is only possible with TLS</translation>
        </message>
        <message>
            <source>не вдалося запустити HTTP-сервер на %1:%2: %3</source>
            <translation>could not start HTTP server on %1:%2: %3</translation>
        </message>
        <message>
            <source>адреса сервера безпеки має бути http(s)://вузол[:порт]/шлях: «%1»</source>
            <translation>security server address must be http(s)://host[:port]/path: “%1”</translation>
        </message>
        <message>
            <source>файл CA не знайдено або він недоступний: %1</source>
            <translation>CA file not found or not accessible: %1</translation>
        </message>
        <message>
            <source>сертифікат клієнта і його ключ задаються разом</source>
            <translation>client certificate and its key must be given together</translation>
        </message>
        <message>
            <source>не вдалося завантажити TLS-сертифікати: %1</source>
            <translation>could not load TLS certificates: %1</translation>
        </message>
    </context>
    <context>
        <name>cnap::net::PocoHttpTransport</name>
        <message>
            <source>для https потрібен файл довірених сертифікатів (CA) сервера безпеки</source>
            <translation>https requires the security server's trusted certificate (CA) file</translation>
        </message>
        <message>
            <source>відповідь від %1 перевищує %2 байт</source>
            <translation>response from %1 exceeds %2 bytes</translation>
        </message>
        <message>
            <source>час очікування відповіді від %1 вичерпано</source>
            <translation>timed out waiting for a response from %1</translation>
        </message>
        <message>
            <source>сертифікат %1 не прийнято: %2</source>
            <translation>certificate %1 not accepted: %2</translation>
        </message>
        <message>
            <source>помилка сертифіката під час TLS-з'єднання з %1: %2</source>
            <translation>certificate error during TLS connection to %1: %2</translation>
        </message>
        <message>
            <source>помилка TLS-з'єднання з %1: %2</source>
            <translation>TLS connection error with %1: %2</translation>
        </message>
        <message>
            <source>%1 відхилив з'єднання</source>
            <translation>%1 refused the connection</translation>
        </message>
        <message>
            <source>помилка мережі під час обміну з %1: %2</source>
            <translation>network error while communicating with %1: %2</translation>
        </message>
    </context>
    <context>
        <name>cnap::queue</name>
        <message>
            <source>невідоме значення «%1» (%2); можливі: %3</source>
            <translation>unknown value “%1” (%2); allowed: %3</translation>
        </message>
        <message>
            <source>стан талона</source>
            <translation>ticket status</translation>
        </message>
        <message>
            <source>вид талона</source>
            <translation>ticket type</translation>
        </message>
        <message>
            <source>стан вікна</source>
            <translation>desk status</translation>
        </message>
        <message>
            <source>результат обслуговування</source>
            <translation>service outcome</translation>
        </message>
        <message>
            <source>справу зареєстровано</source>
            <translation>case registered</translation>
        </message>
        <message>
            <source>консультація</source>
            <translation>consultation</translation>
        </message>
        <message>
            <source>відмова в прийнятті</source>
            <translation>refused to accept</translation>
        </message>
        <message>
            <source>префікс черги має складатися з 1–3 великих літер (наприклад, «А»), а не «%1»</source>
            <translation>queue prefix must consist of 1–3 capital letters (e.g. “A”), not “%1”</translation>
        </message>
        <message>
            <source>префікс черги не може закінчуватися на «П» чи «З»: ці літери позначають пільгові та записані талони</source>
            <translation>queue prefix cannot end in “P” or “Z”: these letters mark priority and pre-booked tickets</translation>
        </message>
        <message>
            <source>час запису не вказано або він неправильний</source>
            <translation>appointment time missing or invalid</translation>
        </message>
        <message>
            <source>час запису %1 уже минув</source>
            <translation>appointment time %1 has already passed</translation>
        </message>
        <message>
            <source>запис можливий не далі ніж на %1 днів наперед</source>
            <translation>appointments can be booked no more than %1 days ahead</translation>
        </message>
        <message>
            <source>%1 — вихідний день, запис не ведеться</source>
            <translation>%1 is a non-working day; no appointments are taken</translation>
        </message>
        <message>
            <source>час %1 поза годинами прийому (%2–%3) або не збігається з сіткою по %4 хв</source>
            <translation>time %1 is outside opening hours (%2–%3) or does not match the %4-minute slots</translation>
        </message>
    </context>
    <context>
        <name>cnap::reports</name>
        <message>
            <source>невідомий звіт «%1»; можливі: %2</source>
            <translation>unknown report “%1”; available: %2</translation>
        </message>
        <message>
            <source>Відвідувачі й талони</source>
            <translation>Visitors and tickets</translation>
        </message>
        <message>
            <source>Час очікування й обслуговування</source>
            <translation>Waiting and service times</translation>
        </message>
        <message>
            <source>Неявки й переадресації</source>
            <translation>No-shows and redirections</translation>
        </message>
        <message>
            <source>Справи</source>
            <translation>Cases</translation>
        </message>
        <message>
            <source>Обмін із реєстрами</source>
            <translation>Registry exchange</translation>
        </message>
        <message>
            <source>Оцінки відвідувачів</source>
            <translation>Visitor ratings</translation>
        </message>
        <message>
            <source>дату не вказано (формат РРРР-ММ-ДД)</source>
            <translation>date not given (format YYYY-MM-DD)</translation>
        </message>
        <message>
            <source>«%1» — не дата у форматі РРРР-ММ-ДД</source>
            <translation>“%1” is not a date in YYYY-MM-DD format</translation>
        </message>
        <message>
            <source>не вказано початок періоду</source>
            <translation>period start not given</translation>
        </message>
        <message>
            <source>не вказано кінець періоду</source>
            <translation>period end not given</translation>
        </message>
        <message>
            <source>кінець періоду (%1) раніше за початок (%2)</source>
            <translation>period end (%1) is before its start (%2)</translation>
        </message>
        <message>
            <source>період довший за %1 днів</source>
            <translation>period is longer than %1 days</translation>
        </message>
        <message>
            <source>«%1» — не місяць у форматі РРРР-ММ</source>
            <translation>“%1” is not a month in YYYY-MM format</translation>
        </message>
        <message>
            <source>вільне</source>
            <translation>free</translation>
        </message>
        <message>
            <source>обслуговує</source>
            <translation>serving</translation>
        </message>
        <message>
            <source>перерва</source>
            <translation>on break</translation>
        </message>
        <message>
            <source>закрите</source>
            <translation>closed</translation>
        </message>
        <message>
            <source>Черга «%1»: найдовше очікування %2 хв (поріг %3 хв)</source>
            <translation>Queue “%1”: longest wait %2 min (threshold %3 min)</translation>
        </message>
        <message>
            <source>Вікно %1 вільне %2 хв, а на його послуги чекають %3 відвідувачів</source>
            <translation>Desk %1 has been free for %2 min while %3 visitors are waiting for its services</translation>
        </message>
        <message>
            <source>частка строку має бути від 10 до 100 %</source>
            <translation>deadline share must be between 10 and 100%</translation>
        </message>
    </context>
    <context>
        <name>cnap::security</name>
        <message>
            <source>користувача «%1» не знайдено</source>
            <translation>user “%1” not found</translation>
        </message>
        <message>
            <source>невідома дія журналу аудиту «%1»</source>
            <translation>unknown audit log action “%1”</translation>
        </message>
    </context>
    <context>
        <name>cnap::security::Accounts</name>
        <message>
            <source>неправильний логін або пароль</source>
            <translation>incorrect username or password</translation>
        </message>
        <message>
            <source>логін має складатися з 2–64 малих латинських літер, цифр і знаків . _ - та починатися з літери або цифри</source>
            <translation>username must be 2–64 lowercase Latin letters, digits and . _ - characters, starting with a letter or digit</translation>
        </message>
        <message>
            <source>обліковий запис тимчасово заблоковано після невдалих спроб входу; спробуйте після %1</source>
            <translation>account temporarily locked after failed login attempts; try again after %1</translation>
        </message>
        <message>
            <source>обліковий запис вимкнено; зверніться до адміністратора</source>
            <translation>account disabled; contact the administrator</translation>
        </message>
        <message>
            <source>змінити власний пароль може лише користувач, який увійшов</source>
            <translation>only a logged-in user can change their own password</translation>
        </message>
        <message>
            <source>новий пароль має відрізнятися від попереднього</source>
            <translation>the new password must differ from the previous one</translation>
        </message>
        <message>
            <source>поточний пароль указано неправильно</source>
            <translation>current password is incorrect</translation>
        </message>
        <message>
            <source>роль «системний інструмент» не призначається обліковим записам</source>
            <translation>the “system tool” role cannot be assigned to accounts</translation>
        </message>
        <message>
            <source>ім'я для показу задовге (до 200 символів)</source>
            <translation>display name too long (up to 200 characters)</translation>
        </message>
        <message>
            <source>користувач з логіном «%1» уже існує</source>
            <translation>a user with username “%1” already exists</translation>
        </message>
        <message>
            <source>не можна вимкнути власний обліковий запис</source>
            <translation>you cannot disable your own account</translation>
        </message>
    </context>
    <context>
        <name>cnap::security::AuditAnchor</name>
        <message>
            <source>якір журналу аудиту має бути у форматі «номер хеш» (64 шістнадцяткові цифри)</source>
            <translation>audit log anchor must be in the format “number hash” (64 hexadecimal digits)</translation>
        </message>
    </context>
    <context>
        <name>cnap::security::AuditLog</name>
        <message>
            <source>запис №%1 журналу аудиту видалено</source>
            <translation>audit log entry no. %1 has been deleted</translation>
        </message>
        <message>
            <source>записи №%1–%2 журналу аудиту видалено</source>
            <translation>audit log entries no. %1–%2 have been deleted</translation>
        </message>
        <message>
            <source>запис №%1 журналу аудиту переставлено: на його місці запис №%2</source>
            <translation>audit log entry no. %1 has been moved: entry no. %2 is in its place</translation>
        </message>
        <message>
            <source>запис №%1 журналу аудиту змінено</source>
            <translation>audit log entry no. %1 has been altered</translation>
        </message>
        <message>
            <source>журнал аудиту обрізано: бракує записів №%1–%2</source>
            <translation>audit log truncated: entries no. %1–%2 are missing</translation>
        </message>
        <message>
            <source>запис №%1 журналу аудиту додано в обхід програми</source>
            <translation>audit log entry no. %1 was added bypassing the application</translation>
        </message>
        <message>
            <source>журнал аудиту обрізано: бракує записів №%1–%2 (за якорем)</source>
            <translation>audit log truncated: entries no. %1–%2 are missing (per anchor)</translation>
        </message>
        <message>
            <source>запис №%1 журналу аудиту не збігається з якорем</source>
            <translation>audit log entry no. %1 does not match the anchor</translation>
        </message>
        <message>
            <source>кінець періоду має бути пізніше за початок</source>
            <translation>the end of the period must be later than its start</translation>
        </message>
    </context>
    <context>
        <name>cnap::security::PasswordPolicy</name>
        <message>
            <source>пароль має містити щонайменше %1 символів</source>
            <translation>password must contain at least %1 characters</translation>
        </message>
        <message>
            <source>пароль не може бути довшим за %1 символів</source>
            <translation>password cannot be longer than %1 characters</translation>
        </message>
        <message>
            <source>пароль не може збігатися з логіном</source>
            <translation>password cannot be the same as the username</translation>
        </message>
        <message>
            <source>пароль коротший за %1 символів має містити принаймні три з чотирьох груп: малі літери, великі літери, цифри, інші знаки</source>
            <translation>a password shorter than %1 characters must contain at least three of four groups: lowercase letters, uppercase letters, digits, other characters</translation>
        </message>
        <message>
            <source>цей пароль занадто поширений, його легко вгадати; оберіть інший</source>
            <translation>this password is too common and easy to guess; choose another</translation>
        </message>
        <message>
            <source>Пароль: щонайменше %1 символів, не збігається з логіном, містить три з чотирьох груп (малі, великі літери, цифри, інші знаки) або має від %2 символів, не є поширеним паролем.</source>
            <translation>Password: at least %1 characters, not the same as the username, containing three of four groups (lowercase, uppercase letters, digits, other characters) or at least %2 characters long, and not a common password.</translation>
        </message>
    </context>
    <context>
        <name>cnap::services</name>
        <message>
            <source>РНОКПП</source>
            <translation>RNOKPP</translation>
        </message>
        <message>
            <source>код ЄДРПОУ</source>
            <translation>EDRPOU code</translation>
        </message>
        <message>
            <source>УНЗР</source>
            <translation>UNZR</translation>
        </message>
        <message>
            <source>паспорт</source>
            <translation>passport</translation>
        </message>
        <message>
            <source>ID-картка</source>
            <translation>ID card</translation>
        </message>
        <message>
            <source>телефон</source>
            <translation>phone</translation>
        </message>
        <message>
            <source>номер справи</source>
            <translation>case number</translation>
        </message>
        <message>
            <source>прізвище або назва</source>
            <translation>surname or name</translation>
        </message>
        <message>
            <source>справу %1 не знайдено</source>
            <translation>case %1 not found</translation>
        </message>
        <message>
            <source>невідома послуга «%1»: її не віднесено до жодної черги</source>
            <translation>unknown service “%1”: it is not assigned to any queue</translation>
        </message>
        <message>
            <source>невідомий формат «%1»; можливі: csv, json</source>
            <translation>unknown format “%1”; available: csv, json</translation>
        </message>
    </context>
    <context>
        <name>cnap::services::ApplicantService</name>
        <message>
            <source>запит задовгий</source>
            <translation>query too long</translation>
        </message>
    </context>
    <context>
        <name>cnap::services::AuditService</name>
        <message>
            <source>кількість записів має бути від 1 до %1</source>
            <translation>number of entries must be between 1 and %1</translation>
        </message>
    </context>
    <context>
        <name>cnap::services::BackupService</name>
        <message>
            <source>для PostgreSQL відновлюйте засобами сервера: pg_restore --clean --if-exists --no-owner -d postgresql://… ФАЙЛ.dump (див. docs/admin-guide.md, розділ «Backups of PostgreSQL»)</source>
            <translation>for PostgreSQL, restore using server tools: pg_restore --clean --if-exists --no-owner -d postgresql://… FILE.dump (see docs/admin-guide.md, section “Backups of PostgreSQL”)</translation>
        </message>
        <message>
            <source>для PostgreSQL робіть копію засобами сервера: pg_dump -Fc -f ФАЙЛ.dump postgresql://… (див. docs/admin-guide.md, розділ «Backups of PostgreSQL»)</source>
            <translation>for PostgreSQL, back up using server tools: pg_dump -Fc -f FILE.dump postgresql://… (see docs/admin-guide.md, section “Backups of PostgreSQL”)</translation>
        </message>
        <message>
            <source>базу даних не відкрито</source>
            <translation>database is not open</translation>
        </message>
    </context>
    <context>
        <name>cnap::services::CaseDemo</name>
        <message>
            <source>кількість справ — від 1 до 50 000 000</source>
            <translation>number of cases must be between 1 and 50,000,000</translation>
        </message>
        <message>
            <source>каталог послуг порожній: спершу cnapctl catalog import</source>
            <translation>service catalogue is empty: run cnapctl catalog import first</translation>
        </message>
    </context>
    <context>
        <name>cnap::services::CaseService</name>
        <message>
            <source>заявника не знайдено; оберіть його ще раз</source>
            <translation>applicant not found; select them again</translation>
        </message>
        <message>
            <source>оберіть заявника або внесіть його дані</source>
            <translation>select an applicant or enter their details</translation>
        </message>
        <message>
            <source>у базі вже є схожий заявник (збігів: %1) — оберіть наявного замість створення нового</source>
            <translation>a similar applicant already exists in the database (matches: %1) — select the existing one instead of creating a new one</translation>
        </message>
        <message>
            <source>послуги з кодом %1 немає в каталозі</source>
            <translation>no service with code %1 in the catalogue</translation>
        </message>
        <message>
            <source>послугу %1 вилучено з каталогу: нові заяви на неї не приймаються</source>
            <translation>service %1 has been withdrawn from the catalogue: new applications for it are not accepted</translation>
        </message>
        <message>
            <source>перелік документів має %1 рядків, а інформаційна картка — %2</source>
            <translation>the document list has %1 rows, but the information card has %2</translation>
        </message>
        <message>
            <source>кількість аркушів — від 0 до 10000</source>
            <translation>number of sheets must be between 0 and 10000</translation>
        </message>
        <message>
            <source>вкажіть кількість аркушів документа «%1»</source>
            <translation>enter the number of sheets for document “%1”</translation>
        </message>
        <message>
            <source>сума оплати не може бути від'ємною</source>
            <translation>payment amount cannot be negative</translation>
        </message>
        <message>
            <source>послуга платна: вкажіть реквізити документа про оплату (номер квитанції чи платіжної інструкції)</source>
            <translation>this is a paid service: enter the payment document details (receipt or payment instruction number)</translation>
        </message>
        <message>
            <source>вкажіть поштову адресу для надсилання результату</source>
            <translation>enter the postal address for sending the result</translation>
        </message>
        <message>
            <source>вкажіть правильну адресу електронної пошти для надсилання результату</source>
            <translation>enter a valid email address for sending the result</translation>
        </message>
        <message>
            <source>вкажіть представника і документ, що підтверджує його повноваження</source>
            <translation>specify the representative and the document confirming their authority</translation>
        </message>
        <message>
            <source>забагато файлів: не більше %1 на справу</source>
            <translation>too many files: no more than %1 per case</translation>
        </message>
        <message>
            <source>справу %1 щойно змінив інший користувач (тепер вона у стані «%2»); оновіть картку справи і повторіть дію — ваші зміни не збережено</source>
            <translation>case %1 was just modified by another user (it is now in the “%2” state); refresh the case card and repeat the action — your changes have not been saved</translation>
        </message>
        <message>
            <source>вкажіть правову підставу продовження строку</source>
            <translation>specify the legal basis for extending the deadline</translation>
        </message>
        <message>
            <source>у стані «%1» строк розгляду вже не продовжують</source>
            <translation>in the “%1” state the processing deadline can no longer be extended</translation>
        </message>
        <message>
            <source>новий строк має бути пізнішим за чинний (%1)</source>
            <translation>the new deadline must be later than the current one (%1)</translation>
        </message>
        <message>
            <source>введіть РНОКПП, код ЄДРПОУ, номер справи або початок прізвища</source>
            <translation>enter an RNOKPP, EDRPOU code, case number or the beginning of a surname</translation>
        </message>
        <message>
            <source>запит задовгий</source>
            <translation>query is too long</translation>
        </message>
        <message>
            <source>у справі %1 немає файлу № %2</source>
            <translation>case %1 has no file No. %2</translation>
        </message>
        <message>
            <source>файл %1 (посилань: %2) відсутній у сховищі %3 або його вміст не збігається з SHA-256</source>
            <translation>file %1 (references: %2) is missing from store %3 or its contents do not match the SHA-256</translation>
        </message>
    </context>
    <context>
        <name>cnap::services::CatalogueService</name>
        <message>
            <source>не вдалося відкрити файл каталогу %1: %2</source>
            <translation>could not open catalogue file %1: %2</translation>
        </message>
        <message>
            <source>файл каталогу %1 завеликий (%2 байт)</source>
            <translation>catalogue file %1 is too large (%2 bytes)</translation>
        </message>
        <message>
            <source>не вдалося прочитати файл каталогу %1: %2</source>
            <translation>could not read catalogue file %1: %2</translation>
        </message>
        <message>
            <source>не знайдено теку зі схемами XSD (шукали: %1; задайте CNAP_SCHEMAS_DIR)</source>
            <translation>XSD schema folder not found (searched: %1; set CNAP_SCHEMAS_DIR)</translation>
        </message>
        <message>
            <source>каталог не містить жодної послуги; імпорт такого файлу вилучив би всі послуги</source>
            <translation>the catalogue contains no services; importing this file would remove all services</translation>
        </message>
        <message>
            <source>не вдалося створити файл %1: %2</source>
            <translation>could not create file %1: %2</translation>
        </message>
        <message>
            <source>не вдалося записати файл %1: %2</source>
            <translation>could not write file %1: %2</translation>
        </message>
        <message>
            <source>не вдалося зберегти файл %1: %2</source>
            <translation>could not save file %1: %2</translation>
        </message>
    </context>
    <context>
        <name>cnap::services::DemoCentre</name>
        <message>
            <source>каталог %1 не імпортовано: %2</source>
            <translation>catalogue %1 not imported: %2</translation>
        </message>
        <message>
            <source>каталог послуг недоступний: використано вбудований перелік із %1 послуг</source>
            <translation>service catalogue unavailable: using the built-in list of %1 services</translation>
        </message>
        <message>
            <source>Адміністратор вікна %1</source>
            <translation>Clerk at desk %1</translation>
        </message>
        <message>
            <source>сьогодні вже видано %1 талонів: історію дня не додано</source>
            <translation>%1 tickets have already been issued today: the day's history was not added</translation>
        </message>
    </context>
    <context>
        <name>cnap::services::ExchangeService</name>
        <message>
            <source>обмін з реєстрами на цьому робочому місці не налаштовано</source>
            <translation>registry exchange is not configured on this workstation</translation>
        </message>
        <message>
            <source>справа %1 не має повідомлень до реєстрів</source>
            <translation>case %1 has no messages to registries</translation>
        </message>
        <message>
            <source>кількість днів — від 0 до 36500</source>
            <translation>number of days must be between 0 and 36500</translation>
        </message>
    </context>
    <context>
        <name>cnap::services::FeedbackService</name>
        <message>
            <source>вкажіть номер талона з вашого візиту</source>
            <translation>enter the ticket number from your visit</translation>
        </message>
        <message>
            <source>оцінка має бути від 1 до 5</source>
            <translation>rating must be between 1 and 5</translation>
        </message>
        <message>
            <source>коментар довший за %1 символів</source>
            <translation>comment is longer than %1 characters</translation>
        </message>
        <message>
            <source>талона %1 сьогодні не видавали</source>
            <translation>ticket %1 was not issued today</translation>
        </message>
        <message>
            <source>візит за талоном %1 ще не завершено: оцінити можна після обслуговування</source>
            <translation>the visit with ticket %1 is not finished yet: you can rate it after being served</translation>
        </message>
        <message>
            <source>цей візит уже оцінено — дякуємо!</source>
            <translation>this visit has already been rated — thank you!</translation>
        </message>
    </context>
    <context>
        <name>cnap::services::OpenDataService</name>
        <message>
            <source>місяць %1 ще не почався</source>
            <translation>month %1 has not started yet</translation>
        </message>
        <message>
            <source>не вказано теку для експорту</source>
            <translation>no export folder specified</translation>
        </message>
        <message>
            <source>теки %1 немає</source>
            <translation>folder %1 does not exist</translation>
        </message>
        <message>
            <source>до теки %1 не можна писати</source>
            <translation>folder %1 is not writable</translation>
        </message>
        <message>
            <source>не вдалося записати %1: %2</source>
            <translation>could not write %1: %2</translation>
        </message>
    </context>
    <context>
        <name>cnap::services::QueueService</name>
        <message>
            <source>не вказано вікно</source>
            <translation>no desk specified</translation>
        </message>
        <message>
            <source>адміністратор ЦНАП може працювати лише зі своїм вікном («%1»), а не з вікном «%2»</source>
            <translation>a clerk can only work with their own desk (“%1”), not desk “%2”</translation>
        </message>
        <message>
            <source>невідоме вікно «%1»</source>
            <translation>unknown desk “%1”</translation>
        </message>
        <message>
            <source>у вікні «%1» зараз немає викликаного відвідувача</source>
            <translation>desk “%1” has no called visitor at the moment</translation>
        </message>
        <message>
            <source>вкажіть назву черги</source>
            <translation>enter the queue name</translation>
        </message>
        <message>
            <source>код послуги має бути непорожнім, без пробілів і ком, до 64 символів</source>
            <translation>service code must be non-empty, without spaces or commas, up to 64 characters</translation>
        </message>
        <message>
            <source>тривалість слоту має бути від 5 до 240 хвилин</source>
            <translation>slot length must be between 5 and 240 minutes</translation>
        </message>
        <message>
            <source>години прийому задано неправильно: початок має бути раніше кінця</source>
            <translation>opening hours are invalid: the start must be before the end</translation>
        </message>
        <message>
            <source>горизонт запису має бути від 0 до 90 днів</source>
            <translation>booking horizon must be between 0 and 90 days</translation>
        </message>
        <message>
            <source>ліміт записів і місткість слоту мають бути не менше 1</source>
            <translation>booking limit and slot capacity must be at least 1</translation>
        </message>
        <message>
            <source>немає черги з префіксом «%1»</source>
            <translation>no queue with prefix “%1”</translation>
        </message>
        <message>
            <source>назва вікна має бути непорожньою, до 32 символів</source>
            <translation>desk name must be non-empty, up to 32 characters</translation>
        </message>
        <message>
            <source>вікно має обслуговувати хоча б одну послугу</source>
            <translation>a desk must serve at least one service</translation>
        </message>
        <message>
            <source>ключ категорії: латинські малі літери, цифри й дефіс, 2–41 символ</source>
            <translation>category key: lowercase Latin letters, digits and hyphens, 2–41 characters</translation>
        </message>
        <message>
            <source>вкажіть назву пільгової категорії</source>
            <translation>enter the name of the priority category</translation>
        </message>
        <message>
            <source>вкажіть документ, що підтверджує право на позачергове обслуговування</source>
            <translation>specify the document confirming the right to priority service</translation>
        </message>
        <message>
            <source>кількість пільгових викликів поспіль має бути не менше 1</source>
            <translation>number of consecutive priority calls must be at least 1</translation>
        </message>
        <message>
            <source>неправильні параметри черги</source>
            <translation>invalid queue parameters</translation>
        </message>
        <message>
            <source>талона «%1» сьогодні не видавали</source>
            <translation>ticket “%1” was not issued today</translation>
        </message>
        <message>
            <source>оберіть послугу</source>
            <translation>select a service</translation>
        </message>
        <message>
            <source>для позачергового талона вкажіть пільгову категорію</source>
            <translation>specify a priority category for a priority ticket</translation>
        </message>
        <message>
            <source>ідентифікатор особи потрібен лише для позачергового талона</source>
            <translation>a personal identifier is only needed for a priority ticket</translation>
        </message>
        <message>
            <source>невідома пільгова категорія «%1»; можливі: %2</source>
            <translation>unknown priority category “%1”; valid options: %2</translation>
        </message>
        <message>
            <source>цій особі сьогодні вже надавали позачергове обслуговування з послуги «%1»: повторно — лише в загальній черзі</source>
            <translation>this person has already received priority service for “%1” today: a repeat visit goes through the general queue only</translation>
        </message>
        <message>
            <source>для запису вкажіть ідентифікатор особи (РНОКПП або номер документа)</source>
            <translation>to book an appointment, enter a personal identifier (RNOKPP or document number)</translation>
        </message>
        <message>
            <source>на %1 вільних місць уже немає</source>
            <translation>no free slots left for %1</translation>
        </message>
        <message>
            <source>перевищено ліміт: не більше %1 активних записів на цю послугу для однієї особи</source>
            <translation>limit exceeded: no more than %1 active appointments per person for this service</translation>
        </message>
        <message>
            <source>запис з кодом «%1» не знайдено</source>
            <translation>appointment with code “%1” not found</translation>
        </message>
        <message>
            <source>запис «%1» уже використано або скасовано</source>
            <translation>appointment “%1” has already been used or cancelled</translation>
        </message>
        <message>
            <source>запис «%1» призначено на інший день: %2</source>
            <translation>appointment “%1” is scheduled for another day: %2</translation>
        </message>
        <message>
            <source>реєстрація за записом відкривається за %1 хв до призначеного часу (%2)</source>
            <translation>check-in for an appointment opens %1 min before the scheduled time (%2)</translation>
        </message>
        <message>
            <source>вікно «%1» не працює: поставити на перерву можна лише відкрите вікно</source>
            <translation>desk “%1” is not open: only an open desk can be put on a break</translation>
        </message>
        <message>
            <source>спершу завершіть обслуговування талона %1</source>
            <translation>finish serving ticket %1 first</translation>
        </message>
        <message>
            <source>вікно «%1» не обслуговує послугу «%2»</source>
            <translation>desk “%1” does not serve “%2”</translation>
        </message>
        <message>
            <source>вікно «%1» на перерві: спершу відновіть роботу</source>
            <translation>desk “%1” is on a break: resume work first</translation>
        </message>
        <message>
            <source>роботу центру призупинено (%1): виклик відвідувачів неможливий до відновлення</source>
            <translation>the centre is paused (%1): visitors cannot be called until work resumes</translation>
        </message>
        <message>
            <source>тривога</source>
            <translation>alert</translation>
        </message>
        <message>
            <source>відвідувача з талоном %1 уже обслуговують: повторний виклик не потрібен</source>
            <translation>the visitor with ticket %1 is already being served: no need to call again</translation>
        </message>
        <message>
            <source>відвідувача з талоном %1 уже обслуговують</source>
            <translation>the visitor with ticket %1 is already being served</translation>
        </message>
        <message>
            <source>повернути до черги можна лише талон відвідувача, який не з'явився; %1 — ні</source>
            <translation>only a no-show visitor's ticket can be returned to the queue; %1 is not one</translation>
        </message>
        <message>
            <source>вкажіть послугу або вікно, куди перенаправити відвідувача</source>
            <translation>specify the service or desk to redirect the visitor to</translation>
        </message>
        <message>
            <source>не можна перенаправити відвідувача до того самого вікна</source>
            <translation>cannot redirect the visitor to the same desk</translation>
        </message>
        <message>
            <source>відвідувач уже в черзі на послугу «%1»</source>
            <translation>the visitor is already queued for “%1”</translation>
        </message>
        <message>
            <source>відкласти можна на 1–240 хвилин</source>
            <translation>can be postponed for 1–240 minutes</translation>
        </message>
        <message>
            <source>вкажіть ідентифікатор особи з пред'явленого документа</source>
            <translation>enter the personal identifier from the document presented</translation>
        </message>
        <message>
            <source>талон %1 не є пільговим</source>
            <translation>ticket %1 is not a priority ticket</translation>
        </message>
        <message>
            <source>цій особі сьогодні вже надавали позачергове обслуговування з послуги «%1»</source>
            <translation>this person has already received priority service for “%1” today</translation>
        </message>
        <message>
            <source>роботу центру вже призупинено</source>
            <translation>the centre is already paused</translation>
        </message>
        <message>
            <source>Повітряна тривога</source>
            <translation>Air-raid alert</translation>
        </message>
        <message>
            <source>робота центру не призупинена</source>
            <translation>the centre is not paused</translation>
        </message>
    </context>
    <context>
        <name>cnap::services::QueueWatcher</name>
        <message>
            <source>немає з'єднання з базою даних черги: %1</source>
            <translation>no connection to the queue database: %1</translation>
        </message>
        <message>
            <source>з'єднання з базою даних черги втрачено; відновлюю…</source>
            <translation>connection to the queue database lost; reconnecting…</translation>
        </message>
    </context>
    <context>
        <name>cnap::services::ReportService</name>
        <message>
            <source>Послуга</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Назва послуги</source>
            <translation>Service name</translation>
        </message>
        <message>
            <source>Година</source>
            <translation>Hour</translation>
        </message>
        <message>
            <source>Талонів</source>
            <translation>Tickets</translation>
        </message>
        <message>
            <source>Видано талонів</source>
            <translation>Tickets issued</translation>
        </message>
        <message>
            <source>Талони за послугою, з якою їх видано, і годиною видачі (місцевий час).</source>
            <translation>Tickets by the service they were issued for and the hour of issue (local time).</translation>
        </message>
        <message>
            <source>у періоді понад %1 талонів: звузьте період</source>
            <translation>more than %1 tickets in the period: narrow the period</translation>
        </message>
        <message>
            <source>Викликано</source>
            <translation>Called</translation>
        </message>
        <message>
            <source>Очікування, сер. с</source>
            <translation>Waiting, mean s</translation>
        </message>
        <message>
            <source>Очікування, медіана с</source>
            <translation>Waiting, median s</translation>
        </message>
        <message>
            <source>Очікування, 90-й процентиль с</source>
            <translation>Waiting, 90th percentile s</translation>
        </message>
        <message>
            <source>Обслуговано</source>
            <translation>Served</translation>
        </message>
        <message>
            <source>Обслуговування, сер. с</source>
            <translation>Service time, mean s</translation>
        </message>
        <message>
            <source>Обслуговування, медіана с</source>
            <translation>Service time, median s</translation>
        </message>
        <message>
            <source>Обслуговування, 90-й процентиль с</source>
            <translation>Service time, 90th percentile s</translation>
        </message>
        <message>
            <source>Усі послуги</source>
            <translation>All services</translation>
        </message>
        <message>
            <source>Викликано відвідувачів</source>
            <translation>Visitors called</translation>
        </message>
        <message>
            <source>Очікування — від видачі талона до першого виклику, без часу тривог (пауз центру); обслуговування — від виклику чи початку до завершення. 90-й процентиль — лінійна інтерполяція.</source>
            <translation>Waiting — from ticket issue to first call, excluding alert time (centre pauses); service time — from call or start to completion. The 90th percentile uses linear interpolation.</translation>
        </message>
        <message>
            <source>Неявки</source>
            <translation>No-shows</translation>
        </message>
        <message>
            <source>Неявки, %</source>
            <translation>No-shows, %</translation>
        </message>
        <message>
            <source>Переадресації</source>
            <translation>Redirects</translation>
        </message>
        <message>
            <source>Повернуто в чергу</source>
            <translation>Returned to queue</translation>
        </message>
        <message>
            <source>Неявок</source>
            <translation>No-shows</translation>
        </message>
        <message>
            <source>Видані талони — за послугою видачі; неявки, переадресації й завершення — за вікном і адміністратором, де вони сталися.</source>
            <translation>Tickets issued — by the service they were issued for; no-shows, redirects and completions — by the desk and clerk where they occurred.</translation>
        </message>
        <message>
            <source>Суб'єкт надання</source>
            <translation>Service provider</translation>
        </message>
        <message>
            <source>Зареєстровано</source>
            <translation>Registered</translation>
        </message>
        <message>
            <source>Видано результатів</source>
            <translation>Results issued</translation>
        </message>
        <message>
            <source>Відмов</source>
            <translation>Refusals</translation>
        </message>
        <message>
            <source>Прострочено</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>Зареєстровано справ</source>
            <translation>Cases registered</translation>
        </message>
        <message>
            <source>Прострочено — справи, строк яких сплив у періоді, а рішення досі немає (стаття 10 Закону «Про адміністративні послуги»).</source>
            <translation>Overdue — cases whose deadline expired within the period and that still have no decision (Article 10 of the Law “On Administrative Services”).</translation>
        </message>
        <message>
            <source>звіт обміну ведеться за реєстрами: фільтри за послугою, суб'єктом, вікном чи адміністратором до нього не застосовні</source>
            <translation>the exchange report is grouped by registry: filters by service, provider, desk or clerk do not apply to it</translation>
        </message>
        <message>
            <source>обмін із реєстрами в цій базі ще не ведеться (немає черги вихідних повідомлень): звіт обміну недоступний</source>
            <translation>this database has no registry exchange yet (no outbox): the exchange report is unavailable</translation>
        </message>
        <message>
            <source>Сервіс реєстру</source>
            <translation>Registry service</translation>
        </message>
        <message>
            <source>Доставлено</source>
            <translation>Delivered</translation>
        </message>
        <message>
            <source>З повторами</source>
            <translation>With retries</translation>
        </message>
        <message>
            <source>Недоставлені</source>
            <translation>Undelivered</translation>
        </message>
        <message>
            <source>У черзі</source>
            <translation>Queued</translation>
        </message>
        <message>
            <source>Затримка, сер. мс</source>
            <translation>Latency, mean ms</translation>
        </message>
        <message>
            <source>Затримка, медіана мс</source>
            <translation>Latency, median ms</translation>
        </message>
        <message>
            <source>Затримка, 90-й процентиль мс</source>
            <translation>Latency, 90th percentile ms</translation>
        </message>
        <message>
            <source>Запитів до реєстрів</source>
            <translation>Registry requests</translation>
        </message>
        <message>
            <source>Запити, поставлені в чергу обміну за період; затримка — від постановки в чергу до підтвердженої доставки.</source>
            <translation>Requests queued for exchange in the period; latency — from queueing to confirmed delivery.</translation>
        </message>
        <message>
            <source>Оцінок</source>
            <translation>Ratings</translation>
        </message>
        <message>
            <source>Середня оцінка</source>
            <translation>Average rating</translation>
        </message>
        <message>
            <source>1</source>
            <translation>1</translation>
        </message>
        <message>
            <source>2</source>
            <translation>2</translation>
        </message>
        <message>
            <source>3</source>
            <translation>3</translation>
        </message>
        <message>
            <source>4</source>
            <translation>4</translation>
        </message>
        <message>
            <source>5</source>
            <translation>5</translation>
        </message>
        <message>
            <source>З коментарем</source>
            <translation>With comment</translation>
        </message>
        <message>
            <source>не вказано файл для експорту</source>
            <translation>no export file specified</translation>
        </message>
        <message>
            <source>не вдалося створити файл %1: %2</source>
            <translation>could not create file %1: %2</translation>
        </message>
        <message>
            <source>не вдалося записати файл %1: %2</source>
            <translation>could not write file %1: %2</translation>
        </message>
        <message>
            <source>не вказано суб'єкта надання</source>
            <translation>no service provider specified</translation>
        </message>
    </context>
    <context>
        <name>cnap::storage</name>
        <message>
            <source>немає з'єднання з базою даних</source>
            <translation>no connection to the database</translation>
        </message>
        <message>
            <source>помилка виконання запиту</source>
            <translation>query execution error</translation>
        </message>
        <message>
            <source>помилка підготовки запиту</source>
            <translation>query preparation error</translation>
        </message>
        <message>
            <source>запис не знайдено</source>
            <translation>record not found</translation>
        </message>
        <message>
            <source>обліковий запис не знайдено</source>
            <translation>account not found</translation>
        </message>
        <message>
            <source>не вдалося прочитати %1: %2</source>
            <translation>could not read %1: %2</translation>
        </message>
        <message>
            <source>не вдалося створити %1: %2</source>
            <translation>could not create %1: %2</translation>
        </message>
        <message>
            <source>не вдалося записати %1: %2</source>
            <translation>could not write %1: %2</translation>
        </message>
        <message>
            <source>не вдалося замінити %1: %2</source>
            <translation>could not replace %1: %2</translation>
        </message>
        <message>
            <source>резервна копія %1 пошкоджена або неповна: %2</source>
            <translation>backup %1 is damaged or incomplete: %2</translation>
        </message>
        <message>
            <source>manifest.json не є коректним JSON (%1)</source>
            <translation>manifest.json is not valid JSON (%1)</translation>
        </message>
        <message>
            <source>це не резервна копія CNAP (поле format)</source>
            <translation>this is not a CNAP backup (format field)</translation>
        </message>
        <message>
            <source>резервну копію %1 записано у форматі версії %2, ця програма читає версію %3</source>
            <translation>backup %1 was written in format version %2; this program reads version %3</translation>
        </message>
        <message>
            <source>у manifest.json немає дати створення або версії схеми</source>
            <translation>manifest.json has no creation date or schema version</translation>
        </message>
        <message>
            <source>неприпустимий запис у manifest.json: %1</source>
            <translation>invalid entry in manifest.json: %1</translation>
        </message>
        <message>
            <source>файл двічі у manifest.json: %1</source>
            <translation>file listed twice in manifest.json: %1</translation>
        </message>
        <message>
            <source>у manifest.json немає файлу бази даних</source>
            <translation>manifest.json has no database file</translation>
        </message>
        <message>
            <source>резервне копіювання PostgreSQL робиться засобами сервера: pg_dump -Fc (див. docs/admin-guide.md)</source>
            <translation>PostgreSQL backups are made with server tools: pg_dump -Fc (see docs/admin-guide.md)</translation>
        </message>
        <message>
            <source>не вказано, куди записати резервну копію</source>
            <translation>no backup destination specified</translation>
        </message>
        <message>
            <source>%1 уже існує; резервна копія пишеться лише в нову теку</source>
            <translation>%1 already exists; a backup is only written to a new folder</translation>
        </message>
        <message>
            <source>тека %1 не існує</source>
            <translation>folder %1 does not exist</translation>
        </message>
        <message>
            <source>база даних порожня (схему не створено): копіювати нічого</source>
            <translation>the database is empty (no schema created): nothing to back up</translation>
        </message>
        <message>
            <source>не вдалося створити теку %1</source>
            <translation>could not create folder %1</translation>
        </message>
        <message>
            <source>файл сховища документів %1 пошкоджений (вміст не відповідає імені); перевірте сховище командою cnapctl check</source>
            <translation>document store file %1 is damaged (contents do not match the name); check the store with cnapctl check</translation>
        </message>
        <message>
            <source>не вдалося перейменувати %1 на %2</source>
            <translation>could not rename %1 to %2</translation>
        </message>
        <message>
            <source>резервної копії %1 не знайдено (очікується тека)</source>
            <translation>backup %1 not found (a folder is expected)</translation>
        </message>
        <message>
            <source>немає manifest.json</source>
            <translation>manifest.json is missing</translation>
        </message>
        <message>
            <source>немає manifest.sha256</source>
            <translation>manifest.sha256 is missing</translation>
        </message>
        <message>
            <source>контрольна сума manifest.json не збігається</source>
            <translation>manifest.json checksum does not match</translation>
        </message>
        <message>
            <source>бракує файлу %1</source>
            <translation>file %1 is missing</translation>
        </message>
        <message>
            <source>файл %1 має розмір %2 замість %3</source>
            <translation>file %1 is %2 in size instead of %3</translation>
        </message>
        <message>
            <source>контрольна сума SHA-256 файлу %1 не збігається</source>
            <translation>SHA-256 checksum of file %1 does not match</translation>
        </message>
        <message>
            <source>зайвий файл, якого немає в manifest.json: %1</source>
            <translation>extra file not listed in manifest.json: %1</translation>
        </message>
        <message>
            <source>відновлення PostgreSQL робиться засобами сервера: pg_restore (див. docs/admin-guide.md)</source>
            <translation>PostgreSQL restores are done with server tools: pg_restore (see docs/admin-guide.md)</translation>
        </message>
        <message>
            <source>не вказано теку сховища документів</source>
            <translation>no document store folder specified</translation>
        </message>
        <message>
            <source>резервну копію зроблено новішою версією програми (схема %1, ця програма знає до %2); оновіть програму перед відновленням</source>
            <translation>the backup was made by a newer version of the program (schema %1, this program supports up to %2); update the program before restoring</translation>
        </message>
        <message>
            <source>тека для файлу бази даних не існує: %1</source>
            <translation>folder for the database file does not exist: %1</translation>
        </message>
        <message>
            <source>не вдалося відкрити наявну базу %1: %2</source>
            <translation>could not open existing database %1: %2</translation>
        </message>
        <message>
            <source>база %1 або сховище %2 не порожні; щоб замінити їх резервною копією, додайте --force</source>
            <translation>database %1 or store %2 is not empty; to replace them with the backup, add --force</translation>
        </message>
        <message>
            <source>файл %1 змінився під час відновлення</source>
            <translation>file %1 changed during the restore</translation>
        </message>
        <message>
            <source>копію бази не вдалося відкрити: %1</source>
            <translation>could not open the database copy: %1</translation>
        </message>
        <message>
            <source>перевірка цілісності бази: %1</source>
            <translation>database integrity check: %1</translation>
        </message>
        <message>
            <source>версія схеми в базі (%1) не збігається з manifest.json (%2)</source>
            <translation>schema version in the database (%1) does not match manifest.json (%2)</translation>
        </message>
        <message>
            <source>не вдалося записати справи</source>
            <translation>could not write cases</translation>
        </message>
        <message>
            <source>пошкоджений запис каталогу послуг %1: %2</source>
            <translation>corrupt service catalogue entry %1: %2</translation>
        </message>
        <message>
            <source>послугу %1 щойно змінив інший користувач; повторіть імпорт</source>
            <translation>service %1 was just modified by another user; repeat the import</translation>
        </message>
        <message>
            <source>невідомий стан «%1»: pending, in-flight, done або dead</source>
            <translation>unknown state “%1”: pending, in-flight, done or dead</translation>
        </message>
    </context>
    <context>
        <name>cnap::storage::ApplicantRepository</name>
        <message>
            <source>заявник із таким РНОКПП уже є в базі (запис № %1) — оберіть наявний запис</source>
            <translation>an applicant with this RNOKPP already exists in the database (record No. %1) — select the existing record</translation>
        </message>
        <message>
            <source>юридична особа з таким кодом ЄДРПОУ уже є в базі (запис № %1) — оберіть наявний запис</source>
            <translation>a legal entity with this EDRPOU code already exists in the database (record No. %1) — select the existing record</translation>
        </message>
        <message>
            <source>запис заявника ще не збережено — його не можна оновити</source>
            <translation>the applicant record has not been saved yet — it cannot be updated</translation>
        </message>
        <message>
            <source>заявника № %1 не знайдено — можливо, запис видалено</source>
            <translation>applicant No. %1 not found — the record may have been deleted</translation>
        </message>
        <message>
            <source>тип заявника (фізична чи юридична особа) змінити не можна</source>
            <translation>the applicant type (individual or legal entity) cannot be changed</translation>
        </message>
        <message>
            <source>запис змінив інший користувач, поки ви його редагували (версія %1, у вас %2). Відкрийте запис заново й повторіть зміни.</source>
            <translation>another user modified the record while you were editing it (version %1, yours is %2). Reopen the record and make your changes again.</translation>
        </message>
        <message>
            <source>заявника № %1 не знайдено</source>
            <translation>applicant No. %1 not found</translation>
        </message>
        <message>
            <source>кількість результатів має бути від 1 до %1</source>
            <translation>number of results must be between 1 and %1</translation>
        </message>
        <message>
            <source>запис %1: %2</source>
            <translation>record %1: %2</translation>
        </message>
        <message>
            <source>помилка підготовки пакетного запису заявників</source>
            <translation>error preparing batch write of applicants</translation>
        </message>
        <message>
            <source>помилка пакетного запису заявників</source>
            <translation>error in batch write of applicants</translation>
        </message>
    </context>
    <context>
        <name>cnap::storage::CaseRepository</name>
        <message>
            <source>не вдалося зарезервувати ідентифікатори справ</source>
            <translation>could not reserve case identifiers</translation>
        </message>
        <message>
            <source>помилка підготовки запиту</source>
            <translation>query preparation error</translation>
        </message>
        <message>
            <source>не вдалося змінити справу</source>
            <translation>could not modify the case</translation>
        </message>
        <message>
            <source>справу не знайдено</source>
            <translation>case not found</translation>
        </message>
        <message>
            <source>справу %1 щойно змінив інший користувач (версія %2, а ви бачили %3); оновіть картку справи і повторіть дію — ваші зміни не збережено</source>
            <translation>case %1 was just modified by another user (version %2, you saw %3); refresh the case card and repeat the action — your changes have not been saved</translation>
        </message>
        <message>
            <source>справу %1 не знайдено</source>
            <translation>case %1 not found</translation>
        </message>
        <message>
            <source>розмір сторінки — від 1 до 500 рядків</source>
            <translation>page size must be between 1 and 500 rows</translation>
        </message>
        <message>
            <source>справа %1: перелік документів неповний (записано не всі рядки)</source>
            <translation>case %1: the document list is incomplete (not all rows were written)</translation>
        </message>
        <message>
            <source>справа %1: записано не всі прикріплені файли</source>
            <translation>case %1: not all attached files were written</translation>
        </message>
        <message>
            <source>справа %1: немає запису про реєстрацію в історії</source>
            <translation>case %1: no registration entry in the history</translation>
        </message>
    </context>
    <context>
        <name>cnap::storage::CatalogueRepository</name>
        <message>
            <source>послуга %1: %2</source>
            <translation>service %1: %2</translation>
        </message>
        <message>
            <source>код послуги %1 повторюється</source>
            <translation>service code %1 is duplicated</translation>
        </message>
        <message>
            <source>послугу з кодом %1 не знайдено в каталозі</source>
            <translation>service with code %1 not found in the catalogue</translation>
        </message>
    </context>
    <context>
        <name>cnap::storage::Database</name>
        <message>
            <source>драйвер SQLite (QSQLITE) не встановлено</source>
            <translation>SQLite driver (QSQLITE) is not installed</translation>
        </message>
        <message>
            <source>тека для файлу бази даних не існує: %1</source>
            <translation>folder for the database file does not exist: %1</translation>
        </message>
        <message>
            <source>не вдалося створити файл бази даних %1: %2</source>
            <translation>could not create database file %1: %2</translation>
        </message>
        <message>
            <source>драйвер PostgreSQL (QPSQL) не встановлено</source>
            <translation>PostgreSQL driver (QPSQL) is not installed</translation>
        </message>
        <message>
            <source>не вдалося під'єднатися до бази даних %1: %2</source>
            <translation>could not connect to database %1: %2</translation>
        </message>
        <message>
            <source>не вдалося налаштувати з'єднання: %1</source>
            <translation>could not configure the connection: %1</translation>
        </message>
    </context>
    <context>
        <name>cnap::storage::DatabaseUrl</name>
        <message>
            <source>адресу бази даних не вказано (sqlite:ШЛЯХ або postgresql://…)</source>
            <translation>database address not specified (sqlite:PATH or postgresql://…)</translation>
        </message>
        <message>
            <source>у адресі sqlite: не вказано шлях до файлу</source>
            <translation>no file path in the sqlite: address</translation>
        </message>
        <message>
            <source>некоректна адреса PostgreSQL: %1</source>
            <translation>invalid PostgreSQL address: %1</translation>
        </message>
        <message>
            <source>в адресі PostgreSQL не вказано сервер</source>
            <translation>no server specified in the PostgreSQL address</translation>
        </message>
        <message>
            <source>некоректний порт сервера PostgreSQL</source>
            <translation>invalid PostgreSQL server port</translation>
        </message>
        <message>
            <source>в адресі PostgreSQL не вказано користувача</source>
            <translation>no user specified in the PostgreSQL address</translation>
        </message>
        <message>
            <source>в адресі PostgreSQL не вказано назву бази даних</source>
            <translation>no database name specified in the PostgreSQL address</translation>
        </message>
        <message>
            <source>невідомий параметр адреси PostgreSQL: %1</source>
            <translation>unknown PostgreSQL address parameter: %1</translation>
        </message>
        <message>
            <source>непідтримувана адреса бази даних; очікується sqlite:ШЛЯХ або postgresql://користувач@сервер/база</source>
            <translation>unsupported database address; expected sqlite:PATH or postgresql://user@server/database</translation>
        </message>
    </context>
    <context>
        <name>cnap::storage::DocumentStore</name>
        <message>
            <source>для бази PostgreSQL вкажіть теку сховища документів (--store ТЕКА або змінна CNAP_STORE)</source>
            <translation>for a PostgreSQL database, specify the document store folder (--store FOLDER or the CNAP_STORE variable)</translation>
        </message>
        <message>
            <source>сховище документів не налаштовано</source>
            <translation>document store is not configured</translation>
        </message>
        <message>
            <source>не вдалося створити теку сховища документів %1</source>
            <translation>could not create document store folder %1</translation>
        </message>
        <message>
            <source>не вдалося створити файл у сховищі документів: %1</source>
            <translation>could not create a file in the document store: %1</translation>
        </message>
        <message>
            <source>не вдалося записати файл у сховище документів: %1</source>
            <translation>could not write a file to the document store: %1</translation>
        </message>
        <message>
            <source>не вдалося зберегти файл у сховищі документів: %1</source>
            <translation>could not save a file to the document store: %1</translation>
        </message>
        <message>
            <source>некоректний хеш SHA-256</source>
            <translation>invalid SHA-256 hash</translation>
        </message>
        <message>
            <source>файл %1 відсутній у сховищі документів</source>
            <translation>file %1 is missing from the document store</translation>
        </message>
        <message>
            <source>не вдалося прочитати файл %1: %2</source>
            <translation>could not read file %1: %2</translation>
        </message>
    </context>
    <context>
        <name>cnap::storage::JournalRepository</name>
        <message>
            <source>кількість номерів має бути додатною</source>
            <translation>the quantity of numbers must be positive</translation>
        </message>
        <message>
            <source>журнал %1/%2: %3 справ без лічильника журналу</source>
            <translation>journal %1/%2: %3 cases without a journal counter</translation>
        </message>
        <message>
            <source>журнал %1/%2: лічильник %3, а справ %4 (номери %5–%6) — у нумерації є пропуски</source>
            <translation>journal %1/%2: counter is %3 but there are %4 cases (numbers %5–%6) — the numbering has gaps</translation>
        </message>
    </context>
    <context>
        <name>cnap::storage::MessageLogRepository</name>
        <message>
            <source>запису журналу обміну №%1 немає</source>
            <translation>exchange log entry No. %1 does not exist</translation>
        </message>
    </context>
    <context>
        <name>cnap::storage::Migrator</name>
        <message>
            <source>у програмі немає міграцій схеми</source>
            <translation>the program has no schema migrations</translation>
        </message>
        <message>
            <source>база даних має новішу схему (версія %1), ніж знає ця програма (версія %2); оновіть програму</source>
            <translation>the database has a newer schema (version %1) than this program knows (version %2); update the program</translation>
        </message>
        <message>
            <source>міграція %1 (%2) не вдалася</source>
            <translation>migration %1 (%2) failed</translation>
        </message>
        <message>
            <source>не вдалося прочитати версії схеми</source>
            <translation>could not read the schema versions</translation>
        </message>
    </context>
    <context>
        <name>cnap::storage::OutboxRepository</name>
        <message>
            <source>повідомлення %1 у стані «%2»: повторно ставити в чергу можна лише недоставлені (dead)</source>
            <translation>message %1 is in the “%2” state: only undelivered (dead) messages can be requeued</translation>
        </message>
        <message>
            <source>повідомлення %1 щойно змінилося; оновіть список</source>
            <translation>message %1 has just changed; refresh the list</translation>
        </message>
        <message>
            <source>повідомлення №%1 у черзі обміну немає</source>
            <translation>message No. %1 is not in the exchange queue</translation>
        </message>
        <message>
            <source>повідомлення %1 у черзі обміну немає</source>
            <translation>message %1 is not in the exchange queue</translation>
        </message>
        <message>
            <source>онлайн-заяву №%1 уже взято в роботу або її немає</source>
            <translation>online application No. %1 has already been taken up or does not exist</translation>
        </message>
    </context>
    <context>
        <name>cnap::storage::UserRepository</name>
        <message>
            <source>обліковий запис не знайдено</source>
            <translation>account not found</translation>
        </message>
    </context>
    <context>
        <name>cnap::xml</name>
        <message>
            <source>рядок %1: %2</source>
            <translation>line %1: %2</translation>
        </message>
        <message>
            <source>послуга %1</source>
            <translation>service %1</translation>
        </message>
        <message>
            <source>суб'єкт надання, </source>
            <translation>service provider, </translation>
        </message>
        <message>
            <source>строк має бути цілим числом</source>
            <translation>the deadline must be a whole number</translation>
        </message>
        <message>
            <source>плата має бути цілим числом копійок</source>
            <translation>the fee must be a whole number of kopiykas</translation>
        </message>
        <message>
            <source>очікується кореневий елемент catalogue у просторі імен %1, а знайдено %2%3</source>
            <translation>expected root element catalogue in namespace %1, but found %2%3</translation>
        </message>
        <message>
            <source>код послуги %1 повторюється (уперше — у рядку %2)</source>
            <translation>service code %1 is duplicated (first on line %2)</translation>
        </message>
    </context>
    <context>
        <name>cnap::xml::Document</name>
        <message>
            <source>XML-документ завеликий (%1 байт, межа %2)</source>
            <translation>XML document is too large (%1 bytes, limit %2)</translation>
        </message>
        <message>
            <source>порожній XML-документ</source>
            <translation>empty XML document</translation>
        </message>
        <message>
            <source>XML-документ містить DTD або оголошення сутностей, що заборонено</source>
            <translation>XML document contains a DTD or entity declarations, which is not allowed</translation>
        </message>
        <message>
            <source>не вдалося створити XML-парсер</source>
            <translation>could not create the XML parser</translation>
        </message>
        <message>
            <source>невідома помилка</source>
            <translation>unknown error</translation>
        </message>
        <message>
            <source>некоректний XML (рядок %1): %2</source>
            <translation>invalid XML (line %1): %2</translation>
        </message>
        <message>
            <source>XML-документ містить DTD, що заборонено</source>
            <translation>XML document contains a DTD, which is not allowed</translation>
        </message>
        <message>
            <source>XML-документ не має кореневого елемента</source>
            <translation>XML document has no root element</translation>
        </message>
        <message>
            <source>XML-документ занадто глибоко вкладений (межа %1)</source>
            <translation>XML document is nested too deeply (limit %1)</translation>
        </message>
        <message>
            <source>не вдалося відкрити файл %1: %2</source>
            <translation>could not open file %1: %2</translation>
        </message>
        <message>
            <source>файл %1 завеликий</source>
            <translation>file %1 is too large</translation>
        </message>
    </context>
    <context>
        <name>cnap::xml::ErrorList</name>
        <message>
            <source>рядок %1: %2</source>
            <translation>line %1: %2</translation>
        </message>
    </context>
    <context>
        <name>cnap::xml::Schema</name>
        <message>
            <source>файл схеми не знайдено: %1</source>
            <translation>schema file not found: %1</translation>
        </message>
        <message>
            <source>не вдалося прочитати схему %1</source>
            <translation>could not read schema %1</translation>
        </message>
        <message>
            <source>некоректна схема %1: %2</source>
            <translation>invalid schema %1: %2</translation>
        </message>
        <message>
            <source>схему або документ не завантажено</source>
            <translation>schema or document not loaded</translation>
        </message>
        <message>
            <source>не вдалося створити контекст перевірки схеми</source>
            <translation>could not create the schema validation context</translation>
        </message>
        <message>
            <source>документ не відповідає схемі</source>
            <translation>document does not conform to the schema</translation>
        </message>
        <message>
            <source>схему або елемент не завантажено</source>
            <translation>schema or element not loaded</translation>
        </message>
        <message>
            <source>елемент не відповідає схемі</source>
            <translation>element does not conform to the schema</translation>
        </message>
    </context>
    <context>
        <name>cnap::xml::xroad</name>
        <message>
            <source>поле обов'язкове</source>
            <translation>field is required</translation>
        </message>
        <message>
            <source>недопустиме значення «%1»: без пробілів і «/», до 255 символів</source>
            <translation>invalid value “%1”: no spaces or “/”, up to 255 characters</translation>
        </message>
        <message>
            <source>код члена класу GOV має бути кодом ЄДРПОУ (8 цифр): %1</source>
            <translation>member code of class GOV must be an EDRPOU code (8 digits): %1</translation>
        </message>
        <message>
            <source>%1: неочікуваний елемент «%2»</source>
            <translation>%1: unexpected element “%2”</translation>
        </message>
        <message>
            <source>%1: елемент «%2» повторюється або стоїть не на своєму місці</source>
            <translation>%1: element “%2” is repeated or out of place</translation>
        </message>
        <message>
            <source>%1: елемент «%2» має містити лише текст</source>
            <translation>%1: element “%2” must contain text only</translation>
        </message>
        <message>
            <source>SOAP fault без faultcode</source>
            <translation>SOAP fault without faultcode</translation>
        </message>
        <message>
            <source>SOAP fault без faultstring</source>
            <translation>SOAP fault without faultstring</translation>
        </message>
        <message>
            <source>простір імен тіла запиту обов'язковий</source>
            <translation>request body namespace is required</translation>
        </message>
        <message>
            <source>у запиті немає заголовка service</source>
            <translation>the request has no service header</translation>
        </message>
        <message>
            <source>кореневий елемент має бути SOAP 1.1 Envelope, а не «%1» (%2)</source>
            <translation>the root element must be a SOAP 1.1 Envelope, not “%1” (%2)</translation>
        </message>
        <message>
            <source>неочікуваний елемент «%1» у SOAP Envelope</source>
            <translation>unexpected element “%1” in SOAP Envelope</translation>
        </message>
        <message>
            <source>у SOAP Envelope немає Body</source>
            <translation>SOAP Envelope has no Body</translation>
        </message>
        <message>
            <source>заголовок X-Road «%1» повторюється</source>
            <translation>X-Road header “%1” is repeated</translation>
        </message>
        <message>
            <source>заголовок service має мати id:objectType="SERVICE"</source>
            <translation>the service header must have id:objectType="SERVICE"</translation>
        </message>
        <message>
            <source>заголовок X-Road «%1» має містити лише текст</source>
            <translation>X-Road header “%1” must contain text only</translation>
        </message>
        <message>
            <source>SOAP Body має містити рівно один елемент, а містить %1</source>
            <translation>SOAP Body must contain exactly one element, but contains %1</translation>
        </message>
        <message>
            <source>повідомлення є SOAP fault, а не запитом</source>
            <translation>the message is a SOAP fault, not a request</translation>
        </message>
        <message>
            <source>у запиті немає заголовка client</source>
            <translation>the request has no client header</translation>
        </message>
        <message>
            <source>у запиті немає заголовка id</source>
            <translation>the request has no id header</translation>
        </message>
        <message>
            <source>у запиті немає заголовка protocolVersion</source>
            <translation>the request has no protocolVersion header</translation>
        </message>
        <message>
            <source>id:objectType клієнта має бути %1</source>
            <translation>client id:objectType must be %1</translation>
        </message>
        <message>
            <source>елемент тіла «%1» не відповідає коду сервісу «%2»</source>
            <translation>body element “%1” does not match service code “%2”</translation>
        </message>
        <message>
            <source>у відповіді немає заголовка «%1», надісланого в запиті</source>
            <translation>the response lacks the “%1” header sent in the request</translation>
        </message>
        <message>
            <source>у відповіді є заголовок «%1», якого не було в запиті</source>
            <translation>the response has a “%1” header that was not in the request</translation>
        </message>
        <message>
            <source>заголовок «%1» у відповіді («%2») не збігається з надісланим («%3»)</source>
            <translation>header “%1” in the response (“%2”) does not match the one sent (“%3”)</translation>
        </message>
        <message>
            <source>неочікуваний HTTP-статус %1</source>
            <translation>unexpected HTTP status %1</translation>
        </message>
        <message>
            <source>відповідь не є коректним SOAP-повідомленням: %1</source>
            <translation>the response is not a valid SOAP message: %1</translation>
        </message>
        <message>
            <source>HTTP-статус %1 без SOAP fault</source>
            <translation>HTTP status %1 without a SOAP fault</translation>
        </message>
        <message>
            <source>у відповіді немає заголовка «client»</source>
            <translation>the response has no “client” header</translation>
        </message>
        <message>
            <source>заголовок «client» у відповіді (%1) не збігається з надісланим (%2)</source>
            <translation>“client” header in the response (%1) does not match the one sent (%2)</translation>
        </message>
        <message>
            <source>id:objectType заголовка «client» у відповіді не збігається з надісланим</source>
            <translation>id:objectType of the “client” header in the response does not match the one sent</translation>
        </message>
        <message>
            <source>у відповіді немає заголовка «service»</source>
            <translation>the response has no “service” header</translation>
        </message>
        <message>
            <source>заголовок «service» у відповіді (%1) не збігається з надісланим (%2)</source>
            <translation>“service” header in the response (%1) does not match the one sent (%2)</translation>
        </message>
        <message>
            <source>у відповіді немає заголовка «id»</source>
            <translation>the response has no “id” header</translation>
        </message>
        <message>
            <source>заголовок «id» у відповіді («%1») не збігається з надісланим («%2»)</source>
            <translation>“id” header in the response (“%1”) does not match the one sent (“%2”)</translation>
        </message>
        <message>
            <source>у відповіді немає заголовка «protocolVersion»</source>
            <translation>the response has no “protocolVersion” header</translation>
        </message>
        <message>
            <source>заголовок «protocolVersion» у відповіді («%1») не збігається з надісланим («%2»)</source>
            <translation>“protocolVersion” header in the response (“%1”) does not match the one sent (“%2”)</translation>
        </message>
        <message>
            <source>заголовки X-Road у відповіді йдуть не в порядку запиту (%1)</source>
            <translation>X-Road headers in the response are not in the request order (%1)</translation>
        </message>
        <message>
            <source>непідтримуваний алгоритм requestHash: «%1»</source>
            <translation>unsupported requestHash algorithm: “%1”</translation>
        </message>
        <message>
            <source>requestHash у відповіді не відповідає надісланому запиту</source>
            <translation>requestHash in the response does not match the request sent</translation>
        </message>
        <message>
            <source>елемент тіла відповіді «%1», очікувався «%2»</source>
            <translation>response body element is “%1”, expected “%2”</translation>
        </message>
        <message>
            <source>простір імен тіла відповіді «%1», очікувався «%2»</source>
            <translation>response body namespace is “%1”, expected “%2”</translation>
        </message>
    </context>
    <context>
        <name>cnap::xml::xroad::RequestHeader</name>
        <message>
            <source>ідентифікатор повідомлення обов'язковий, без пробілів</source>
            <translation>message identifier is required, without spaces</translation>
        </message>
        <message>
            <source>задовге значення</source>
            <translation>value is too long</translation>
        </message>
        <message>
            <source>підтримується лише версія протоколу 4.0</source>
            <translation>only protocol version 4.0 is supported</translation>
        </message>
    </context>
    <context>
        <name>cnap::xml::xroad::XRoadClient</name>
        <message>
            <source>очікується ІНСТАНЦІЯ/КЛАС/КОД[/ПІДСИСТЕМА], отримано «%1»</source>
            <translation>expected INSTANCE/CLASS/CODE[/SUBSYSTEM], got “%1”</translation>
        </message>
    </context>
    <context>
        <name>cnap::xml::xroad::XRoadService</name>
        <message>
            <source>код сервісу має починатися з літери: «%1»</source>
            <translation>service code must start with a letter: “%1”</translation>
        </message>
        <message>
            <source>код сервісу має бути іменем XML-елемента: «%1»</source>
            <translation>service code must be a valid XML element name: “%1”</translation>
        </message>
    </context>
    <context>
        <name>cnapctl</name>
        <message>
            <source>не вказано базу даних (--db URL або змінна CNAP_DB)</source>
            <translation>no database specified (--db URL or the CNAP_DB variable)</translation>
        </message>
        <message>
            <source>база даних має новішу схему (версія %1), ніж знає ця програма (%2)</source>
            <translation>the database has a newer schema (version %1) than this program knows (%2)</translation>
        </message>
        <message>
            <source>схема бази даних застаріла або відсутня (версія %1 з %2); виконайте: cnapctl --db URL init</source>
            <translation>the database schema is outdated or missing (version %1 of %2); run: cnapctl --db URL init</translation>
        </message>
        <message>
            <source>помилка: </source>
            <translation>error: </translation>
        </message>
        <message>
            <source>неправильний виклик: </source>
            <translation>invalid usage: </translation>
        </message>
        <message>
            <source>схема вже актуальна (версія %1)</source>
            <translation>schema is already up to date (version %1)</translation>
        </message>
        <message>
            <source>схему оновлено з версії %1 до %2</source>
            <translation>schema upgraded from version %1 to %2</translation>
        </message>
        <message>
            <source>очікується: cnapctl validate ВИД ЗНАЧЕННЯ (види: %1)</source>
            <translation>expected: cnapctl validate KIND VALUE (kinds: %1)</translation>
        </message>
        <message>
            <source>невідомий вид ідентифікатора «%1»; допустимі: %2</source>
            <translation>unknown identifier kind “%1”; valid kinds: %2</translation>
        </message>
        <message>
            <source>Використання: cnapctl [--db URL] [--lang uk|en] КОМАНДА [ПАРАМЕТРИ]</source>
            <translation>Usage: cnapctl [--db URL] [--lang uk|en] COMMAND [OPTIONS]</translation>
        </message>
        <message>
            <source>URL бази даних: sqlite:ШЛЯХ або postgresql://користувач[:пароль]@сервер[:порт]/база (або змінна CNAP_DB)</source>
            <translation>Database URL: sqlite:PATH or postgresql://user[:password]@server[:port]/database (or the CNAP_DB variable)</translation>
        </message>
        <message>
            <source>Команди:</source>
            <translation>Commands:</translation>
        </message>
        <message>
            <source>невідома команда: %1 (див. cnapctl --help)</source>
            <translation>unknown command: %1 (see cnapctl --help)</translation>
        </message>
        <message>
            <source>тека сховища документів (типово &lt;файл бази&gt;.files або CNAP_STORE)</source>
            <translation>document store folder (default: DATABASE_FILE.files or CNAP_STORE)</translation>
        </message>
    </context>
</TS>
