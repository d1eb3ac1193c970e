<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA" sourcelanguage="uk_UA">
<context>
    <name>cnap::ServiceCard</name>
    <message numerus="yes">
        <source>%n робочих днів</source>
        <translation>
            <numerusform>%n робочий день</numerusform>
            <numerusform>%n робочі дні</numerusform>
            <numerusform>%n робочих днів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n календарних днів</source>
        <translation>
            <numerusform>%n календарний день</numerusform>
            <numerusform>%n календарні дні</numerusform>
            <numerusform>%n календарних днів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n годин</source>
        <translation>
            <numerusform>%n година</numerusform>
            <numerusform>%n години</numerusform>
            <numerusform>%n годин</numerusform>
        </translation>
    </message>
</context>
</TS>
