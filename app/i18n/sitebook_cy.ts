<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="cy_GB">
<context>
    <name>AppMenu</name>
    <message>
        <source>Sitebook</source>
        <translation>Sitebook</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Wedi mewngofnodi fel %1</translation>
    </message>
    <message>
        <source>Not signed in: the data is on this phone only</source>
        <translation>Heb fewngofnodi: mae'r data ar y ffôn hwn yn unig</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Maint y testun</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Safonol</translation>
    </message>
    <message>
        <source>Large (150 %)</source>
        <translation>Mawr (150 %)</translation>
    </message>
    <message>
        <source>Largest (200 %)</source>
        <translation>Mwyaf (200 %)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Cloi nawr</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Allgofnodi</translation>
    </message>
    <message>
        <source>Close the menu</source>
        <translation>Cau'r ddewislen</translation>
    </message>
</context>
<context>
    <name>AppShell</name>
    <message>
        <source>Sitebook is ready</source>
        <translation>Mae Sitebook yn barod</translation>
    </message>
    <message>
        <source>How your data is protected on this phone:</source>
        <translation type="vanished">Sut mae eich data wedi'i ddiogelu ar y ffôn hwn:</translation>
    </message>
    <message numerus="yes">
        <source>Sitebook locks itself after %n minute(s) without use.</source>
        <translation>
            <numerusform>Mae Sitebook yn cloi ei hun ar ôl %n munud heb ei ddefnyddio.</numerusform>
            <numerusform>Mae Sitebook yn cloi ei hun ar ôl %n munud heb ei ddefnyddio.</numerusform>
            <numerusform>Mae Sitebook yn cloi ei hun ar ôl %n munud heb ei ddefnyddio.</numerusform>
            <numerusform>Mae Sitebook yn cloi ei hun ar ôl %n munud heb ei ddefnyddio.</numerusform>
            <numerusform>Mae Sitebook yn cloi ei hun ar ôl %n munud heb ei ddefnyddio.</numerusform>
        </translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Parhau</translation>
    </message>
    <message>
        <source>How your data is protected on this device:</source>
        <translation>Sut mae eich data wedi'i ddiogelu ar y ddyfais hon:</translation>
    </message>
</context>
<context>
    <name>AttentionPage</name>
    <message>
        <source>Needs attention</source>
        <translation>Angen sylw</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
    <message>
        <source>✓ Nothing needs attention.</source>
        <translation>✓ Does dim angen sylw.</translation>
    </message>
    <message>
        <source>The server did not accept these changes. Correct and resubmit them, or discard them.</source>
        <translation>Ni dderbyniodd y gweinydd y newidiadau hyn. Cywirwch nhw a'u cyflwyno eto, neu eu gwaredu.</translation>
    </message>
    <message>
        <source>Server's reason: %1</source>
        <translation>Rheswm y gweinydd: %1</translation>
    </message>
    <message>
        <source>Recorded %1</source>
        <translation>Cofnodwyd %1</translation>
    </message>
    <message>
        <source>Correct and resubmit</source>
        <translation>Cywiro a chyflwyno eto</translation>
    </message>
    <message>
        <source>Discard this change</source>
        <translation>Gwaredu'r newid hwn</translation>
    </message>
    <message>
        <source>Discard this change?</source>
        <translation>Gwaredu'r newid hwn?</translation>
    </message>
    <message>
        <source>It will not be sent again. The record goes back to what the server holds. This cannot be undone.</source>
        <translation type="vanished">Ni fydd yn cael ei anfon eto. Bydd y cofnod yn mynd yn ôl i'r hyn sydd gan y gweinydd. Does dim modd dadwneud hyn.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Gwaredu</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Cadw</translation>
    </message>
    <message>
        <source>Discarded on the needs-attention screen</source>
        <translation>Wedi'i waredu ar y sgrin Angen sylw</translation>
    </message>
    <message>
        <source>Someone no longer on this phone</source>
        <translation>Rhywun nad yw ar y ffôn hwn mwyach</translation>
    </message>
    <message>
        <source>This will be lost:</source>
        <translation>Bydd hyn yn cael ei golli:</translation>
    </message>
    <message>
        <source>It will not be sent. The record goes back to what the server holds. This cannot be undone.</source>
        <translation>Ni fydd yn cael ei anfon. Mae'r cofnod yn mynd yn ôl i'r hyn sydd gan y gweinydd. Nid oes modd dadwneud hyn.</translation>
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
        <translation>Absenoldeb Derbyniol – Wedi'i Ryddhau</translation>
    </message>
    <message>
        <source>Acceptable Absence – Medical</source>
        <translation>Absenoldeb Derbyniol – Meddygol</translation>
    </message>
    <message>
        <source>Acceptable Absence – Employment</source>
        <translation>Absenoldeb Derbyniol – Cyflogaeth</translation>
    </message>
    <message>
        <source>Acceptable Absence – Family</source>
        <translation>Absenoldeb Derbyniol – Teulu</translation>
    </message>
    <message>
        <source>Acceptable Absence – Court</source>
        <translation>Absenoldeb Derbyniol – Llys</translation>
    </message>
    <message>
        <source>Rescheduled – Service Request</source>
        <translation>Aildrefnwyd – Cais y Gwasanaeth</translation>
    </message>
    <message>
        <source>Rescheduled – Person on Probation Request</source>
        <translation>Aildrefnwyd – Cais y Person ar Brawf</translation>
    </message>
    <message>
        <source>Came, worked the session and followed the rules.</source>
        <translation>Daeth, gweithiodd drwy'r sesiwn a dilyn y rheolau.</translation>
    </message>
    <message>
        <source>Came but was late, unfit to work, left early or had no PPE.</source>
        <translation>Daeth ond roedd yn hwyr, yn anaddas i weithio, wedi gadael yn gynnar neu heb gyfarpar diogelu personol (PPE).</translation>
    </message>
    <message>
        <source>Came but you sent them home because of their behaviour.</source>
        <translation>Daeth ond fe wnaethoch chi eu hanfon adref oherwydd eu hymddygiad.</translation>
    </message>
    <message>
        <source>Came but was sent home for our reasons (weather, no work, no supervisor). Not their fault.</source>
        <translation>Daeth ond cafodd ei anfon adref am resymau ar ein hochr ni (tywydd, dim gwaith, dim goruchwyliwr). Nid arnyn nhw oedd y bai.</translation>
    </message>
    <message>
        <source>Did not come and gave no acceptable reason.</source>
        <translation>Ni ddaeth ac ni roddodd reswm derbyniol.</translation>
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
        <translation>Addysg, hyfforddiant a chyflogaeth</translation>
    </message>
    <message>
        <source>Unrecognised outcome (%1)</source>
        <translation>Canlyniad anhysbys (%1)</translation>
    </message>
    <message>
        <source>Protected by your PIN only: this phone has no secure key store, so choose a longer PIN.</source>
        <translation>Wedi'i ddiogelu gan eich PIN yn unig: does gan y ffôn hwn ddim storfa allweddi ddiogel, felly dewiswch PIN hirach.</translation>
    </message>
    <message>
        <source>Protected by your PIN and by this phone's secure key store.</source>
        <translation>Wedi'i ddiogelu gan eich PIN a chan storfa allweddi ddiogel y ffôn hwn.</translation>
    </message>
</context>
<context>
    <name>ErrorSummary</name>
    <message>
        <source>There is a problem</source>
        <translation>Mae problem</translation>
    </message>
</context>
<context>
    <name>FastPathPage</name>
    <message>
        <source>Back to the roster without saving</source>
        <translation>Yn ôl i'r rhestr heb gadw</translation>
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
        <translation>
            <numerusform>Cadw %n cofnod</numerusform>
            <numerusform>Cadw %n cofnod</numerusform>
            <numerusform>Cadw %n cofnod</numerusform>
            <numerusform>Cadw %n cofnod</numerusform>
            <numerusform>Cadw %n cofnod</numerusform>
        </translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Cyrhaeddodd</translation>
    </message>
    <message>
        <source>Arrival time for everyone</source>
        <translation>Amser cyrraedd i bawb</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Gorffennodd</translation>
    </message>
    <message>
        <source>Finish time for everyone</source>
        <translation>Amser gorffen i bawb</translation>
    </message>
    <message>
        <source>Quality of work</source>
        <translation>Ansawdd y gwaith</translation>
    </message>
    <message>
        <source>Quality of work for everyone</source>
        <translation>Ansawdd y gwaith i bawb</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Ymddygiad</translation>
    </message>
    <message>
        <source>Behaviour for everyone</source>
        <translation>Ymddygiad i bawb</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) without a line or a skill: their officer will see feedback as missing.</source>
        <translation>
            <numerusform>%n person heb linell na sgil: bydd eu swyddog yn gweld bod adborth ar goll.</numerusform>
            <numerusform>%n person heb linell na sgil: bydd eu swyddog yn gweld bod adborth ar goll.</numerusform>
            <numerusform>%n person heb linell na sgil: bydd eu swyddog yn gweld bod adborth ar goll.</numerusform>
            <numerusform>%n person heb linell na sgil: bydd eu swyddog yn gweld bod adborth ar goll.</numerusform>
            <numerusform>%n person heb linell na sgil: bydd eu swyddog yn gweld bod adborth ar goll.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Records “Attended – Complied” for the %n person(s) marked as here, with the same times and the same work. Change anything for one person below.</source>
        <translation>
            <numerusform>Yn cofnodi “Mynychodd – Cydymffurfiodd” ar gyfer y %n person sydd wedi'u nodi'n bresennol, gyda'r un amseroedd a'r un gwaith. Newidiwch unrhyw beth i un person isod.</numerusform>
            <numerusform>Yn cofnodi “Mynychodd – Cydymffurfiodd” ar gyfer y %n person sydd wedi'u nodi'n bresennol, gyda'r un amseroedd a'r un gwaith. Newidiwch unrhyw beth i un person isod.</numerusform>
            <numerusform>Yn cofnodi “Mynychodd – Cydymffurfiodd” ar gyfer y %n person sydd wedi'u nodi'n bresennol, gyda'r un amseroedd a'r un gwaith. Newidiwch unrhyw beth i un person isod.</numerusform>
            <numerusform>Yn cofnodi “Mynychodd – Cydymffurfiodd” ar gyfer y %n person sydd wedi'u nodi'n bresennol, gyda'r un amseroedd a'r un gwaith. Newidiwch unrhyw beth i un person isod.</numerusform>
            <numerusform>Yn cofnodi “Mynychodd – Cydymffurfiodd” ar gyfer y %n person sydd wedi'u nodi'n bresennol, gyda'r un amseroedd a'r un gwaith. Newidiwch unrhyw beth i un person isod.</numerusform>
        </translation>
    </message>
    <message>
        <source>Work the group did</source>
        <translation>Gwaith a wnaeth y grŵp</translation>
    </message>
    <message>
        <source>Kind of work (required)</source>
        <translation>Math o waith (gofynnol)</translation>
    </message>
    <message>
        <source>Kind of work the group did</source>
        <translation>Y math o waith a wnaeth y grŵp</translation>
    </message>
    <message>
        <source>What they did (required)</source>
        <translation>Beth wnaethon nhw (gofynnol)</translation>
    </message>
    <message>
        <source>For example: litter pick along the canal towpath</source>
        <translation>Er enghraifft: casglu sbwriel ar hyd llwybr y gamlas</translation>
    </message>
    <message>
        <source>Description of the work the group did</source>
        <translation>Disgrifiad o'r gwaith a wnaeth y grŵp</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Faint</translation>
    </message>
    <message>
        <source>e.g. 12</source>
        <translation>e.e. 12</translation>
    </message>
    <message>
        <source>Amount of work the group did</source>
        <translation>Faint o waith a wnaeth y grŵp</translation>
    </message>
    <message>
        <source>Counted in</source>
        <translation>Wedi'i gyfrif mewn</translation>
    </message>
    <message>
        <source>e.g. bags</source>
        <translation>e.e. bagiau</translation>
    </message>
    <message>
        <source>What the amount counts</source>
        <translation>Beth mae'r swm yn ei gyfrif</translation>
    </message>
    <message>
        <source>Each person</source>
        <translation>Pob person</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Yma</translation>
    </message>
    <message>
        <source>%1 attended</source>
        <translation>Mynychodd %1</translation>
    </message>
    <message>
        <source>Not recorded with the group: record them from the roster.</source>
        <translation>Heb eu cofnodi gyda'r grŵp: cofnodwch nhw o'r rhestr.</translation>
    </message>
    <message>
        <source>A line for their officer</source>
        <translation>Llinell i'w swyddog</translation>
    </message>
    <message>
        <source>A line of feedback about %1 for their officer</source>
        <translation>Llinell o adborth am %1 i'w swyddog</translation>
    </message>
    <message>
        <source>Skill seen: %1</source>
        <translation>Sgil a welwyd: %1</translation>
    </message>
    <message>
        <source>Hide changes for %1</source>
        <translation>Cuddio newidiadau i %1</translation>
    </message>
    <message>
        <source>Changes for %1: times, a skill, or record separately</source>
        <translation>Newidiadau i %1: amseroedd, sgil, neu gofnodi ar wahân</translation>
    </message>
    <message>
        <source>Arrival time for %1</source>
        <translation>Amser cyrraedd %1</translation>
    </message>
    <message>
        <source>Finish time for %1</source>
        <translation>Amser gorffen %1</translation>
    </message>
    <message>
        <source>Skill seen</source>
        <translation>Sgil a welwyd</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Dim</translation>
    </message>
    <message>
        <source>Skill seen in %1</source>
        <translation>Sgil a ddangosodd %1</translation>
    </message>
    <message>
        <source>Level of the skill seen in %1</source>
        <translation>Lefel y sgil a ddangosodd %1</translation>
    </message>
    <message>
        <source>Record %1 separately</source>
        <translation>Cofnodi %1 ar wahân</translation>
    </message>
</context>
<context>
    <name>FieldLabel</name>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (gofynnol)</translation>
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
    <name>OfficerHomePage</name>
    <message>
        <source>My caseload</source>
        <translation>Fy llwyth achosion</translation>
    </message>
    <message>
        <source>Supervisor's reason: %1</source>
        <translation>Rheswm y goruchwyliwr: %1</translation>
    </message>
    <message>
        <source>Outcomes recorded: %1</source>
        <translation>Canlyniadau a gofnodwyd: %1</translation>
    </message>
    <message>
        <source> or </source>
        <translation> neu </translation>
    </message>
    <message>
        <source>Sitebook — %1</source>
        <translation>Sitebook — %1</translation>
    </message>
    <message>
        <source>Sitebook</source>
        <translation>Sitebook</translation>
    </message>
    <message>
        <source>Needs a decision (%1)</source>
        <translation>I'w penderfynu (%1)</translation>
    </message>
    <message>
        <source>Caseload (%1)</source>
        <translation>Llwyth achosion (%1)</translation>
    </message>
    <message>
        <source>✓ Nothing needs a decision.</source>
        <translation>✓ Does dim angen penderfyniad.</translation>
    </message>
    <message>
        <source>Breach referral required: a warning was given on this order within 12 months</source>
        <translation>Rhaid cyfeirio am dorri'r gorchymyn: rhoddwyd rhybudd ar y gorchymyn hwn o fewn 12 mis</translation>
    </message>
    <message>
        <source>No progress has been received yet. Sync to fetch your caseload.</source>
        <translation>Ni chafwyd unrhyw gynnydd eto. Cysonwch i nôl eich llwyth achosion.</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Wedi'i gwblhau</translation>
    </message>
    <message>
        <source>Needs a decision: %1</source>
        <translation>I'w penderfynu: %1</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Dewislen</translation>
    </message>
    <message>
        <source>Respond by %1 (passed)</source>
        <translation>Ymateb erbyn %1 (wedi mynd heibio)</translation>
    </message>
    <message>
        <source>Respond by %1</source>
        <translation>Ymateb erbyn %1</translation>
    </message>
    <message>
        <source>Search by name or CRN</source>
        <translation>Chwilio yn ôl enw neu CRN</translation>
    </message>
    <message>
        <source>Everyone (%1)</source>
        <translation>Pawb (%1)</translation>
    </message>
    <message>
        <source>Behind pace (%1)</source>
        <translation>Ar ei hôl hi (%1)</translation>
    </message>
    <message>
        <source>Overdue items (%1)</source>
        <translation>Eitemau hwyr (%1)</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>Rhybuddion (%1)</translation>
    </message>
    <message>
        <source>Nobody in your caseload matches. Clear the search or choose Everyone.</source>
        <translation>Does neb yn eich llwyth achosion yn cyfateb. Cliriwch y chwilio neu dewiswch Pawb.</translation>
    </message>
    <message>
        <source>Behind pace</source>
        <translation>Ar ei hôl hi</translation>
    </message>
    <message>
        <source>%1 passed its respond-by date</source>
        <translation>%1 wedi mynd heibio'r dyddiad ymateb</translation>
    </message>
    <message>
        <source>Supervisor alerts: %1</source>
        <translation>Rhybuddion goruchwyliwr: %1</translation>
    </message>
    <message>
        <source>Choose an item or a person to see their record here.</source>
        <translation>Dewiswch eitem neu berson i weld eu cofnod yma.</translation>
    </message>
</context>
<context>
    <name>OfflineLockedPage</name>
    <message>
        <source>Sign in to see your records</source>
        <translation>Mewngofnodwch i weld eich cofnodion</translation>
    </message>
    <message>
        <source>Username: %1</source>
        <translation>Enw defnyddiwr: %1</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Cyfrinair</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Wrthi'n mewngofnodi…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Mewngofnodi</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Oriau</translation>
    </message>
    <message>
        <source>Credited hours over time (solid) against the pace needed to finish within 12 months (dashed)</source>
        <translation>Oriau a gredydwyd dros amser (llinell solet) yn erbyn y cyflymder sydd ei angen i orffen o fewn 12 mis (llinell doredig)</translation>
    </message>
    <message>
        <source>Solid: hours credited. Dashed: the pace that completes the order 12 months after sentence (%1).</source>
        <translation>Solet: oriau a gredydwyd. Toredig: y cyflymder sy'n cwblhau'r gorchymyn 12 mis ar ôl y ddedfryd (%1).</translation>
    </message>
    <message>
        <source>Needs a decision</source>
        <translation>Angen penderfyniad</translation>
    </message>
    <message>
        <source>Breach referral required: a warning was given on this order within 12 months</source>
        <translation>Rhaid cyfeirio am dorri'r gorchymyn: rhoddwyd rhybudd ar y gorchymyn hwn o fewn 12 mis</translation>
    </message>
    <message>
        <source>Record a decision</source>
        <translation>Cofnodi penderfyniad</translation>
    </message>
    <message>
        <source>Appointments and feedback</source>
        <translation>Apwyntiadau ac adborth</translation>
    </message>
    <message>
        <source>no outcome</source>
        <translation>dim canlyniad</translation>
    </message>
    <message>
        <source>Feedback: %1</source>
        <translation>Adborth: %1</translation>
    </message>
    <message>
        <source>Concerns: %1</source>
        <translation>Pryderon: %1</translation>
    </message>
    <message>
        <source>Supervisor's alert: %1</source>
        <translation>Rhybudd y goruchwyliwr: %1</translation>
    </message>
    <message>
        <source>No feedback</source>
        <translation>Dim adborth</translation>
    </message>
    <message>
        <source>Case notes</source>
        <translation>Nodiadau achos</translation>
    </message>
    <message>
        <source>No case notes.</source>
        <translation>Dim nodiadau achos.</translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation>Sensitif</translation>
    </message>
    <message>
        <source>Amends: “%1”</source>
        <translation>Yn diwygio: “%1”</translation>
    </message>
    <message>
        <source>Enforcement decision</source>
        <translation>Penderfyniad gorfodi</translation>
    </message>
    <message>
        <source>Warning issued</source>
        <translation>Rhoddwyd rhybudd</translation>
    </message>
    <message>
        <source>Refer for breach</source>
        <translation>Cyfeirio am dorri'r gorchymyn</translation>
    </message>
    <message>
        <source>No further action</source>
        <translation>Dim camau pellach</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation type="vanished">Rheswm (dewisol)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
    <message>
        <source>Save decision</source>
        <translation type="vanished">Cadw'r penderfyniad</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Correcting a refused decision. Server's reason: %1</source>
        <translation>Cywiro penderfyniad a wrthodwyd. Rheswm y gweinydd: %1</translation>
    </message>
    <message>
        <source>Resubmit decision</source>
        <translation>Cyflwyno'r penderfyniad eto</translation>
    </message>
    <message>
        <source>Recorded, sending. It leaves this list now and goes to the server with the next sync.</source>
        <translation>Wedi’i gofnodi, yn anfon. Mae’n gadael y rhestr hon nawr ac yn mynd i’r gweinydd gyda’r cysoniad nesaf.</translation>
    </message>
    <message>
        <source>Supervisor's reason: %1</source>
        <translation>Rheswm y goruchwyliwr: %1</translation>
    </message>
    <message>
        <source>Version %1: %2 (%3)</source>
        <translation>Fersiwn %1: %2 (%3)</translation>
    </message>
    <message>
        <source>penalty %1 min</source>
        <translation>cosb %1 mun</translation>
    </message>
    <message>
        <source>This outcome is right</source>
        <translation>Mae’r canlyniad hwn yn gywir</translation>
    </message>
    <message>
        <source>This outcome is right: version %1, %2</source>
        <translation>Mae’r canlyniad hwn yn gywir: fersiwn %1, %2</translation>
    </message>
    <message>
        <source>I have read this alert</source>
        <translation>Rwyf wedi darllen y rhybudd hwn</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Penderfyniadau</translation>
    </message>
    <message>
        <source>now %1 (%2)</source>
        <translation>bellach %1 (%2)</translation>
    </message>
    <message>
        <source>Recorded, sending</source>
        <translation>Wedi’i gofnodi, yn anfon</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Wedi’i anfon</translation>
    </message>
    <message>
        <source>Absence judged acceptable</source>
        <translation>Absenoldeb yn dderbyniol</translation>
    </message>
    <message>
        <source>What did you decide?</source>
        <translation>Beth wnaethoch chi ei benderfynu?</translation>
    </message>
    <message>
        <source>Absence judged acceptable (evidence seen)</source>
        <translation>Absenoldeb yn dderbyniol (tystiolaeth wedi’i gweld)</translation>
    </message>
    <message>
        <source>Why was the absence acceptable?</source>
        <translation>Pam roedd yr absenoldeb yn dderbyniol?</translation>
    </message>
    <message>
        <source>Medical (for example a sick note)</source>
        <translation>Meddygol (er enghraifft nodyn salwch)</translation>
    </message>
    <message>
        <source>Employment (work or a job interview)</source>
        <translation>Cyflogaeth (gwaith neu gyfweliad swydd)</translation>
    </message>
    <message>
        <source>Family emergency or caring</source>
        <translation>Argyfwng teuluol neu ofalu</translation>
    </message>
    <message>
        <source>Court appearance</source>
        <translation>Ymddangos yn y llys</translation>
    </message>
    <message>
        <source>Stood down (the session was cancelled)</source>
        <translation>Wedi’i ryddhau (canslwyd y sesiwn)</translation>
    </message>
    <message>
        <source>Evidence seen</source>
        <translation>Tystiolaeth a welwyd</translation>
    </message>
    <message>
        <source>Why no further action is needed</source>
        <translation>Pam nad oes angen camau pellach</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Nodyn (dewisol)</translation>
    </message>
    <message>
        <source>For example: GP fit note dated 3 March</source>
        <translation>Er enghraifft: nodyn ffitrwydd gan y meddyg teulu dyddiedig 3 Mawrth</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Cofnodi</translation>
    </message>
    <message>
        <source>Date of decision</source>
        <translation>Dyddiad y penderfyniad</translation>
    </message>
    <message>
        <source>Date of decision: %1</source>
        <translation>Dyddiad y penderfyniad: %1</translation>
    </message>
    <message>
        <source>Day before</source>
        <translation>Y diwrnod cynt</translation>
    </message>
    <message>
        <source>Date of decision: the day before</source>
        <translation>Dyddiad y penderfyniad: y diwrnod cynt</translation>
    </message>
    <message>
        <source>Day after</source>
        <translation>Y diwrnod wedyn</translation>
    </message>
    <message>
        <source>Date of decision: the day after</source>
        <translation>Dyddiad y penderfyniad: y diwrnod wedyn</translation>
    </message>
</context>
<context>
    <name>PlacementFlags</name>
    <message>
        <source>Placement flag: %1</source>
        <translation>Baner lleoliad: %1</translation>
    </message>
</context>
<context>
    <name>PrivacyCover</name>
    <message>
        <source>Sitebook content hidden</source>
        <translation>Cynnwys Sitebook wedi'i guddio</translation>
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
    <name>QObject</name>
    <message>
        <source>%1h</source>
        <translation>%1 awr</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1 awr %2 mun</translation>
    </message>
    <message>
        <source>%1 of %2 credited</source>
        <translation>%1 o %2 wedi'u credydu</translation>
    </message>
    <message>
        <source>ETE %1 of %2</source>
        <translation>AHC %1 o %2</translation>
    </message>
    <message>
        <source>Attendance outcome</source>
        <translation>Canlyniad presenoldeb</translation>
    </message>
    <message>
        <source>Work undertaken</source>
        <translation>Gwaith a wnaed</translation>
    </message>
    <message>
        <source>Skill observed</source>
        <translation>Sgil a welwyd</translation>
    </message>
    <message>
        <source>Feedback for the officer</source>
        <translation>Adborth i'r swyddog</translation>
    </message>
    <message>
        <source>Case note</source>
        <translation>Nodyn achos</translation>
    </message>
    <message>
        <source>Enforcement decision</source>
        <translation>Penderfyniad gorfodi</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Canlyniad: %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Work undertaken: %1</source>
        <translation>Gwaith a wnaed: %1</translation>
    </message>
    <message>
        <source>Skill observed: %1 (%2)</source>
        <translation>Sgil a welwyd: %1 (%2)</translation>
    </message>
    <message>
        <source>Feedback for the officer: “%1”</source>
        <translation>Adborth i'r swyddog: “%1”</translation>
    </message>
    <message>
        <source>Case note: “%1”</source>
        <translation>Nodyn achos: “%1”</translation>
    </message>
    <message>
        <source>warning issued</source>
        <translation>rhoddwyd rhybudd</translation>
    </message>
    <message>
        <source>refer for breach</source>
        <translation>cyfeirio am dorri'r gorchymyn</translation>
    </message>
    <message>
        <source>no further action</source>
        <translation>dim camau pellach</translation>
    </message>
    <message>
        <source>Enforcement decision: %1</source>
        <translation>Penderfyniad gorfodi: %1</translation>
    </message>
    <message>
        <source>This person is no longer on your caseload: the decision can't be sent from this device. Tell your office, then discard it.</source>
        <translation>Nid yw'r person hwn ar eich llwyth achosion mwyach: nid oes modd anfon y penderfyniad o'r ddyfais hon. Rhowch wybod i'ch swyddfa, yna gwaredwch ef.</translation>
    </message>
    <message>
        <source>This project is now supervised by someone else: the change can't be sent from this phone. Tell your office, then discard it.</source>
        <translation>Mae rhywun arall yn goruchwylio'r prosiect hwn erbyn hyn: nid oes modd anfon y newid o'r ffôn hwn. Rhowch wybod i'ch swyddfa, yna gwaredwch ef.</translation>
    </message>
    <message>
        <source>The server no longer holds this appointment, so the change can't be sent. Tell your office, then discard it.</source>
        <translation>Nid yw'r apwyntiad hwn gan y gweinydd mwyach, felly nid oes modd anfon y newid. Rhowch wybod i'ch swyddfa, yna gwaredwch ef.</translation>
    </message>
    <message>
        <source>A saved record can't be changed on the server. Discard this change and record what is missing as a new note.</source>
        <translation>Nid oes modd newid cofnod sydd wedi'i gadw ar y gweinydd. Gwaredwch y newid hwn a chofnodwch yr hyn sydd ar goll mewn nodyn newydd.</translation>
    </message>
    <message>
        <source>This change clashes with one already sent from this phone. Discard it and record it again.</source>
        <translation>Mae'r newid hwn yn gwrthdaro ag un a anfonwyd eisoes o'r ffôn hwn. Gwaredwch ef a'i gofnodi eto.</translation>
    </message>
    <message>
        <source>This change can't be corrected on this phone. Tell your office, then discard it.</source>
        <translation>Nid oes modd cywiro'r newid hwn ar y ffôn hwn. Rhowch wybod i'ch swyddfa, yna gwaredwch ef.</translation>
    </message>
    <message>
        <source>This appointment is no longer on this phone, so the change can't be corrected here. Tell your office, then discard it.</source>
        <translation>Nid yw'r apwyntiad hwn ar y ffôn hwn mwyach, felly nid oes modd cywiro'r newid yma. Rhowch wybod i'ch swyddfa, yna gwaredwch ef.</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>Back to the roster without saving</source>
        <translation type="vanished">Yn ôl i'r rhestr heb gadw</translation>
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
        <translation type="vanished">Mae canlyniad wedi'i gofnodi eisoes. Mae cadw eto yn ei ddisodli; mae'r gwaith, y sgiliau a'r nodyn yn cael eu hychwanegu.</translation>
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
        <translation type="vanished">AA:MM</translation>
    </message>
    <message>
        <source>Arrival time</source>
        <translation type="vanished">Amser cyrraedd</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Gorffennodd</translation>
    </message>
    <message>
        <source>Finish time</source>
        <translation type="vanished">Amser gorffen</translation>
    </message>
    <message>
        <source>Penalty time (minutes not credited)</source>
        <translation>Amser cosb (munudau heb eu credydu)</translation>
    </message>
    <message>
        <source>Penalty minutes</source>
        <translation>Munudau cosb</translation>
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
        <translation>Math o waith</translation>
    </message>
    <message>
        <source>What did they do? e.g. cleared brambles along the river path</source>
        <translation type="vanished">Beth wnaethon nhw? e.e. clirio mieri ar hyd llwybr yr afon</translation>
    </message>
    <message>
        <source>Description of the work</source>
        <translation>Disgrifiad o'r gwaith</translation>
    </message>
    <message>
        <source>Amount, e.g. 12</source>
        <translation type="vanished">Swm, e.e. 12</translation>
    </message>
    <message>
        <source>Amount of work</source>
        <translation>Faint o waith</translation>
    </message>
    <message>
        <source>Unit, e.g. bags</source>
        <translation type="vanished">Uned, e.e. bagiau</translation>
    </message>
    <message>
        <source>Unit of the amount</source>
        <translation>Uned y swm</translation>
    </message>
    <message>
        <source>Skills observed</source>
        <translation>Sgiliau a welwyd</translation>
    </message>
    <message>
        <source>Level for %1</source>
        <translation>Lefel ar gyfer %1</translation>
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
        <translation>Sut maen nhw'n dod ymlaen?</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Cryfderau</translation>
    </message>
    <message>
        <source>What went well?</source>
        <translation>Beth aeth yn dda?</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Pryderon</translation>
    </message>
    <message>
        <source>Anything worrying?</source>
        <translation>Unrhyw beth sy'n peri pryder?</translation>
    </message>
    <message>
        <source>Support needs</source>
        <translation>Anghenion cymorth</translation>
    </message>
    <message>
        <source>Help they may need, e.g. reading, transport</source>
        <translation>Help y gallai fod ei angen arnyn nhw, e.e. darllen, trafnidiaeth</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Digwyddiadau</translation>
    </message>
    <message>
        <source>Anything that happened on site</source>
        <translation>Unrhyw beth a ddigwyddodd ar y safle</translation>
    </message>
    <message>
        <source>Alert the officer</source>
        <translation>Rhybuddio'r swyddog</translation>
    </message>
    <message>
        <source>Why should the officer look at this soon?</source>
        <translation>Pam dylai'r swyddog edrych ar hyn yn fuan?</translation>
    </message>
    <message>
        <source>Reason for the alert</source>
        <translation>Rheswm dros y rhybudd</translation>
    </message>
    <message>
        <source>Case note</source>
        <translation>Nodyn achos</translation>
    </message>
    <message>
        <source>Optional. Saved notes cannot be changed; a correction is a new note.</source>
        <translation type="vanished">Dewisol. Does dim modd newid nodiadau sydd wedi'u cadw; nodyn newydd yw cywiriad.</translation>
    </message>
    <message>
        <source>Sensitive note</source>
        <translation>Nodyn sensitif</translation>
    </message>
    <message>
        <source>Only staff with access to sensitive notes will see it. It can never be made non-sensitive.</source>
        <translation>Dim ond staff sydd â mynediad at nodiadau sensitif fydd yn ei weld. Does dim modd ei wneud yn ansensitif byth.</translation>
    </message>
    <message>
        <source>The officer will be alerted</source>
        <translation>Bydd y swyddog yn cael ei rybuddio</translation>
    </message>
    <message>
        <source>“%1” is an enforceable outcome. Saving it tells %2's responsible officer, who must decide what happens next.</source>
        <translation>Mae “%1” yn ganlyniad y gellir ei orfodi. Bydd ei gadw yn rhoi gwybod i swyddog cyfrifol %2, sy'n gorfod penderfynu beth sy'n digwydd nesaf.</translation>
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
        <translation>Cadw a rhybuddio'r swyddog</translation>
    </message>
    <message>
        <source>Resubmit</source>
        <translation>Cyflwyno eto</translation>
    </message>
    <message>
        <source>Resubmit the corrected change</source>
        <translation>Cyflwyno'r newid wedi'i gywiro eto</translation>
    </message>
    <message>
        <source>Correcting a refused change. Server's reason: %1</source>
        <translation>Cywiro newid a wrthodwyd. Rheswm y gweinydd: %1</translation>
    </message>
    <message>
        <source>The form shows what was refused. Correct it, then send it again.</source>
        <translation>Mae'r ffurflen yn dangos yr hyn a wrthodwyd. Cywirwch ef, yna'i anfon eto.</translation>
    </message>
    <message>
        <source>Only the refused part is shown. Correct it, then send it again.</source>
        <translation>Dim ond y rhan a wrthodwyd a ddangosir. Cywirwch hi, yna anfonwch hi eto.</translation>
    </message>
    <message>
        <source>Back to the roster; what you typed is kept as a draft</source>
        <translation>Yn ôl i'r rhestr; mae'r hyn a deipiwyd gennych yn cael ei gadw fel drafft</translation>
    </message>
    <message>
        <source>Draft: what you typed earlier is back, not saved yet.</source>
        <translation>Drafft: mae'r hyn a deipiwyd gennych yn gynharach yn ôl, heb ei gadw eto.</translation>
    </message>
    <message>
        <source>Draft: kept on this device, not saved yet.</source>
        <translation type="vanished">Drafft: wedi'i gadw ar y ddyfais hon, heb ei gofnodi eto.</translation>
    </message>
    <message>
        <source>Last kept at %1.</source>
        <translation type="vanished">Cadwyd ddiwethaf am %1.</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Gwaredu'r drafft</translation>
    </message>
    <message>
        <source>Already recorded. What was recorded is shown below: change it and save to correct it. Saved case notes cannot be changed; a new note is added.</source>
        <translation>Wedi'i gofnodi eisoes. Mae'r hyn a gofnodwyd i'w weld isod: newidiwch ef a'i gadw i'w gywiro. Does dim modd newid nodiadau achos sydd wedi'u cadw; mae nodyn newydd yn cael ei ychwanegu.</translation>
    </message>
    <message>
        <source>Only a case note for now? Write it below and save it without choosing.</source>
        <translation>Dim ond nodyn achos am y tro? Ysgrifennwch ef isod a'i gadw heb ddewis.</translation>
    </message>
    <message>
        <source>The work recorded earlier. Changes correct that entry.</source>
        <translation>Y gwaith a gofnodwyd yn gynharach. Mae newidiadau'n cywiro'r cofnod hwnnw.</translation>
    </message>
    <message>
        <source>What did they do?</source>
        <translation>Beth wnaethon nhw?</translation>
    </message>
    <message>
        <source>For example: cleared brambles along the river path</source>
        <translation>Er enghraifft: clirio mieri ar hyd llwybr yr afon</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Swm</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Uned</translation>
    </message>
    <message>
        <source>For example: 12</source>
        <translation>Er enghraifft: 12</translation>
    </message>
    <message>
        <source>For example: bags</source>
        <translation>Er enghraifft: bagiau</translation>
    </message>
    <message>
        <source>Also recorded: %1</source>
        <translation>Wedi'i gofnodi hefyd: %1</translation>
    </message>
    <message>
        <source>(recorded)</source>
        <translation>(wedi'i gofnodi)</translation>
    </message>
    <message>
        <source>%1, recorded</source>
        <translation>%1, wedi'i gofnodi</translation>
    </message>
    <message>
        <source>For example: said he may lose his tenancy</source>
        <translation>Er enghraifft: dywedodd y gallai golli ei denantiaeth</translation>
    </message>
    <message>
        <source>Saved at %1: %2</source>
        <translation>Cadwyd am %1: %2</translation>
    </message>
    <message>
        <source>(sensitive)</source>
        <translation>(sensitif)</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Ychwanegu nodyn</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Nodyn (dewisol)</translation>
    </message>
    <message>
        <source>A saved note cannot be changed; to correct one, add a new note.</source>
        <translation>Does dim modd newid nodyn sydd wedi'i gadw; i gywiro un, ychwanegwch nodyn newydd.</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Cadw'r nodyn</translation>
    </message>
    <message>
        <source>Save the note now, on its own</source>
        <translation>Cadw'r nodyn nawr, ar ei ben ei hun</translation>
    </message>
    <message>
        <source>Note saved</source>
        <translation>Nodyn wedi'i gadw</translation>
    </message>
    <message>
        <source>Discard this draft?</source>
        <translation>Gwaredu'r drafft hwn?</translation>
    </message>
    <message>
        <source>What you typed since it was recorded will be lost. The record stays as it was saved.</source>
        <translation>Bydd yr hyn a deipiwyd gennych ers ei gofnodi yn cael ei golli. Mae'r cofnod yn aros fel y cafodd ei gadw.</translation>
    </message>
    <message>
        <source>What you typed for %1 will be lost. Nothing has been recorded.</source>
        <translation>Bydd yr hyn a deipiwyd gennych ar gyfer %1 yn cael ei golli. Does dim wedi'i gofnodi.</translation>
    </message>
    <message>
        <source>Keep the draft</source>
        <translation>Cadw'r drafft</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>Gwaredu'r drafft</translation>
    </message>
    <message>
        <source>✎ Draft kept on this device at %1, not saved yet</source>
        <translation>✎ Drafft wedi'i gadw ar y ddyfais hon am %1, heb ei gofnodi eto</translation>
    </message>
    <message>
        <source>✎ Draft kept on this device, not saved yet</source>
        <translation>✎ Drafft wedi'i gadw ar y ddyfais hon, heb ei gofnodi eto</translation>
    </message>
    <message>
        <source>What you type is kept on this device as a draft until you save.</source>
        <translation>Mae'r hyn rydych chi'n ei deipio yn cael ei gadw ar y ddyfais hon fel drafft nes i chi ei gadw.</translation>
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
        <translation>
            <numerusform>%1 o %n wedi'u cofnodi</numerusform>
            <numerusform>%1 o %n wedi'u cofnodi</numerusform>
            <numerusform>%1 o %n wedi'u cofnodi</numerusform>
            <numerusform>%1 o %n wedi'u cofnodi</numerusform>
            <numerusform>%1 o %n wedi'u cofnodi</numerusform>
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
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>No feedback</source>
        <translation>Dim adborth</translation>
    </message>
    <message>
        <source>Nobody is booked on this session.</source>
        <translation>Does neb wedi'i drefnu ar y sesiwn hon.</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Drafft</translation>
    </message>
    <message>
        <source>Draft: typed, not saved yet</source>
        <translation>Drafft: wedi'i deipio, heb ei gadw eto</translation>
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
        <translation type="vanished">Cloi nawr</translation>
    </message>
    <message>
        <source>Back to today</source>
        <translation>Yn ôl i heddiw</translation>
    </message>
    <message>
        <source>%1, %2 to %3, %4 of %5 recorded</source>
        <translation>%1, %2 i %3, %4 o %5 wedi'u cofnodi</translation>
    </message>
    <message numerus="yes">
        <source>✓ All %n recorded</source>
        <translation>
            <numerusform>✓ Pob un o'r %n wedi'i gofnodi</numerusform>
            <numerusform>✓ Pob un o'r %n wedi'i gofnodi</numerusform>
            <numerusform>✓ Pob un o'r %n wedi'i gofnodi</numerusform>
            <numerusform>✓ Pob un o'r %n wedi'i gofnodi</numerusform>
            <numerusform>✓ Pob un o'r %n wedi'i gofnodi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n recorded</source>
        <translation>
            <numerusform>%1 o %n wedi'u cofnodi</numerusform>
            <numerusform>%1 o %n wedi'u cofnodi</numerusform>
            <numerusform>%1 o %n wedi'u cofnodi</numerusform>
            <numerusform>%1 o %n wedi'u cofnodi</numerusform>
            <numerusform>%1 o %n wedi'u cofnodi</numerusform>
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
    <message>
        <source>Text size: largest</source>
        <translation type="vanished">Maint y testun: mwyaf</translation>
    </message>
    <message>
        <source>Text size: large</source>
        <translation type="vanished">Maint y testun: mawr</translation>
    </message>
    <message>
        <source>Text size: standard</source>
        <translation type="vanished">Maint y testun: safonol</translation>
    </message>
    <message>
        <source>Change the text size</source>
        <translation type="vanished">Newid maint y testun</translation>
    </message>
</context>
<context>
    <name>SignInAgainPage</name>
    <message>
        <source>Sign in again</source>
        <translation>Mewngofnodi eto</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Dim nawr</translation>
    </message>
    <message>
        <source>Not now: keep working offline</source>
        <translation>Dim nawr: parhau i weithio all-lein</translation>
    </message>
    <message>
        <source>Your sign-in has ended</source>
        <translation>Mae eich mewngofnodiad wedi dod i ben</translation>
    </message>
    <message>
        <source>The server needs your password before Sitebook can sync again. Nothing is lost: everything you recorded stays on this phone.</source>
        <translation>Mae angen eich cyfrinair ar y gweinydd cyn y gall Sitebook gysoni eto. Does dim wedi'i golli: mae popeth a gofnodwyd gennych yn aros ar y ffôn hwn.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Gweinydd</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Enw defnyddiwr</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Cyfrinair</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Wrthi'n mewngofnodi…</translation>
    </message>
    <message>
        <source>Sign in and sync</source>
        <translation>Mewngofnodi a chysoni</translation>
    </message>
    <message>
        <source>Not %1? Sign out</source>
        <translation>Ddim yn %1? Allgofnodi</translation>
    </message>
    <message>
        <source>Sign out and let someone else sign in</source>
        <translation>Allgofnodi a gadael i rywun arall fewngofnodi</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>Mewngofnodi</translation>
    </message>
    <message>
        <source>Sign in to Sitebook</source>
        <translation>Mewngofnodi i Sitebook</translation>
    </message>
    <message>
        <source>Sign in once with signal. After that Sitebook works without it and sends your changes when signal returns.</source>
        <translation>Mewngofnodwch unwaith pan fydd signal. Ar ôl hynny mae Sitebook yn gweithio hebddo ac yn anfon eich newidiadau pan ddaw'r signal yn ôl.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Gweinydd</translation>
    </message>
    <message>
        <source>Server certificate (CA file)</source>
        <translation>Tystysgrif y gweinydd (ffeil CA)</translation>
    </message>
    <message>
        <source>Server certificate file</source>
        <translation>Ffeil tystysgrif y gweinydd</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Enw defnyddiwr</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Cyfrinair</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Wrthi'n mewngofnodi…</translation>
    </message>
    <message>
        <source>Choose the server's certificate file</source>
        <translation>Dewiswch ffeil tystysgrif y gweinydd</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>Tystysgrifau (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Pob ffeil (*)</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Cod cofrestru</translation>
    </message>
    <message>
        <source>If you were given an enrolment code, paste it here. It fills in the server and the certificate that proves it is yours.</source>
        <translation>Os cawsoch god cofrestru, gludwch ef yma. Mae'n llenwi'r gweinydd a'r dystysgrif sy'n profi mai eich gweinydd chi ydyw.</translation>
    </message>
    <message>
        <source>Use code</source>
        <translation>Defnyddio'r cod</translation>
    </message>
    <message>
        <source>Use the enrolment code</source>
        <translation>Defnyddio'r cod cofrestru</translation>
    </message>
    <message>
        <source>From the enrolment code. Fingerprint (SHA-256): %1</source>
        <translation>O'r cod cofrestru. Ôl bys (SHA-256): %1</translation>
    </message>
    <message>
        <source>Or choose a file instead</source>
        <translation>Neu dewiswch ffeil yn lle hynny</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Dewiswch…</translation>
    </message>
    <message>
        <source>Paste code</source>
        <translation>Gludo'r cod</translation>
    </message>
    <message>
        <source>Paste the enrolment code</source>
        <translation>Gludo'r cod cofrestru</translation>
    </message>
</context>
<context>
    <name>SignOutDialog</name>
    <message>
        <source>Changes have not been sent</source>
        <translation>Nid yw newidiadau wedi'u hanfon</translation>
    </message>
    <message>
        <source>Sign out of Sitebook?</source>
        <translation>Allgofnodi o Sitebook?</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation>Wedi mewngofnodi fel %1 (%2).</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) have not been sent. Sync now, or sign out and lose them.</source>
        <translation>
            <numerusform>Nid yw %n newid wedi'u hanfon. Cysonwch nawr, neu allgofnodwch a'u colli.</numerusform>
            <numerusform>Nid yw %n newid wedi'u hanfon. Cysonwch nawr, neu allgofnodwch a'u colli.</numerusform>
            <numerusform>Nid yw %n newid wedi'u hanfon. Cysonwch nawr, neu allgofnodwch a'u colli.</numerusform>
            <numerusform>Nid yw %n newid wedi'u hanfon. Cysonwch nawr, neu allgofnodwch a'u colli.</numerusform>
            <numerusform>Nid yw %n newid wedi'u hanfon. Cysonwch nawr, neu allgofnodwch a'u colli.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signing out removes everything on this phone, these changes too. Nobody else can get them back.</source>
        <translation>Mae allgofnodi yn dileu popeth ar y ffôn hwn, gan gynnwys y newidiadau hyn. Ni all neb arall eu cael yn ôl.</translation>
    </message>
    <message>
        <source>Everything you recorded has reached the server. Signing out removes your records from this phone; they stay on the server. The next person signs in with their own account.</source>
        <translation>Mae popeth a gofnodwyd gennych wedi cyrraedd y gweinydd. Mae allgofnodi yn dileu eich cofnodion o'r ffôn hwn; maen nhw'n aros ar y gweinydd. Mae'r person nesaf yn mewngofnodi gyda'i gyfrif ei hun.</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Cysoni nawr</translation>
    </message>
    <message>
        <source>Sync now and stay signed in</source>
        <translation>Cysoni nawr ac aros wedi mewngofnodi</translation>
    </message>
    <message>
        <source>Sign out and lose them</source>
        <translation>Allgofnodi a'u colli</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Allgofnodi</translation>
    </message>
    <message>
        <source>Stay signed in</source>
        <translation>Aros wedi mewngofnodi</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <source>To fix: %1</source>
        <translation>I'w cywiro: %1</translation>
    </message>
    <message>
        <source>Changes that need attention</source>
        <translation>Newidiadau sydd angen sylw</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Mewngofnodi</translation>
    </message>
    <message>
        <source>Sign in again to sync</source>
        <translation>Mewngofnodwch eto i gysoni</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Cysoni nawr</translation>
    </message>
    <message>
        <source>Show what went wrong</source>
        <translation>Dangos beth aeth o'i le</translation>
    </message>
    <message>
        <source>Tap for details.</source>
        <translation>Tapiwch am fanylion.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Rhoi cynnig arall</translation>
    </message>
    <message>
        <source>Changes not sent</source>
        <translation>Newidiadau heb eu hanfon</translation>
    </message>
    <message>
        <source>What the app was told:</source>
        <translation>Beth ddywedwyd wrth yr ap:</translation>
    </message>
    <message>
        <source>Full message</source>
        <translation>Y neges lawn</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <source>HH:MM</source>
        <translation>AA:MM</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>Dewis</translation>
    </message>
    <message>
        <source>Pick the time: %1</source>
        <translation>Dewis yr amser: %1</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Awr</translation>
    </message>
    <message>
        <source>Minute</source>
        <translation>Munud</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nawr</translation>
    </message>
    <message>
        <source>Set time</source>
        <translation>Gosod yr amser</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
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
        <translation>
            <numerusform>Arhoswch %n eiliad</numerusform>
            <numerusform>Arhoswch %n eiliad</numerusform>
            <numerusform>Arhoswch %n eiliad</numerusform>
            <numerusform>Arhoswch %n eiliad</numerusform>
            <numerusform>Arhoswch %n eiliad</numerusform>
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
        <translation type="vanished">Diogelwch: %1</translation>
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
        <source>The two PINs are different. Enter the same PIN twice.</source>
        <translation>Mae'r ddau PIN yn wahanol. Rhowch yr un PIN ddwywaith.</translation>
    </message>
    <message>
        <source>Enter your PIN.</source>
        <translation>Rhowch eich PIN.</translation>
    </message>
    <message>
        <source>Sitebook could not be set up: %1</source>
        <translation>Nid oedd modd gosod Sitebook: %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. You can try %n more time(s) before a delay.</source>
        <translation>
            <numerusform>PIN anghywir. Mae gennych %n cynnig arall cyn gorfod aros.</numerusform>
            <numerusform>PIN anghywir. Mae gennych %n cynnig arall cyn gorfod aros.</numerusform>
            <numerusform>PIN anghywir. Mae gennych %n cynnig arall cyn gorfod aros.</numerusform>
            <numerusform>PIN anghywir. Mae gennych %n cynnig arall cyn gorfod aros.</numerusform>
            <numerusform>PIN anghywir. Mae gennych %n cynnig arall cyn gorfod aros.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong PIN. Another wrong PIN will make you wait.</source>
        <translation>PIN anghywir. Bydd PIN anghywir arall yn golygu bod rhaid i chi aros.</translation>
    </message>
    <message>
        <source>Sitebook could not open its data: %1</source>
        <translation>Nid oedd modd i Sitebook agor ei ddata: %1</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Gormod o PINau anghywir. Rhowch gynnig arall ymhen %n eiliad.</numerusform>
            <numerusform>Gormod o PINau anghywir. Rhowch gynnig arall ymhen %n eiliad.</numerusform>
            <numerusform>Gormod o PINau anghywir. Rhowch gynnig arall ymhen %n eiliad.</numerusform>
            <numerusform>Gormod o PINau anghywir. Rhowch gynnig arall ymhen %n eiliad.</numerusform>
            <numerusform>Gormod o PINau anghywir. Rhowch gynnig arall ymhen %n eiliad.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can try your PIN again.</source>
        <translation>Gallwch roi cynnig ar eich PIN eto.</translation>
    </message>
    <message>
        <source>Sign-in refused: check your password.</source>
        <translation>Gwrthodwyd y mewngofnodi: gwiriwch eich cyfrinair.</translation>
    </message>
    <message>
        <source>Sign-in refused: check your username and password.</source>
        <translation>Gwrthodwyd y mewngofnodi: gwiriwch eich enw defnyddiwr a'ch cyfrinair.</translation>
    </message>
    <message>
        <source>The server could not be reached. Check the address and your signal.</source>
        <translation>Nid oedd modd cyrraedd y gweinydd. Gwiriwch y cyfeiriad a'ch signal.</translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation>Nid oedd modd mewngofnodi: %1</translation>
    </message>
    <message>
        <source>Enter the server address.</source>
        <translation>Rhowch gyfeiriad y gweinydd.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Rhowch eich enw defnyddiwr.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Rhowch eich cyfrinair.</translation>
    </message>
    <message>
        <source>%1 is signed out. Their records were removed from this phone.</source>
        <translation>Mae %1 wedi allgofnodi. Cafodd eu cofnodion eu dileu o'r ffôn hwn.</translation>
    </message>
    <message>
        <source>%1 is signed out. Their records were removed from this phone; the server could not be reached, so their sign-in ends there when it expires.</source>
        <translation>Mae %1 wedi allgofnodi. Cafodd eu cofnodion eu dileu o'r ffôn hwn; nid oedd modd cyrraedd y gweinydd, felly daw eu mewngofnodi yno i ben pan fydd yn dod i ben.</translation>
    </message>
    <message>
        <source>Choose the server's certificate file, or paste an enrolment code.</source>
        <translation>Dewiswch ffeil tystysgrif y gweinydd, neu gludwch god cofrestru.</translation>
    </message>
    <message>
        <source>This enrolment code is newer than this version of Sitebook. Update the app, then paste the code again.</source>
        <translation>Mae'r cod cofrestru hwn yn fwy newydd na'r fersiwn hon o Sitebook. Diweddarwch yr ap, yna gludwch y cod eto.</translation>
    </message>
    <message>
        <source>This is not a Sitebook enrolment code. Paste the whole code you were given; it starts with "sitebook:enrol".</source>
        <translation>Nid cod cofrestru Sitebook yw hwn. Gludwch y cod cyfan a gawsoch; mae'n dechrau gyda "sitebook:enrol".</translation>
    </message>
    <message>
        <source>The enrolment code is incomplete or damaged. Copy all of it again and paste it here.</source>
        <translation>Mae'r cod cofrestru yn anghyflawn neu wedi'i ddifrodi. Copïwch y cyfan eto a'i ludo yma.</translation>
    </message>
    <message>
        <source>Choose a PIN of %1 to %2 digits that is not easy to guess (not 123456 or 111111). You will need it each time you open Sitebook. Everything recorded on this phone is encrypted; the PIN and this phone's secure key store unlock it together, even without signal.</source>
        <translation>Dewiswch PIN o %1 i %2 digid nad yw'n hawdd ei ddyfalu (nid 123456 na 111111). Bydd ei angen arnoch bob tro y byddwch yn agor Sitebook. Mae popeth a gofnodir ar y ffôn hwn wedi'i amgryptio; mae'r PIN a storfa allweddi ddiogel y ffôn hwn yn ei ddatgloi gyda'i gilydd, hyd yn oed heb signal.</translation>
    </message>
    <message>
        <source>This device has no secure key store, so the PIN alone protects the records on it. Choose a longer PIN of %1 to %2 digits that is not easy to guess. You will need it each time you open Sitebook; it unlocks the encrypted records even without signal.</source>
        <translation>Nid oes gan y ddyfais hon storfa allweddi ddiogel, felly dim ond y PIN sy'n diogelu'r cofnodion arni. Dewiswch PIN hirach o %1 i %2 digid nad yw'n hawdd ei ddyfalu. Bydd ei angen arnoch bob tro y byddwch yn agor Sitebook; mae'n datgloi'r cofnodion wedi'u hamgryptio hyd yn oed heb signal.</translation>
    </message>
    <message>
        <source>Choose a PIN that is harder to guess: not a run like 123456 or a repeated pattern like 111111 or 121212.</source>
        <translation>Dewiswch PIN sy'n anoddach ei ddyfalu: nid rhediad fel 123456 na phatrwm sy'n ailadrodd fel 111111 neu 121212.</translation>
    </message>
    <message>
        <source>Enter a PIN of %1 to %2 digits.</source>
        <translation>Rhowch PIN o %1 i %2 digid.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. To protect the records, they were removed from this phone. Sign in again to get them back from the server.</source>
        <translation>Gormod o PINau anghywir. I ddiogelu'r cofnodion, cawsant eu tynnu o'r ffôn hwn. Mewngofnodwch eto i'w cael yn ôl o'r gweinydd.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n more wrong PIN(s) will remove all records from this phone.</source>
        <translation>
            <numerusform>PIN anghywir. Bydd %n PIN anghywir arall yn tynnu pob cofnod o'r ffôn hwn.</numerusform>
            <numerusform>PIN anghywir. Bydd %n PIN anghywir arall yn tynnu pob cofnod o'r ffôn hwn.</numerusform>
            <numerusform>PIN anghywir. Bydd %n PIN anghywir arall yn tynnu pob cofnod o'r ffôn hwn.</numerusform>
            <numerusform>PIN anghywir. Bydd %n PIN anghywir arall yn tynnu pob cofnod o'r ffôn hwn.</numerusform>
            <numerusform>PIN anghywir. Bydd %n PIN anghywir arall yn tynnu pob cofnod o'r ffôn hwn.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more wrong PIN(s) will remove all records from this phone.</source>
        <translation>
            <numerusform>Bydd %n PIN anghywir arall yn tynnu pob cofnod o'r ffôn hwn.</numerusform>
            <numerusform>Bydd %n PIN anghywir arall yn tynnu pob cofnod o'r ffôn hwn.</numerusform>
            <numerusform>Bydd %n PIN anghywir arall yn tynnu pob cofnod o'r ffôn hwn.</numerusform>
            <numerusform>Bydd %n PIN anghywir arall yn tynnu pob cofnod o'r ffôn hwn.</numerusform>
            <numerusform>Bydd %n PIN anghywir arall yn tynnu pob cofnod o'r ffôn hwn.</numerusform>
        </translation>
    </message>
    <message>
        <source>This phone had not reached the server for too long, so its Sitebook data was deleted. Sign in to use Sitebook again.</source>
        <translation>Doedd y ffôn hwn ddim wedi cysylltu â'r gweinydd ers rhy hir, felly cafodd ei ddata Sitebook ei ddileu. Mewngofnodwch i ddefnyddio Sitebook eto.</translation>
    </message>
    <message numerus="yes">
        <source>Connect to the server within %n day(s) or this device will lock.</source>
        <translation>
            <numerusform>Cysylltwch â'r gweinydd o fewn %n diwrnod neu bydd y ddyfais hon yn cloi.</numerusform>
            <numerusform>Cysylltwch â'r gweinydd o fewn %n diwrnod neu bydd y ddyfais hon yn cloi.</numerusform>
            <numerusform>Cysylltwch â'r gweinydd o fewn %n diwrnod neu bydd y ddyfais hon yn cloi.</numerusform>
            <numerusform>Cysylltwch â'r gweinydd o fewn %n diwrnod neu bydd y ddyfais hon yn cloi.</numerusform>
            <numerusform>Cysylltwch â'r gweinydd o fewn %n diwrnod neu bydd y ddyfais hon yn cloi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This phone has not reached the server for too long, so its records are locked. Sign in with your password while you have signal to see them again. If it does not reach the server within %n day(s), its Sitebook data will be deleted.</source>
        <translation>
            <numerusform>Dydy'r ffôn hwn ddim wedi cysylltu â'r gweinydd ers rhy hir, felly mae ei gofnodion wedi'u cloi. Mewngofnodwch gyda'ch cyfrinair pan fydd gennych signal i'w gweld eto. Os na fydd yn cysylltu â'r gweinydd o fewn %n diwrnod, bydd ei ddata Sitebook yn cael ei ddileu.</numerusform>
            <numerusform>Dydy'r ffôn hwn ddim wedi cysylltu â'r gweinydd ers rhy hir, felly mae ei gofnodion wedi'u cloi. Mewngofnodwch gyda'ch cyfrinair pan fydd gennych signal i'w gweld eto. Os na fydd yn cysylltu â'r gweinydd o fewn %n diwrnod, bydd ei ddata Sitebook yn cael ei ddileu.</numerusform>
            <numerusform>Dydy'r ffôn hwn ddim wedi cysylltu â'r gweinydd ers rhy hir, felly mae ei gofnodion wedi'u cloi. Mewngofnodwch gyda'ch cyfrinair pan fydd gennych signal i'w gweld eto. Os na fydd yn cysylltu â'r gweinydd o fewn %n diwrnod, bydd ei ddata Sitebook yn cael ei ddileu.</numerusform>
            <numerusform>Dydy'r ffôn hwn ddim wedi cysylltu â'r gweinydd ers rhy hir, felly mae ei gofnodion wedi'u cloi. Mewngofnodwch gyda'ch cyfrinair pan fydd gennych signal i'w gweld eto. Os na fydd yn cysylltu â'r gweinydd o fewn %n diwrnod, bydd ei ddata Sitebook yn cael ei ddileu.</numerusform>
            <numerusform>Dydy'r ffôn hwn ddim wedi cysylltu â'r gweinydd ers rhy hir, felly mae ei gofnodion wedi'u cloi. Mewngofnodwch gyda'ch cyfrinair pan fydd gennych signal i'w gweld eto. Os na fydd yn cysylltu â'r gweinydd o fewn %n diwrnod, bydd ei ddata Sitebook yn cael ei ddileu.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sitebook::ui::CaseloadModel</name>
    <message>
        <source>At this pace: %1</source>
        <translation>Ar y cyflymder hwn: %1</translation>
    </message>
</context>
<context>
    <name>sitebook::ui::FastPathModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Nothing was saved. %1</source>
        <translation>Ni chadwyd dim. %1</translation>
    </message>
    <message>
        <source>This session starts at %1 on %2. Record the outcome once the session has started.</source>
        <translation>Mae'r sesiwn hon yn dechrau am %1 ar %2. Cofnodwch y canlyniad unwaith y bydd y sesiwn wedi dechrau.</translation>
    </message>
    <message>
        <source>The arrival time %1 is later than the time now (%2). Enter the time they arrived.</source>
        <translation>Mae'r amser cyrraedd %1 yn hwyrach na'r amser nawr (%2). Rhowch yr amser y cyrhaeddon nhw.</translation>
    </message>
    <message>
        <source>Enter the time they arrived, for example 09:00.</source>
        <translation>Rhowch yr amser y cyrhaeddon nhw, er enghraifft 09:00.</translation>
    </message>
    <message>
        <source>Enter the time they finished, for example 16:00.</source>
        <translation>Rhowch yr amser y gorffennon nhw, er enghraifft 16:00.</translation>
    </message>
    <message>
        <source>Enter a finish time after the arrival time.</source>
        <translation>Rhowch amser gorffen sydd ar ôl yr amser cyrraedd.</translation>
    </message>
    <message>
        <source>Choose the kind of work the group did.</source>
        <translation>Dewiswch y math o waith a wnaeth y grŵp.</translation>
    </message>
    <message>
        <source>Describe the work the group did.</source>
        <translation>Disgrifiwch y gwaith a wnaeth y grŵp.</translation>
    </message>
    <message>
        <source>Enter the amount as a number, for example 12.</source>
        <translation>Rhowch y swm fel rhif, er enghraifft 12.</translation>
    </message>
    <message>
        <source>Enter what the amount counts, for example bags.</source>
        <translation>Rhowch beth mae'r swm yn ei gyfrif, er enghraifft bagiau.</translation>
    </message>
    <message>
        <source>%1: enter the time they arrived, for example 09:30.</source>
        <translation>%1: rhowch yr amser y cyrhaeddon nhw, er enghraifft 09:30.</translation>
    </message>
    <message>
        <source>%1: enter the time they finished, for example 15:30.</source>
        <translation>%1: rhowch yr amser y gorffennon nhw, er enghraifft 15:30.</translation>
    </message>
    <message>
        <source>%1: enter a finish time after the arrival time.</source>
        <translation>%1: rhowch amser gorffen sydd ar ôl yr amser cyrraedd.</translation>
    </message>
    <message>
        <source>%1: choose a skill from the list.</source>
        <translation>%1: dewiswch sgil o'r rhestr.</translation>
    </message>
    <message>
        <source>Nobody is marked as here. Mark who attended, or go back to the roster.</source>
        <translation>Does neb wedi'i nodi'n bresennol. Nodwch pwy fynychodd, neu ewch yn ôl i'r rhestr.</translation>
    </message>
    <message>
        <source>There is a problem. Nothing was saved.</source>
        <translation>Mae problem. Ni chadwyd dim.</translation>
    </message>
</context>
<context>
    <name>sitebook::ui::InboxModel</name>
    <message>
        <source>Enforcement decision due</source>
        <translation>Penderfyniad gorfodi'n ddyledus</translation>
    </message>
    <message>
        <source>Feedback missing</source>
        <translation>Adborth ar goll</translation>
    </message>
    <message>
        <source>Outcome overdue</source>
        <translation>Canlyniad yn hwyr</translation>
    </message>
    <message>
        <source>Review due</source>
        <translation>Adolygiad yn ddyledus</translation>
    </message>
    <message>
        <source>Conflicting outcomes</source>
        <translation>Canlyniadau sy'n gwrthdaro</translation>
    </message>
    <message>
        <source>Respond by %1 (passed)</source>
        <translation>Ymateb erbyn %1 (wedi mynd heibio)</translation>
    </message>
    <message>
        <source>Respond by %1</source>
        <translation>Ymateb erbyn %1</translation>
    </message>
    <message>
        <source>Supervisor alert</source>
        <translation>Rhybudd gan y goruchwyliwr</translation>
    </message>
</context>
<context>
    <name>sitebook::ui::RecordController</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Choose what happened.</source>
        <translation type="vanished">Dewiswch beth ddigwyddodd.</translation>
    </message>
    <message>
        <source>Enter the time as HH:MM, for example 09:30.</source>
        <translation type="vanished">Rhowch yr amser fel AA:MM, er enghraifft 09:30.</translation>
    </message>
    <message>
        <source>Enter the time as HH:MM, for example 16:00.</source>
        <translation type="vanished">Rhowch yr amser fel AA:MM, er enghraifft 16:00.</translation>
    </message>
    <message>
        <source>Enter a number, for example 12.</source>
        <translation type="vanished">Rhowch rif, er enghraifft 12.</translation>
    </message>
    <message>
        <source>Please check the highlighted fields. Nothing was saved.</source>
        <translation type="vanished">Gwiriwch y meysydd sydd wedi'u hamlygu. Ni chadwyd dim.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Heb ei gadw: %1</translation>
    </message>
    <message>
        <source>Choose what happened</source>
        <translation>Dewiswch beth ddigwyddodd</translation>
    </message>
    <message>
        <source>Enter the time they arrived</source>
        <translation>Rhowch yr amser y cyrhaeddon nhw</translation>
    </message>
    <message>
        <source>Enter the time they arrived as hours and minutes, for example 09:30</source>
        <translation>Rhowch yr amser y cyrhaeddon nhw mewn oriau a munudau, er enghraifft 09:30</translation>
    </message>
    <message>
        <source>Enter the time they finished</source>
        <translation>Rhowch yr amser y gorffennon nhw</translation>
    </message>
    <message>
        <source>Enter the time they finished as hours and minutes, for example 16:00</source>
        <translation>Rhowch yr amser y gorffennon nhw mewn oriau a munudau, er enghraifft 16:00</translation>
    </message>
    <message>
        <source>Enter a finish time after the time they arrived</source>
        <translation>Rhowch amser gorffen sydd ar ôl yr amser y cyrhaeddon nhw</translation>
    </message>
    <message numerus="yes">
        <source>Enter a penalty of no more than %n minute(s), the time between arrival and finish</source>
        <translation>
            <numerusform>Rhowch gosb o ddim mwy na %n munud, yr amser rhwng cyrraedd a gorffen</numerusform>
            <numerusform>Rhowch gosb o ddim mwy na %n munud, yr amser rhwng cyrraedd a gorffen</numerusform>
            <numerusform>Rhowch gosb o ddim mwy na %n munud, yr amser rhwng cyrraedd a gorffen</numerusform>
            <numerusform>Rhowch gosb o ddim mwy na %n munud, yr amser rhwng cyrraedd a gorffen</numerusform>
            <numerusform>Rhowch gosb o ddim mwy na %n munud, yr amser rhwng cyrraedd a gorffen</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose how well they worked</source>
        <translation>Dewiswch pa mor dda y gweithion nhw</translation>
    </message>
    <message>
        <source>Choose how they behaved</source>
        <translation>Dewiswch sut roedden nhw'n ymddwyn</translation>
    </message>
    <message>
        <source>Choose the kind of work</source>
        <translation>Dewiswch y math o waith</translation>
    </message>
    <message>
        <source>Describe the work they did</source>
        <translation>Disgrifiwch y gwaith a wnaethon nhw</translation>
    </message>
    <message>
        <source>Shorten the description of the work to %1 characters or fewer</source>
        <translation>Byrhewch y disgrifiad o'r gwaith i %1 nod neu lai</translation>
    </message>
    <message>
        <source>Enter what the amount counts, for example bags</source>
        <translation>Rhowch beth mae'r swm yn ei gyfrif, er enghraifft bagiau</translation>
    </message>
    <message>
        <source>Enter the amount as a number, for example 12</source>
        <translation>Rhowch y swm fel rhif, er enghraifft 12</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Cynnydd</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Cryfderau</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Pryderon</translation>
    </message>
    <message>
        <source>Support needs</source>
        <translation>Anghenion cymorth</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Digwyddiadau</translation>
    </message>
    <message>
        <source>Shorten “%1” to %2 characters or fewer</source>
        <translation>Byrhewch “%1” i %2 nod neu lai</translation>
    </message>
    <message>
        <source>Say why the officer should look at this soon</source>
        <translation>Dywedwch pam y dylai'r swyddog edrych ar hyn yn fuan</translation>
    </message>
    <message>
        <source>Shorten the note to %1 characters or fewer (it has %2)</source>
        <translation>Byrhewch y nodyn i %1 nod neu lai (mae ganddo %2)</translation>
    </message>
    <message>
        <source>Enter a penalty of no more than the time between arrival and finish</source>
        <translation>Rhowch gosb o ddim mwy na'r amser rhwng cyrraedd a gorffen</translation>
    </message>
    <message>
        <source>Choose a skill they showed</source>
        <translation>Dewiswch sgil a ddangoson nhw</translation>
    </message>
    <message>
        <source>Choose a level for each skill</source>
        <translation>Dewiswch lefel ar gyfer pob sgil</translation>
    </message>
    <message>
        <source>Enter the note, in 4,000 characters or fewer</source>
        <translation>Rhowch y nodyn, mewn 4,000 nod neu lai</translation>
    </message>
    <message>
        <source>Nothing was saved. Fix the problems listed at the top of the form.</source>
        <translation>Ni chadwyd dim. Cywirwch y problemau a restrir ar frig y ffurflen.</translation>
    </message>
    <message>
        <source>Enter the note</source>
        <translation>Rhowch y nodyn</translation>
    </message>
    <message>
        <source>The note was not saved. Fix the problem listed at the top of the form.</source>
        <translation>Ni chadwyd y nodyn. Cywirwch y broblem a restrir ar frig y ffurflen.</translation>
    </message>
</context>
<context>
    <name>sitebook::ui::RosterModel</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
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
        <translation>Mae'r ddyfais wedi'i chloi.</translation>
    </message>
    <message>
        <source>That date is not valid.</source>
        <translation>Nid yw'r dyddiad hwnnw'n ddilys.</translation>
    </message>
    <message>
        <source>Unknown project</source>
        <translation>Prosiect anhysbys</translation>
    </message>
    <message>
        <source>This appointment is not on the device.</source>
        <translation>Nid yw'r apwyntiad hwn ar y ddyfais.</translation>
    </message>
    <message>
        <source>The person is not on the device.</source>
        <translation>Nid yw'r person ar y ddyfais.</translation>
    </message>
    <message>
        <source>The device is locked; nothing was saved.</source>
        <translation>Mae'r ddyfais wedi'i chloi; ni chadwyd dim.</translation>
    </message>
    <message>
        <source>This person is not on this device.</source>
        <translation>Nid yw'r person hwn ar y ddyfais hon.</translation>
    </message>
    <message>
        <source>That appointment is not on this device.</source>
        <translation>Nid yw'r apwyntiad hwnnw ar y ddyfais hon.</translation>
    </message>
    <message>
        <source>Choose a decision.</source>
        <translation>Dewiswch benderfyniad.</translation>
    </message>
    <message>
        <source>%1 for %2, %3</source>
        <translation>%1 ar gyfer %2, %3</translation>
    </message>
    <message>
        <source>This change no longer needs correcting; nothing was saved.</source>
        <translation>Nid oes angen cywiro'r newid hwn mwyach; ni chadwyd dim.</translation>
    </message>
    <message>
        <source>This form cannot correct that change; nothing was saved.</source>
        <translation>Ni all y ffurflen hon gywiro'r newid hwnnw; ni chadwyd dim.</translation>
    </message>
    <message>
        <source>The refused change is the feedback: fill in the feedback to send it again.</source>
        <translation>Yr adborth yw'r newid a wrthodwyd: llenwch yr adborth i'w anfon eto.</translation>
    </message>
    <message>
        <source>This change no longer needs correcting.</source>
        <translation>Nid oes angen cywiro'r newid hwn mwyach.</translation>
    </message>
    <message>
        <source>This change is not about that appointment.</source>
        <translation>Nid yw'r newid hwn yn ymwneud â'r apwyntiad hwnnw.</translation>
    </message>
    <message>
        <source>The refused change cannot be read on this device.</source>
        <translation>Nid oes modd darllen y newid a wrthodwyd ar y ddyfais hon.</translation>
    </message>
    <message>
        <source>The record form cannot correct this change; discard it or correct it where it was made.</source>
        <translation>Ni all y ffurflen gofnodi gywiro'r newid hwn; gwaredwch ef neu ei gywiro lle cafodd ei wneud.</translation>
    </message>
    <message>
        <source>The refused change is the work undertaken: describe the work to send it again.</source>
        <translation>Y gwaith a wnaed yw'r newid a wrthodwyd: disgrifiwch y gwaith i'w anfon eto.</translation>
    </message>
    <message>
        <source>The refused change is a skill observed: choose the skill to send it again.</source>
        <translation>Sgil a welwyd yw'r newid a wrthodwyd: dewiswch y sgil i'w hanfon eto.</translation>
    </message>
    <message>
        <source>The refused change is a case note: write the note to send it again.</source>
        <translation>Nodyn achos yw'r newid a wrthodwyd: ysgrifennwch y nodyn i'w anfon eto.</translation>
    </message>
    <message>
        <source>This decision no longer needs correcting; nothing was saved.</source>
        <translation>Nid oes angen cywiro'r penderfyniad hwn mwyach; ni chadwyd dim.</translation>
    </message>
    <message>
        <source>This change is not an enforcement decision; nothing was saved.</source>
        <translation>Nid penderfyniad gorfodi yw'r newid hwn; ni chadwyd dim.</translation>
    </message>
    <message>
        <source>%1, %2 (%3)</source>
        <translation>%1, %2 (%3)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, %2 (refused by the server)</source>
        <translation>%1, %2 (gwrthodwyd gan y gweinydd)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Choose why the absence was acceptable.</source>
        <translation>Dewiswch pam roedd yr absenoldeb yn dderbyniol.</translation>
    </message>
    <message>
        <source>Enter the evidence you saw, for example the date of a sick note</source>
        <translation>Rhowch y dystiolaeth a welsoch, er enghraifft dyddiad nodyn salwch</translation>
    </message>
    <message>
        <source>Enter why no further action is needed</source>
        <translation>Rhowch y rheswm pam nad oes angen camau pellach</translation>
    </message>
    <message>
        <source>That version could not be read; sync and try again.</source>
        <translation>Nid oedd modd darllen y fersiwn honno; cysonwch a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>A warning was given on this order within 12 months before this failure. Choose "Refer for breach": the law does not allow another warning.</source>
        <translation>Rhoddwyd rhybudd ar y gorchymyn hwn o fewn 12 mis cyn y methiant hwn. Dewiswch "Cyfeirio am dorri'r gorchymyn": nid yw’r gyfraith yn caniatáu rhybudd arall.</translation>
    </message>
    <message>
        <source>Unknown changes</source>
        <translation>Newidiadau anhysbys</translation>
    </message>
    <message>
        <source>Unlock Sitebook to see which changes have not been sent.</source>
        <translation>Datglowch Sitebook i weld pa newidiadau sydd heb eu hanfon.</translation>
    </message>
    <message>
        <source>A decision has already been recorded for this appointment.</source>
        <translation>Mae penderfyniad eisoes wedi’i gofnodi ar gyfer yr apwyntiad hwn.</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 ar gyfer %2</translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <translation>%1, %2–%3</translation>
    </message>
    <message>
        <source>Enter the date the decision was made.</source>
        <translation>Rhowch y dyddiad y gwnaed y penderfyniad.</translation>
    </message>
    <message>
        <source>The decision date %1 is before the appointment it answers, on %2. Enter the date the decision was made, on or after %2.</source>
        <translation>Mae dyddiad y penderfyniad, %1, cyn yr apwyntiad y mae'n ymateb iddo, ar %2. Rhowch y dyddiad y gwnaed y penderfyniad, ar %2 neu wedi hynny.</translation>
    </message>
    <message>
        <source>The decision date %1 is later than today (%2). Enter the date the decision was made.</source>
        <translation>Mae dyddiad y penderfyniad, %1, yn hwyrach na heddiw (%2). Rhowch y dyddiad y gwnaed y penderfyniad.</translation>
    </message>
</context>
<context>
    <name>sitebook::ui::SyncController</name>
    <message>
        <source>Demonstration data: not synced</source>
        <translation>Data enghreifftiol: heb ei gysoni</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wrthi'n cysoni…</translation>
    </message>
    <message>
        <source>Sign in again to sync</source>
        <translation>Mewngofnodwch eto i gysoni</translation>
    </message>
    <message>
        <source>Offline: changes are kept on this phone</source>
        <translation>All-lein: mae newidiadau'n cael eu cadw ar y ffôn hwn</translation>
    </message>
    <message>
        <source>Offline: the server could not be reached</source>
        <translation>All-lein: nid oedd modd cyrraedd y gweinydd</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Ar-lein</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Heb gysoni eto</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Heb gysoni erioed</translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>Newydd gysoni</translation>
    </message>
    <message>
        <source>Synced %1 min ago</source>
        <translation>Cysonwyd %1 munud yn ôl</translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>Cysonwyd ddiwethaf %1</translation>
    </message>
    <message>
        <source>Sending changes: %1 sent</source>
        <translation>Yn anfon newidiadau: %1 wedi'u hanfon</translation>
    </message>
    <message>
        <source>Records received: %1</source>
        <translation>Cofnodion a dderbyniwyd: %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Wrthi'n cysylltu…</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) kept on this phone</source>
        <translation>
            <numerusform>%n newid wedi'i gadw ar y ffôn hwn</numerusform>
            <numerusform>%n newid wedi'i gadw ar y ffôn hwn</numerusform>
            <numerusform>%n newid wedi'i gadw ar y ffôn hwn</numerusform>
            <numerusform>%n newid wedi'i gadw ar y ffôn hwn</numerusform>
            <numerusform>%n newid wedi'i gadw ar y ffôn hwn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not sent since %1</source>
        <translation>
            <numerusform>%n newid heb ei anfon ers %1</numerusform>
            <numerusform>%n newid heb ei anfon ers %1</numerusform>
            <numerusform>%n newid heb ei anfon ers %1</numerusform>
            <numerusform>%n newid heb ei anfon ers %1</numerusform>
            <numerusform>%n newid heb ei anfon ers %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n newid yn aros i gael ei anfon</numerusform>
            <numerusform>%n newid yn aros i gael ei anfon</numerusform>
            <numerusform>%n newid yn aros i gael ei anfon</numerusform>
            <numerusform>%n newid yn aros i gael ei anfon</numerusform>
            <numerusform>%n newid yn aros i gael ei anfon</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not accepted by the server</source>
        <translation>
            <numerusform>%n newid heb ei dderbyn gan y gweinydd</numerusform>
            <numerusform>%n newid heb ei dderbyn gan y gweinydd</numerusform>
            <numerusform>%n newid heb ei dderbyn gan y gweinydd</numerusform>
            <numerusform>%n newid heb ei dderbyn gan y gweinydd</numerusform>
            <numerusform>%n newid heb ei dderbyn gan y gweinydd</numerusform>
        </translation>
    </message>
    <message>
        <source>All changes are saved on this phone</source>
        <translation>Mae pob newid wedi'i gadw ar y ffôn hwn</translation>
    </message>
    <message>
        <source>All changes are sent</source>
        <translation>Mae pob newid wedi'i anfon</translation>
    </message>
    <message>
        <source>The server could not be reached. Your changes are kept on this phone and are sent as soon as it answers.</source>
        <translation>Nid oedd modd cyrraedd y gweinydd. Mae eich newidiadau'n cael eu cadw ar y ffôn hwn a byddan nhw'n cael eu hanfon cyn gynted ag y bydd yn ateb.</translation>
    </message>
    <message>
        <source>The server is busy. Your changes are kept on this phone and are sent when it has room.</source>
        <translation>Mae'r gweinydd yn brysur. Mae eich newidiadau'n cael eu cadw ar y ffôn hwn a byddan nhw'n cael eu hanfon pan fydd lle.</translation>
    </message>
    <message>
        <source>Your sign-in has ended. Sign in again to send your changes; they are kept on this phone.</source>
        <translation>Mae eich mewngofnodi wedi dod i ben. Mewngofnodwch eto i anfon eich newidiadau; maen nhw'n cael eu cadw ar y ffôn hwn.</translation>
    </message>
    <message>
        <source>The server did not allow this phone to sync. Tell your office; your changes are kept on this phone.</source>
        <translation>Ni wnaeth y gweinydd ganiatáu i'r ffôn hwn gysoni. Rhowch wybod i'ch swyddfa; mae eich newidiadau'n cael eu cadw ar y ffôn hwn.</translation>
    </message>
    <message>
        <source>Sync did not finish. Your changes are kept on this phone. Tell your office if this keeps happening.</source>
        <translation>Ni orffennodd y cysoni. Mae eich newidiadau'n cael eu cadw ar y ffôn hwn. Rhowch wybod i'ch swyddfa os yw hyn yn dal i ddigwydd.</translation>
    </message>
</context>
</TS>