<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ConsentDialog</name>
    <message numerus="yes">
        <source>%n thing(s) to fix before saving — first: {field}: {message}</source>
        <translation>
            <numerusform>%n thing to fix before saving — first: {field}: {message}</numerusform>
            <numerusform>%n things to fix before saving — first: {field}: {message}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message numerus="yes">
        <source>%n thing(s) to fix before saving — first: {field}{where}: {message}</source>
        <translation>
            <numerusform>%n thing to fix before saving — first: {field}{where}: {message}</numerusform>
            <numerusform>%n things to fix before saving — first: {field}{where}: {message}</numerusform>
        </translation>
    </message>
</context>
</TS>
