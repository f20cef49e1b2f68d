import QtQuick
import QtTest
import Sitebook
import Sitebook.Screens

// The officer's desk against one sync server: a supervisor records an attended appointment
// with an alert for the officer and four unacceptable absences; on the officer's tablet the
// alert arrives as an inbox item with its reason and is acknowledged, and each absence gets a
// decision of its own kind (a warning, a breach referral, no further action with its reason,
// and an absence judged acceptable with its evidence). Each item leaves the inbox and the
// person's page as soon as it is recorded ("Recorded, sending"), a second decision for the same
// appointment is impossible, and after the sync the server agrees. The functions run in order.
Item {
    id: root
    width: 824
    height: 915

    AppShell {
        id: phone
        x: 0
        width: 412
        height: parent.height
        app: core.supervisor
    }

    AppShell {
        id: tablet
        x: 412
        width: 412
        height: parent.height
        app: core.officer
    }

    SignalSpy {
        id: phoneSynced
        target: core.supervisor.sync
        signalName: "finished"
    }

    SignalSpy {
        id: tabletSynced
        target: core.officer.sync
        signalName: "finished"
    }

    TestCase {
        name: "OfficerDesk"
        when: windowShown

        readonly property int timeout: 30000

        function find(name, parent) {
            const item = findChild(parent, name)
            verify(item !== null, "no item named " + name)
            return item
        }
        function settle(shell) {
            tryCompare(find("stack", shell), "busy", false, timeout)
            waitForRendering(shell)
        }
        function click(shell, name) {
            const item = find(name, shell)
            tryVerify(function() { return item.width > 0 && item.enabled && item.visible }, timeout)
            waitForRendering(shell)
            mouseClick(item)
        }
        // Whether `text` is shown by a visible label under `item`.
        function showsText(item, text) {
            if (!item || item.visible === false)
                return false
            if (item.text !== undefined && String(item.text).indexOf(text) >= 0)
                return true
            const kids = item.children
            for (let i = 0; i < kids.length; ++i) {
                if (showsText(kids[i], text))
                    return true
            }
            if (item.contentItem && item.contentItem !== item && showsText(item.contentItem, text))
                return true
            return false
        }
        function signIn(shell, app, spy, username) {
            spy.clear()
            app.start()
            tryCompare(app, "state", AppController.FirstRun, timeout)
            app.signIn(username, core.password)
            tryVerify(function() { return !app.needsSignIn && !app.busy }, timeout)
            compare(app.message, "")
            app.createPin("24681357", "24681357")
            tryCompare(app, "state", AppController.Unlocked, timeout)
            const done = find("setupDoneDialog", shell)
            tryCompare(done, "opened", true, timeout)
            done.accept()
            tryCompare(app, "justCreated", false, timeout)
            tryCompare(done, "visible", false, timeout)
            tryVerify(function() { return spy.count >= 1 }, timeout)
            tryCompare(app.sync, "running", false, timeout)
            compare(app.sync.errorText, "")
        }
        function syncFromStrip(shell, app, spy) {
            tryCompare(app.sync, "running", false, timeout)
            spy.clear()
            click(shell, "syncNowButton")
            tryVerify(function() { return spy.count >= 1 }, timeout)
            tryCompare(app.sync, "running", false, timeout)
            compare(app.sync.errorText, "")
        }
        function openUnrecorded() {
            settle(phone)
            const list = find("rosterList", phone)
            let line = null
            tryVerify(function() {
                for (let i = 0; i < list.count; ++i) {
                    const item = findChild(list, "person_" + i)
                    if (item !== null && !item.recorded) {
                        line = item
                        return true
                    }
                }
                return false
            }, timeout)
            waitForRendering(phone)
            mouseClick(line)
            tryCompare(core.supervisor.record, "loaded", true, timeout)
            settle(phone)
        }
        function recordAbsence(pending) {
            openUnrecorded()
            find("outcome_UACP", phone).clicked()
            click(phone, "saveButton")
            const dialog = find("enforceableDialog", phone)
            tryCompare(dialog, "opened", true, timeout)
            dialog.accept()
            tryCompare(core.supervisor, "pendingCount", pending, timeout)
            tryVerify(function() { return findChild(phone, "saveButton") === null }, timeout)
        }
        function itemsOfKind(kind) {
            return core.officer.person.items.filter(function(i) { return i.kind === kind })
        }
        // The home page's inbox row `at`, scrolled into view.
        function inboxRow(at) {
            const list = find("inboxList", tablet)
            list.positionViewAtIndex(at, ListView.Contain)
            let row = null
            tryVerify(function() {
                row = findChild(list, "inboxItem_" + at)
                return row !== null && row.visible
            }, timeout)
            waitForRendering(tablet)
            return row
        }
        function inboxKinds() {
            const inbox = core.officer.inbox
            let kinds = []
            for (let i = 0; i < inbox.count; ++i)
                kinds.push(inbox.data(inbox.index(i, 0), InboxModel.KindRole))
            return kinds
        }
        function countKind(kinds, kind) {
            return kinds.filter(function(k) { return k === kind }).length
        }
        // The first visible item named `name` in the person's "Needs a decision" rows.
        function inItems(name) {
            const repeater = find("itemRepeater", tablet)
            for (let i = 0; i < repeater.count; ++i) {
                const row = repeater.itemAt(i)
                const item = row ? findChild(row, name) : null
                if (item !== null && item.visible)
                    return item
            }
            return null
        }
        function decideButton() {
            return inItems("decideButton")
        }
        function openDecision() {
            let button = null
            tryVerify(function() { button = decideButton(); return button !== null }, timeout)
            // The page scrolls: the button may lie below the window, so it is pressed directly.
            button.clicked()
            const dialog = find("decisionDialog", tablet)
            tryCompare(dialog, "opened", true, timeout)
            // Nothing is chosen for the officer.
            verify(!find("warningChoice", tablet).checked)
            verify(!find("referChoice", tablet).checked)
            verify(!find("nfaChoice", tablet).checked)
            verify(!find("acceptableChoice", tablet).checked)
            return dialog
        }
        // A reason for an acceptable absence, by its code (Repeater delegates are found
        // through the Repeater).
        function reasonChoice(code) {
            const repeater = find("reasonRepeater", tablet)
            for (let i = 0; i < repeater.count; ++i) {
                if (repeater.itemAt(i).code === code)
                    return repeater.itemAt(i)
            }
            verify(false, "no reason " + code)
            return null
        }
        function record() {
            click(tablet, "saveDecisionButton")
        }
        // Records and checks that the item left at once, before any sync.
        function expectRecorded(dialog, enforcementBefore, pendingBefore) {
            tryCompare(dialog, "visible", false, timeout)
            tryVerify(function() { return itemsOfKind("enforcement_due").length === enforcementBefore - 1 },
                      timeout)
            tryVerify(function() {
                return countKind(inboxKinds(), "enforcement_due") === enforcementBefore - 1
            }, timeout)
            tryCompare(core.officer, "pendingCount", pendingBefore + 1, timeout)
            const page = find("stack", tablet).currentItem
            tryVerify(function() { return showsText(page, "Recorded, sending") }, timeout)
        }

        function initTestCase() {
            verify(core.serverStarted, "the sync server did not start")
            core.supervisor.coverEnabled = false
            core.officer.coverEnabled = false
            // Three more appointments in today's session: five in all.
            verify(core.addAppointment())
            verify(core.addAppointment())
            verify(core.addAppointment())
        }

        function test_1_supervisorRecordsAnAlertAndFourAbsences() {
            signIn(phone, core.supervisor, phoneSynced, "sam")
            settle(phone)
            tryCompare(find("sessionList", phone), "count", 1, timeout)
            waitForRendering(phone)
            mouseClick(find("session_0", find("sessionList", phone)))
            tryVerify(function() { return findChild(phone, "rosterList") !== null }, timeout)
            tryCompare(core.supervisor.roster, "count", 5, timeout)

            openUnrecorded()
            find("outcome_ATTC", phone).clicked()
            find("workQualityBox", phone).picked("GOOD")
            find("behaviourBox", phone).picked("GOOD")
            find("workCategoryBox", phone).picked("litter_clean_up")
            find("workDescriptionField", phone).text = "Cleared the towpath"
            find("feedbackProgressField", phone).text = "Worked steadily"
            const alert = find("alertSwitch", phone)
            alert.toggle()
            alert.toggled()
            find("alertReasonField", phone).text = "Says he may lose his <b>tenancy</b> this week"
            click(phone, "saveButton")
            tryVerify(function() { return findChild(phone, "saveButton") === null }, timeout)
            const afterAttended = core.supervisor.pendingCount
            verify(afterAttended >= 3, "outcome, work and feedback are queued")
            for (let i = 1; i <= 4; ++i)
                recordAbsence(afterAttended + i)
            syncFromStrip(phone, core.supervisor, phoneSynced)
            tryCompare(core.supervisor, "pendingCount", 0, timeout)
            compare(core.supervisor.sync.needsAttention, 0)
        }

        function test_2_theAlertReachesTheInboxAndIsAcknowledged() {
            signIn(tablet, core.officer, tabletSynced, "olu")
            settle(tablet)
            tryVerify(function() { return countKind(inboxKinds(), "supervisor_alert") === 1 }, timeout,
                      JSON.stringify(inboxKinds()))
            compare(countKind(inboxKinds(), "enforcement_due"), 4)
            // The item as the inbox model gives it to the screen.
            const model = core.officer.inbox
            const at = inboxKinds().indexOf("supervisor_alert")
            compare(model.data(model.index(at, 0), InboxModel.KindTextRole), "Supervisor alert")
            compare(model.data(model.index(at, 0), InboxModel.ReasonRole),
                    "Says he may lose his <b>tenancy</b> this week")
            verify(model.data(model.index(at, 0), InboxModel.DueTextRole) !== "",
                   "the alert has a respond-by date")
            // Its row on the home page says why, as the supervisor wrote it.
            const rowReason = find("itemReason", inboxRow(at))
            verify(rowReason.visible, "the alert's row shows its reason")
            compare(rowReason.textFormat, Text.PlainText)
            compare(rowReason.text, "Supervisor's reason: Says he may lose his <b>tenancy</b> this week")
            // The item's person (the inbox's layout is not what this test is about).
            tablet.openPerson(model.data(model.index(at, 0), InboxModel.PersonIdRole))
            const person = core.officer.person
            tryVerify(function() { return person.personId !== "" && !person.busy }, timeout)
            settle(tablet)
            compare(itemsOfKind("supervisor_alert").length, 1)
            // The reason is shown as the supervisor wrote it, markup and all.
            const reason = inItems("alertReason")
            verify(reason !== null, "the alert's reason is shown")
            compare(reason.textFormat, Text.PlainText)
            verify(reason.text.indexOf("<b>tenancy</b>") >= 0, reason.text)

            const acknowledge = inItems("acknowledgeButton")
            verify(acknowledge !== null)
            acknowledge.clicked()
            tryCompare(core.officer, "pendingCount", 1, timeout)
            tryVerify(function() { return itemsOfKind("supervisor_alert").length === 0 }, timeout)
            tryVerify(function() { return countKind(inboxKinds(), "supervisor_alert") === 0 }, timeout)
            verify(find("recordedNotice", tablet).visible)
        }

        function test_3_eachDecisionKindLeavesAtOnce() {
            const person = core.officer.person
            compare(itemsOfKind("enforcement_due").length, 4)
            let pending = core.officer.pendingCount

            // A warning. "Record" with nothing chosen says what to do.
            let dialog = openDecision()
            record()
            tryVerify(function() { return find("decisionError", tablet).text !== "" }, timeout)
            compare(person.decisionErrorField, "action")
            find("warningChoice", tablet).checked = true
            record()
            expectRecorded(dialog, 4, pending++)

            // A second warning on the order is refused on the tablet (the 12-month rule, judged
            // on the failure's date); a breach referral is recorded.
            dialog = openDecision()
            find("warningChoice", tablet).checked = true
            record()
            tryVerify(function() {
                return find("decisionError", tablet).text.indexOf("within 12 months") >= 0
            }, timeout)
            verify(dialog.opened)
            compare(core.officer.pendingCount, pending)
            find("referChoice", tablet).checked = true
            record()
            expectRecorded(dialog, 3, pending++)

            // No further action needs its reason.
            dialog = openDecision()
            find("nfaChoice", tablet).checked = true
            record()
            tryCompare(person, "decisionErrorField", "note", timeout)
            verify(dialog.opened)
            find("decisionNoteField", tablet).text = "Bus cancelled; the operator confirmed it"
            record()
            expectRecorded(dialog, 2, pending++)

            // An absence judged acceptable: why, and the evidence seen.
            dialog = openDecision()
            const acceptable = find("acceptableChoice", tablet)
            verify(acceptable.visible, "an unacceptable absence can be judged acceptable")
            acceptable.checked = true
            record()
            tryCompare(person, "decisionErrorField", "reclassified_as", timeout)
            reasonChoice("AAME").checked = true
            record()
            tryCompare(person, "decisionErrorField", "note", timeout)
            find("decisionNoteField", tablet).text = "GP fit note dated today"
            record()
            expectRecorded(dialog, 1, pending++)

            // Nothing left to decide, and no way to decide twice.
            compare(decideButton(), null)
            compare(person.decisions.length, 4)
            verify(person.decisions.every(function(d) { return d.sending }))
            const decided = person.decisions[0].appointmentId
            person.recordDecision(decided, "no_further_action", "A second decision")
            tryVerify(function() { return person.decisionError !== "" && !person.busy }, timeout)
            compare(person.decisionErrorField, "appointment_id")
            compare(core.officer.pendingCount, pending)
            const acceptedAbsence = person.decisions.filter(function(d) {
                return d.action === "absence_acceptable"
            })
            compare(acceptedAbsence.length, 1)
            compare(acceptedAbsence[0].reclassifiedAs, "AAME")
        }

        function test_4_theServerAgreesAfterTheSync() {
            syncFromStrip(tablet, core.officer, tabletSynced)
            tryCompare(core.officer, "pendingCount", 0, timeout)
            compare(core.officer.sync.needsAttention, 0)
            const person = core.officer.person
            person.reload()
            tryVerify(function() { return !person.busy }, timeout)
            tryVerify(function() { return person.decisions.every(function(d) { return !d.sending }) },
                      timeout)
            compare(itemsOfKind("enforcement_due").length, 0)
            compare(itemsOfKind("supervisor_alert").length, 0)
            core.officer.inbox.reload()
            tryVerify(function() {
                const kinds = inboxKinds()
                return countKind(kinds, "enforcement_due") === 0
                        && countKind(kinds, "supervisor_alert") === 0
            }, timeout, JSON.stringify(inboxKinds()))
            const page = find("stack", tablet).currentItem
            tryVerify(function() { return showsText(page, "Sent") }, timeout)
        }

        function test_5_aConflictIsSettledByTheOfficer() {
            const person = core.officer.person
            const attended = person.timeline.filter(function(t) { return t.outcomeCode === "ATTC" })
            compare(attended.length, 1)
            const appointmentId = attended[0].appointmentId
            // The office records AFTC for the appointment the supervisor recorded as ATTC.
            compare(core.recordConflictingOutcome(appointmentId, "AFTC"), "accepted_with_conflict")
            syncFromStrip(tablet, core.officer, tabletSynced)
            person.reload()
            tryVerify(function() { return itemsOfKind("conflict").length === 1 && !person.busy },
                      timeout, JSON.stringify(person.items))
            const conflict = itemsOfKind("conflict")[0]
            compare(conflict.versions.length, 2)
            const codes = conflict.versions.map(function(v) { return v.code })
            verify(codes.indexOf("ATTC") >= 0 && codes.indexOf("AFTC") >= 0, JSON.stringify(codes))
            // The supervisor's version has the later clock, so it stays the record for now.
            compare(core.serverOutcomeCode(appointmentId), "ATTC")

            // On the home page the conflict's row names both outcomes on one line.
            tryVerify(function() { return countKind(inboxKinds(), "conflict") === 1 }, timeout)
            const personId = person.personId
            tablet.goBack()
            settle(tablet)
            const versions = find("itemVersions", inboxRow(inboxKinds().indexOf("conflict")))
            verify(versions.visible, "the conflict's row shows its versions")
            compare(versions.textFormat, Text.PlainText)
            verify(versions.text.indexOf("(ATTC)") >= 0 && versions.text.indexOf("(AFTC)") >= 0,
                   versions.text)
            tablet.openPerson(personId)
            tryVerify(function() { return person.personId === personId && !person.busy }, timeout)
            settle(tablet)

            // The officer checks with the office: "This outcome is right" on the AFTC.
            const index = codes.indexOf("AFTC")
            let confirm = null
            tryVerify(function() { confirm = inItems("confirmVersion_" + index); return confirm !== null },
                      timeout)
            verify(confirm.visible && confirm.enabled)
            confirm.clicked()
            tryVerify(function() { return itemsOfKind("conflict").length === 0 }, timeout)
            tryCompare(core.officer, "pendingCount", 1, timeout)
            tryVerify(function() { return countKind(inboxKinds(), "conflict") === 0 }, timeout)
            const page = find("stack", tablet).currentItem
            tryVerify(function() { return showsText(page, "Recorded, sending") }, timeout)

            syncFromStrip(tablet, core.officer, tabletSynced)
            tryCompare(core.officer, "pendingCount", 0, timeout)
            compare(core.officer.sync.needsAttention, 0)
            // The chosen version is the outcome on the server and on the tablet.
            compare(core.serverOutcomeCode(appointmentId), "AFTC")
            person.reload()
            tryVerify(function() { return !person.busy }, timeout)
            compare(itemsOfKind("conflict").length, 0)
            compare(person.timeline.filter(function(t) {
                return t.appointmentId === appointmentId
            })[0].outcomeCode, "AFTC")
            // AFTC is enforceable: now a decision is due for it.
            compare(itemsOfKind("enforcement_due").length, 1)
        }
    }
}
