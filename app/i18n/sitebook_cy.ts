<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB">
<context>
    <name>AppShell</name>
    <message>
        <source>Sitebook is ready</source>
        <translation>Mae Sitebook yn barod</translation>
    </message>
    <message>
        <source>How your data is protected on this phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sitebook locks itself after %n minute(s) without use.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Parhau</translation>
    </message>
</context>
<context>
    <name>ChoiceBox</name>
    <message>
        <source>Choose…</source>
        <translation>Dewiswch…</translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <source>Attended – Complied</source>
        <translation>Mynychodd – Cydymffurfiodd</translation>
    </message>
    <message>
        <source>Attended – Failed to Comply</source>
        <translation>Mynychodd – Methodd â Chydymffurfio</translation>
    </message>
    <message>
        <source>Attended – Sent Home (behaviour)</source>
        <translation>Mynychodd – Anfonwyd Adref (ymddygiad)</translation>
    </message>
    <message>
        <source>Attended – Sent Home (service issues)</source>
        <translation>Mynychodd – Anfonwyd Adref (materion gwasanaeth)</translation>
    </message>
    <message>
        <source>Unacceptable Absence</source>
        <translation>Absenoldeb Annerbyniol</translation>
    </message>
    <message>
        <source>Acceptable Absence – Stood Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptable Absence – Medical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptable Absence – Employment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptable Absence – Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptable Absence – Court</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescheduled – Service Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescheduled – Person on Probation Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Came, worked the session and followed the rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Came but was late, unfit to work, left early or had no PPE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Came but you sent them home because of their behaviour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Came but was sent home for our reasons (weather, no work, no supervisor). Not their fault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did not come and gave no acceptable reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>Rhagorol</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Da</translation>
    </message>
    <message>
        <source>Satisfactory</source>
        <translation>Boddhaol</translation>
    </message>
    <message>
        <source>Unsatisfactory</source>
        <translation>Anfoddhaol</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Gwael</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Amherthnasol</translation>
    </message>
    <message>
        <source>Grounds and gardening</source>
        <translation>Tiroedd a garddio</translation>
    </message>
    <message>
        <source>Litter picking and clean-up</source>
        <translation>Casglu sbwriel a glanhau</translation>
    </message>
    <message>
        <source>Painting and decorating</source>
        <translation>Paentio ac addurno</translation>
    </message>
    <message>
        <source>Construction and joinery</source>
        <translation>Adeiladu a gwaith saer</translation>
    </message>
    <message>
        <source>Charity shop retail</source>
        <translation>Manwerthu siop elusen</translation>
    </message>
    <message>
        <source>Catering</source>
        <translation>Arlwyo</translation>
    </message>
    <message>
        <source>Cleaning</source>
        <translation>Glanhau</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Arall</translation>
    </message>
    <message>
        <source>Teamwork</source>
        <translation>Gwaith tîm</translation>
    </message>
    <message>
        <source>Following instructions</source>
        <translation>Dilyn cyfarwyddiadau</translation>
    </message>
    <message>
        <source>Health and safety</source>
        <translation>Iechyd a diogelwch</translation>
    </message>
    <message>
        <source>Timekeeping</source>
        <translation>Cadw amser</translation>
    </message>
    <message>
        <source>Tool use</source>
        <translation>Defnyddio offer</translation>
    </message>
    <message>
        <source>Customer service</source>
        <translation>Gwasanaeth cwsmeriaid</translation>
    </message>
    <message>
        <source>A trade skill</source>
        <translation>Sgil crefft</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>Cyfathrebu</translation>
    </message>
    <message>
        <source>Problem solving</source>
        <translation>Datrys problemau</translation>
    </message>
    <message>
        <source>Introduced</source>
        <translation>Wedi'i gyflwyno</translation>
    </message>
    <message>
        <source>Practising</source>
        <translation>Yn ymarfer</translation>
    </message>
    <message>
        <source>Competent</source>
        <translation>Cymwys</translation>
    </message>
    <message>
        <source>Could teach others</source>
        <translation>Gallai addysgu eraill</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grŵp</translation>
    </message>
    <message>
        <source>Individual placement</source>
        <translation>Lleoliad unigol</translation>
    </message>
    <message>
        <source>Induction</source>
        <translation>Cynefino</translation>
    </message>
    <message>
        <source>Education, training and employment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unrecognised outcome (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FastPathPage</name>
    <message>
        <source>Back to the roster without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone attended and complied</source>
        <translation>Mynychodd pawb a chydymffurfio</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wrthi'n cadw…</translation>
    </message>
    <message numerus="yes">
        <source>Save %n record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Records “Attended – Complied” for the %n person(s) below. The feedback is still asked for each of them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Cyrhaeddodd</translation>
    </message>
    <message>
        <source>Arrival time for everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Gorffennodd</translation>
    </message>
    <message>
        <source>Finish time for everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality of work</source>
        <translation>Ansawdd y gwaith</translation>
    </message>
    <message>
        <source>Quality of work for everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Ymddygiad</translation>
    </message>
    <message>
        <source>Behaviour for everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Cryfderau</translation>
    </message>
    <message>
        <source>Strengths for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Pryderon</translation>
    </message>
    <message>
        <source>Concerns for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Set up Sitebook</source>
        <translation>Gosod Sitebook</translation>
    </message>
    <message>
        <source>Welcome to Sitebook</source>
        <translation>Croeso i Sitebook</translation>
    </message>
    <message>
        <source>Choose a PIN of 4 to 12 digits. You will need it each time you open Sitebook. Everything recorded on this phone is encrypted, and the PIN unlocks it even without signal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>PIN newydd</translation>
    </message>
    <message>
        <source>Enter the PIN again</source>
        <translation>Rhowch y PIN eto</translation>
    </message>
    <message>
        <source>Setting up…</source>
        <translation>Wrthi'n gosod…</translation>
    </message>
    <message>
        <source>Set PIN and start</source>
        <translation>Gosod PIN a dechrau</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Sitebook</source>
        <translation>Sitebook</translation>
    </message>
</context>
<context>
    <name>PlacementFlags</name>
    <message>
        <source>Placement flag: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyCover</name>
    <message>
        <source>Sitebook content hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sitebook</source>
        <translation>Sitebook</translation>
    </message>
    <message>
        <source>Content hidden</source>
        <translation>Cynnwys wedi'i guddio</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>Back to the roster without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wrthi'n cadw…</translation>
    </message>
    <message>
        <source>Save record</source>
        <translation>Cadw'r cofnod</translation>
    </message>
    <message>
        <source>An outcome is already recorded. Saving again replaces it; work, skills and the note are added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened?</source>
        <translation>Beth ddigwyddodd?</translation>
    </message>
    <message>
        <source>⚠ The officer will be alerted</source>
        <translation>⚠ Bydd y swyddog yn cael ei rybuddio</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Amseroedd</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Cyrhaeddodd</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>AA:MM</translation>
    </message>
    <message>
        <source>Arrival time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Gorffennodd</translation>
    </message>
    <message>
        <source>Finish time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty time (minutes not credited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality of work</source>
        <translation>Ansawdd y gwaith</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Ymddygiad</translation>
    </message>
    <message>
        <source>Work undertaken</source>
        <translation>Gwaith a wnaed</translation>
    </message>
    <message>
        <source>Kind of work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What did they do? e.g. cleared brambles along the river path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description of the work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount, e.g. 12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount of work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit, e.g. bags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit of the amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skills observed</source>
        <translation>Sgiliau a welwyd</translation>
    </message>
    <message>
        <source>Level for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback for the officer</source>
        <translation>Adborth i'r swyddog</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Cynnydd</translation>
    </message>
    <message>
        <source>How are they getting on?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Cryfderau</translation>
    </message>
    <message>
        <source>What went well?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Pryderon</translation>
    </message>
    <message>
        <source>Anything worrying?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support needs</source>
        <translation>Anghenion cymorth</translation>
    </message>
    <message>
        <source>Help they may need, e.g. reading, transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Digwyddiadau</translation>
    </message>
    <message>
        <source>Anything that happened on site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert the officer</source>
        <translation>Rhybuddio'r swyddog</translation>
    </message>
    <message>
        <source>Why should the officer look at this soon?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case note</source>
        <translation>Nodyn achos</translation>
    </message>
    <message>
        <source>Optional. Saved notes cannot be changed; a correction is a new note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive note</source>
        <translation>Nodyn sensitif</translation>
    </message>
    <message>
        <source>Only staff with access to sensitive notes will see it. It can never be made non-sensitive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The officer will be alerted</source>
        <translation>Bydd y swyddog yn cael ei rybuddio</translation>
    </message>
    <message>
        <source>“%1” is an enforceable outcome. Saving it tells %2&apos;s responsible officer, who must decide what happens next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Mynd yn ôl</translation>
    </message>
    <message>
        <source>Save and alert</source>
        <translation>Cadw a rhybuddio</translation>
    </message>
    <message>
        <source>Save and alert the officer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Back to sessions</source>
        <translation>Yn ôl i'r sesiynau</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n recorded</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Everyone attended and complied…</source>
        <translation>Mynychodd pawb a chydymffurfio…</translation>
    </message>
    <message>
        <source>Everyone attended and complied</source>
        <translation>Mynychodd pawb a chydymffurfio</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No feedback</source>
        <translation>Dim adborth</translation>
    </message>
    <message>
        <source>Nobody is booked on this session.</source>
        <translation>Does neb wedi'i drefnu ar y sesiwn hon.</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Previous day</source>
        <translation>Y diwrnod blaenorol</translation>
    </message>
    <message>
        <source>My sessions</source>
        <translation>Fy sesiynau</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Y diwrnod nesaf</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Dewislen</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heddiw</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Cloi nawr</translation>
    </message>
    <message>
        <source>Back to today</source>
        <translation>Yn ôl i heddiw</translation>
    </message>
    <message>
        <source>%1, %2 to %3, %4 of %5 recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>✓ All %n recorded</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n recorded</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ Hi-vis required</source>
        <translation>⚠ Angen dillad llachar</translation>
    </message>
    <message>
        <source>No sessions on this day.</source>
        <translation>Dim sesiynau ar y diwrnod hwn.</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Unlock Sitebook</source>
        <translation>Datgloi Sitebook</translation>
    </message>
    <message>
        <source>Sitebook is locked</source>
        <translation>Mae Sitebook wedi'i gloi</translation>
    </message>
    <message>
        <source>Enter your PIN</source>
        <translation>Rhowch eich PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message numerus="yes">
        <source>Wait %n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wrthi'n gwirio…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Datgloi</translation>
    </message>
    <message>
        <source>Protection: %1</source>
        <translation>Diogelwch: %1</translation>
    </message>
</context>
<context>
    <name>sitebook::ui::AppController</name>
    <message>
        <source>All changes are saved on this phone</source>
        <translation>Mae pob newid wedi'i gadw ar y ffôn hwn</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n newid yn aros i gysoni</numerusform>
            <numerusform>%n newid yn aros i gysoni</numerusform>
            <numerusform>%n newid yn aros i gysoni</numerusform>
            <numerusform>%n newid yn aros i gysoni</numerusform>
            <numerusform>%n newid yn aros i gysoni</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: sync is not set up on this phone yet</source>
        <translation>All-lein: nid yw cysoni wedi'i osod ar y ffôn hwn eto</translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits.</source>
        <translation>Mae PIN rhwng 4 a 12 digid.</translation>
    </message>
    <message>
        <source>The two PINs are different. Enter the same PIN twice.</source>
        <translation>Mae'r ddau PIN yn wahanol. Rhowch yr un PIN ddwywaith.</translation>
    </message>
    <message>
        <source>Enter your PIN.</source>
        <translation>Rhowch eich PIN.</translation>
    </message>
    <message>
        <source>Sitebook could not be set up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. You can try %n more time(s) before a delay.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong PIN. Another wrong PIN will make you wait.</source>
        <translation>PIN anghywir. Bydd PIN anghywir arall yn golygu bod rhaid i chi aros.</translation>
    </message>
    <message>
        <source>Sitebook could not open its data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>You can try your PIN again.</source>
        <translation>Gallwch roi cynnig ar eich PIN eto.</translation>
    </message>
</context>
<context>
    <name>sitebook::ui::FastPathModel</name>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the time as HH:MM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a line about %1&apos;s progress for their officer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please complete the highlighted entries. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sitebook::ui::RecordController</name>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what happened.</source>
        <translation>Dewiswch beth ddigwyddodd.</translation>
    </message>
    <message>
        <source>Enter the time as HH:MM, for example 09:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the time as HH:MM, for example 16:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number, for example 12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please check the highlighted fields. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sitebook::ui::RosterModel</name>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded yet</source>
        <translation>Heb ei gofnodi eto</translation>
    </message>
</context>
<context>
    <name>sitebook::ui::StorageWorker</name>
    <message>
        <source>The device is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That date is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This appointment is not on the device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person is not on the device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device is locked; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
