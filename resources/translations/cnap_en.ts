<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="uk_UA">
<context>
    <name>Transaction</name>
    <message>
        <source>немає з&apos;єднання з базою даних</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не вдалося почати транзакцію</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>транзакцію вже завершено</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не вдалося зберегти зміни</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap</name>
    <message>
        <source>ім&apos;я та прізвище не можуть містити цифр</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>вкажіть тип документа, що посвідчує особу</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>номер документа, що посвідчує особу, не вказано</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>дата видачі документа не може бути в майбутньому</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>дата видачі документа раніша за дату народження</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>прізвище не вказано</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ім&apos;я не вказано</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>дату народження не вказано</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>дата народження не може бути в майбутньому</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>дата народження раніша за 01.01.1900 — перевірте рік</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>вказано і РНОКПП, і відмову від нього — залиште щось одне</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>особа відмовилася від РНОКПП: потрібні дані паспорта з відміткою про відмову</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>РНОКПП не вказано; якщо особа відмовилася від нього, позначте відмову і внесіть дані паспорта</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>дата народження в РНОКПП (%1) не збігається з указаною (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>дата народження в УНЗР (%1) не збігається з указаною (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>найменування юридичної особи не вказано</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ПІБ представника юридичної особи не вказано</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не вказано документ, що підтверджує повноваження представника (наприклад, довіреність № … від …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>номер телефону неправильний: очікується, наприклад, +380 67 123 45 67</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>адреса електронної пошти неправильна</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>немає згоди на обробку персональних даних (Закон України «Про захист персональних даних»)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не вказано, коли надано згоду на обробку персональних даних</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>строк має бути цілим числом не менше 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>строк не може перевищувати %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>невідома одиниця строку «%1»; допустимі: working-days, calendar-days, hours, auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>недійсна дата події</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>невідома одиниця строку</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>недійсний час події</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>невідомий стан справи «%1»; допустимі: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Зареєстровано</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Передано суб&apos;єкту надання</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>На розгляді</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Очікує відповіді реєстру</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Розгляд зупинено</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Прийнято рішення про надання</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Відмовлено</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Залишено без розгляду</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Результат надійшов до ЦНАП</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Заявника повідомлено</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Видано особисто</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Надіслано поштою</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Закрито</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Відкликано заявником</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Повернуто як неповний пакет</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>справа вже у стані %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>справа у стані %1 остаточна: змінити її стан неможливо</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не можна перевести справу зі стану %1 у стан %2; зі стану %1 можливо: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>вкажіть підставу зупинення розгляду</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>вкажіть підстави відмови</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>вкажіть підстави залишення без розгляду</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>вкажіть, яких документів бракує</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>вкажіть, кому видано результат</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>вкажіть документ, що посвідчує особу отримувача</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: не заповнено</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: задовгий текст (%2 символів, межа %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: містить недопустимі керівні символи</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>невідома форма документа «%1» (допустимо: original, copy, original-and-copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>оригінал</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>копія</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>оригінал і копія</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>невідома одиниця строку «%1» (допустимо: working-days, calendar-days, hours, auto)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>автоматично, під час звернення</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>невідомий спосіб передачі «%1» (допустимо: paper, registry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>назва послуги</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>суб&apos;єкт надання</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>перелік документів: потрібен щонайменше один документ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>перелік документів: забагато документів (межа %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>документ %1, назва</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>документ %1, примітка</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>документ %1: для документа, що подається за умови, потрібна примітка з умовою</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>строк: для автоматичного надання строк має бути 0, а не %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>строк: має бути від 1 до %1 годин, а не %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>строк: має бути від 1 до %1 днів, а не %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>плата: має бути від 0 до %1 копійок</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>примітка до плати</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>правові підстави</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>результат надання послуги</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>код сервісу реєстру «%1» некоректний (латинські літери й цифри, напр. RegisterResidence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>версія сервісу реєстру «%1» некоректна (напр. v1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>сервіс реєстру вказано, але послуга передається в паперовому вигляді</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>невідома роль «%1»; можливі: clerk, supervisor, admin, kiosk, display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>адміністратор ЦНАП</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>керівник ЦНАП</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>системний адміністратор</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>кіоск</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>табло</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>системний інструмент</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>недостатньо прав: роль «%1» не може виконати цю дію</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::Edrpou</name>
    <message>
        <source>код ЄДРПОУ не вказано</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>код ЄДРПОУ має складатися рівно з 8 цифр</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>неправильна контрольна цифра коду ЄДРПОУ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::IdCardNumber</name>
    <message>
        <source>номер ID-картки не вказано</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>номер ID-картки має складатися рівно з 9 цифр</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::Katottg</name>
    <message>
        <source>код КАТОТТГ не вказано</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>код КАТОТТГ має формат UA і 17 цифр</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::PassportNumber</name>
    <message>
        <source>серію та номер паспорта не вказано</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>паспорт-книжечка: дві літери серії та 6 цифр номера (наприклад, КА123456)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>серія паспорта має складатися з двох українських літер</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>номер паспорта має складатися з 6 цифр</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::Rnokpp</name>
    <message>
        <source>РНОКПП не вказано</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>РНОКПП має складатися рівно з 10 цифр</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>неправильна контрольна цифра РНОКПП</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>РНОКПП не містить дати народження (перші п&apos;ять цифр — нулі)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>дата народження, закодована в РНОКПП (%1), ще не настала</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::ServiceCard</name>
    <message numerus="yes">
        <source>%n робочих днів</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n календарних днів</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n годин</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cnap::ServiceCode</name>
    <message>
        <source>код послуги не вказано</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>код послуги «%1» має складатися з 5 цифр (ідентифікатор Реєстру адміністративних послуг, напр. 00049) або з літери L і 4 цифр для місцевої послуги (напр. L0001)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::Unzr</name>
    <message>
        <source>УНЗР не вказано</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>УНЗР має формат РРРРММДД-NNNNC (8 цифр дати, дефіс, 5 цифр)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>перші 8 цифр УНЗР не є реальною датою</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>неправильна контрольна цифра УНЗР</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::WorkingCalendar</name>
    <message>
        <source>недійсна дата</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>дата %1 не належить до %2 року</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>дата %1 не може бути одночасно неробочою і робочою</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::cli</name>
    <message>
        <source>дата події (РРРР-ММ-ДД або РРРР-ММ-ДДTГГ:ХХ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>тривалість строку</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>воєнний стан: on (типово) або off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>додатковий неробочий день (можна кілька разів)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>додатковий робочий день (можна кілька разів)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>зайві аргументи: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не вказано --%1 (cnapctl deadline --from РРРР-ММ-ДД --term N --unit ОДИНИЦЯ [--martial-law on|off])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>очікується дата РРРР-ММ-ДД (або РРРР-ММ-ДДTГГ:ХХ), отримано «%1»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>очікується ціле число, отримано «%1»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>очікується on або off, отримано «%1»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>очікується дата РРРР-ММ-ДД, отримано «%1»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>строк: %1 %2 від %3; воєнний стан: %4; спливає о %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>строк: %1 %2 від %3; воєнний стан: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::crypto</name>
    <message>
        <source>не вдалося відкрити файл %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>помилка читання файлу %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>збережений хеш пароля має неправильний формат</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::crypto::PasswordHasher</name>
    <message>
        <source>неприпустимі параметри scrypt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не вдалося обчислити хеш пароля (scrypt)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::gui::ErrorPresenter</name>
    <message>
        <source>Некоректні дані</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Не знайдено</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Вже існує</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Конфлікт змін</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Дія недоступна</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Недостатньо прав</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Потрібен вхід</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Немає з&apos;єднання</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Потрібне оновлення програми</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Помилка</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::gui::MainWindow</name>
    <message>
        <source>ЦНАП — робоче місце адміністратора</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2), вікно %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Файл</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Черга</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Справи</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Обмін</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Звіти</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Довідка</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Заблокувати робоче місце</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Вийти</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Про програму</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Про програму</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Робоче місце адміністратора ЦНАП, версія %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::log</name>
    <message>
        <source>не вдалося відкрити файл журналу %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::queue</name>
    <message>
        <source>невідоме значення «%1» (%2); можливі: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>стан талона</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>вид талона</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>стан вікна</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>результат обслуговування</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>справу зареєстровано</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>консультація</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>відмова в прийнятті</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>префікс черги має складатися з 1–3 великих літер (наприклад, «А»), а не «%1»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>префікс черги не може закінчуватися на «П» чи «З»: ці літери позначають пільгові та записані талони</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>час запису не вказано або він неправильний</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>час запису %1 уже минув</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>запис можливий не далі ніж на %1 днів наперед</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — вихідний день, запис не ведеться</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>час %1 поза годинами прийому (%2–%3) або не збігається з сіткою по %4 хв</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::storage</name>
    <message>
        <source>немає з&apos;єднання з базою даних</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>помилка виконання запиту</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>помилка підготовки запиту</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>запис не знайдено</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>обліковий запис не знайдено</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::storage::Database</name>
    <message>
        <source>драйвер SQLite (QSQLITE) не встановлено</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>тека для файлу бази даних не існує: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не вдалося створити файл бази даних %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>драйвер PostgreSQL (QPSQL) не встановлено</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не вдалося під&apos;єднатися до бази даних %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не вдалося налаштувати з&apos;єднання: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::storage::DatabaseUrl</name>
    <message>
        <source>адресу бази даних не вказано (sqlite:ШЛЯХ або postgresql://…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>у адресі sqlite: не вказано шлях до файлу</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>некоректна адреса PostgreSQL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>в адресі PostgreSQL не вказано сервер</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>некоректний порт сервера PostgreSQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>в адресі PostgreSQL не вказано користувача</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>в адресі PostgreSQL не вказано назву бази даних</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>невідомий параметр адреси PostgreSQL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>непідтримувана адреса бази даних; очікується sqlite:ШЛЯХ або postgresql://користувач@сервер/база</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::storage::Migrator</name>
    <message>
        <source>у програмі немає міграцій схеми</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>база даних має новішу схему (версія %1), ніж знає ця програма (версія %2); оновіть програму</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>міграція %1 (%2) не вдалася</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::storage::UserRepository</name>
    <message>
        <source>обліковий запис не знайдено</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::xml</name>
    <message>
        <source>рядок %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>послуга %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>суб&apos;єкт надання, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>строк має бути цілим числом</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>плата має бути цілим числом копійок</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>очікується кореневий елемент catalogue у просторі імен %1, а знайдено %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>код послуги %1 повторюється (уперше — у рядку %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::xml::Document</name>
    <message>
        <source>XML-документ завеликий (%1 байт, межа %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>порожній XML-документ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XML-документ містить DTD або оголошення сутностей, що заборонено</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не вдалося створити XML-парсер</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>невідома помилка</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>некоректний XML (рядок %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XML-документ містить DTD, що заборонено</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XML-документ не має кореневого елемента</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XML-документ занадто глибоко вкладений (межа %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не вдалося відкрити файл %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>файл %1 завеликий</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::xml::ErrorList</name>
    <message>
        <source>рядок %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::xml::Schema</name>
    <message>
        <source>файл схеми не знайдено: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не вдалося прочитати схему %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>некоректна схема %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>схему або документ не завантажено</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>не вдалося створити контекст перевірки схеми</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>документ не відповідає схемі</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>схему або елемент не завантажено</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>елемент не відповідає схемі</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::xml::xroad</name>
    <message>
        <source>поле обов&apos;язкове</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>недопустиме значення «%1»: без пробілів і «/», до 255 символів</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>код члена класу GOV має бути кодом ЄДРПОУ (8 цифр): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: неочікуваний елемент «%2»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: елемент «%2» повторюється або стоїть не на своєму місці</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: елемент «%2» має містити лише текст</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SOAP fault без faultcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SOAP fault без faultstring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>простір імен тіла запиту обов&apos;язковий</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>у запиті немає заголовка service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>кореневий елемент має бути SOAP 1.1 Envelope, а не «%1» (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>неочікуваний елемент «%1» у SOAP Envelope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>у SOAP Envelope немає Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>заголовок X-Road «%1» повторюється</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>заголовок service має мати id:objectType=&quot;SERVICE&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>заголовок X-Road «%1» має містити лише текст</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SOAP Body має містити рівно один елемент, а містить %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>повідомлення є SOAP fault, а не запитом</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>у запиті немає заголовка client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>у запиті немає заголовка id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>у запиті немає заголовка protocolVersion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id:objectType клієнта має бути %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>елемент тіла «%1» не відповідає коду сервісу «%2»</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::xml::xroad::RequestHeader</name>
    <message>
        <source>ідентифікатор повідомлення обов&apos;язковий, без пробілів</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>задовге значення</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>підтримується лише версія протоколу 4.0</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::xml::xroad::XRoadClient</name>
    <message>
        <source>очікується ІНСТАНЦІЯ/КЛАС/КОД[/ПІДСИСТЕМА], отримано «%1»</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnap::xml::xroad::XRoadService</name>
    <message>
        <source>код сервісу має починатися з літери: «%1»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>код сервісу має бути іменем XML-елемента: «%1»</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cnapctl</name>
    <message>
        <source>не вказано базу даних (--db URL або змінна CNAP_DB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>база даних має новішу схему (версія %1), ніж знає ця програма (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>схема бази даних застаріла або відсутня (версія %1 з %2); виконайте: cnapctl --db URL init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>помилка: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>неправильний виклик: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>схема вже актуальна (версія %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>схему оновлено з версії %1 до %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>значення для перевірки</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>очікується: cnapctl validate ВИД ЗНАЧЕННЯ (види: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>невідомий вид ідентифікатора «%1»; допустимі: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Використання: cnapctl [--db URL] [--lang uk|en] КОМАНДА [ПАРАМЕТРИ]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL бази даних: sqlite:ШЛЯХ або postgresql://користувач[:пароль]@сервер[:порт]/база (або змінна CNAP_DB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Команди:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>невідома команда: %1 (див. cnapctl --help)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
