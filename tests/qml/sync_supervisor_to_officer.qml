import QtQuick
import QtTest
import Sitebook
import Sitebook.Screens

// A supervisor's phone and an officer's tablet, side by side, against one sync server: the
// supervisor records a full outcome with feedback and an absence offline through the screens,
// goes online and syncs from the status strip; the officer signs in on the tablet and finds the
// absence in the inbox and the credited hours on the caseload and on the person's page. Then a
// change the server refuses shows on the needs-attention page with the server's reason and is
// discarded. The functions run in order against one server and one pair of cores.
Item {
    id: root
    width: 824
    height: 860

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
        name: "SupervisorToOfficer"
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
        function inboxText(inbox) {
            let text = ""
            for (let i = 0; i < inbox.count; ++i) {
                const item = inbox.itemAtIndex(i)
                if (item !== null)
                    text += "[" + item.kindText + " | " + item.personName + " | " + item.crn
                            + " | " + item.message + "] "
            }
            return text
        }
        // Signs a core in as `username` (the server decides the role), chooses the PIN and
        // waits for the first sync.
        function signIn(shell, app, spy, username) {
            spy.clear()
            app.start()
            tryCompare(app, "state", AppController.FirstRun, timeout)
            verify(app.needsSignIn)
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
        // Sync now from the status strip; waits for it to finish without an error.
        function syncFromStrip(shell, app, spy) {
            tryCompare(app.sync, "running", false, timeout)
            spy.clear()
            click(shell, "syncNowButton")
            tryVerify(function() { return spy.count >= 1 }, timeout)
            tryCompare(app.sync, "running", false, timeout)
            compare(app.sync.errorText, "")
        }
        // The first roster line not yet recorded, opened in the record form.
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
            return line.appointmentId
        }
        function openTodaysSession() {
            settle(phone)
            tryCompare(find("sessionList", phone), "count", 1, timeout)
            waitForRendering(phone)
            mouseClick(find("session_0", find("sessionList", phone)))
            tryVerify(function() { return findChild(phone, "rosterList") !== null }, timeout)
            settle(phone)
        }

        function initTestCase() {
            verify(core.serverStarted, "the sync server did not start")
            core.supervisor.coverEnabled = false
            core.officer.coverEnabled = false
        }

        function test_1_supervisorRecordsOfflineAndSyncs() {
            signIn(phone, core.supervisor, phoneSynced, "sam")
            compare(core.supervisor.role, "supervisor")
            compare(core.supervisor.officer, false)
            compare(core.supervisor.pendingCount, 0)

            // No signal from here: everything waits on the phone.
            core.setSupervisorOnline(false)
            verify(core.supervisor.sync.stateText.indexOf("Offline") >= 0,
                   core.supervisor.sync.stateText)

            openTodaysSession()
            tryCompare(core.supervisor.roster, "count", 2, timeout)
            openUnrecorded()
            const record = core.supervisor.record
            compare(record.personName, "Alex Smith")
            find("outcome_ATTC", phone).clicked()
            compare(record.outcomeCode, "ATTC")
            find("workQualityBox", phone).picked("GOOD")
            find("behaviourBox", phone).picked("EXCELLENT")
            find("workCategoryBox", phone).picked("litter_clean_up")
            find("workDescriptionField", phone).text = "Cleared brambles along the river path"
            find("workQuantityField", phone).text = "12"
            find("workUnitField", phone).text = "bags"
            find("skill_0", phone).clicked()
            find("feedbackProgressField", phone).text = "Settled in quickly"
            find("feedbackStrengthsField", phone).text = "Helped a new starter"
            const alert = find("alertSwitch", phone)
            alert.toggle()
            alert.toggled()
            find("alertReasonField", phone).text = "Said he may lose his tenancy"
            find("noteField", phone).text = "Asked about the forklift course"
            compare(record.alertOfficer, true)
            click(phone, "saveButton")
            // outcome + work + skill + feedback + note
            tryCompare(core.supervisor, "pendingCount", 5, timeout)
            tryCompare(core.supervisor.roster, "recordedCount", 1, timeout)
            tryVerify(function() { return findChild(phone, "saveButton") === null }, timeout)

            // The other appointment: an unacceptable absence, confirmed at the warning.
            openUnrecorded()
            find("outcome_UACP", phone).clicked()
            compare(record.enforceable, true)
            click(phone, "saveButton")
            const dialog = find("enforceableDialog", phone)
            tryCompare(dialog, "opened", true, timeout)
            dialog.accept()
            tryCompare(core.supervisor, "pendingCount", 6, timeout)
            tryCompare(core.supervisor.roster, "recordedCount", 2, timeout)
            tryVerify(function() { return findChild(phone, "saveButton") === null }, timeout)
            tryVerify(function() { return find("pendingText", phone).text.indexOf("6") === 0 })
            compare(core.supervisor.sync.pending, 6)

            // Signal returns; the strip's "Sync now" sends what is left (the return of the
            // connection may already have started a sync of its own).
            core.setSupervisorOnline(true)
            syncFromStrip(phone, core.supervisor, phoneSynced)
            tryCompare(core.supervisor, "pendingCount", 0, timeout)
            compare(core.supervisor.sync.pending, 0)
            compare(core.supervisor.sync.needsAttention, 0)
            verify(!find("attentionButton", phone).visible)
        }

        function test_2_officerSeesTheItemAndTheHours() {
            signIn(tablet, core.officer, tabletSynced, "olu")
            verify(core.officer.officer)
            settle(tablet)

            // Needs a decision: the absence of Alex Smith.
            const inbox = find("inboxList", tablet)
            compare(find("officerTabs", tablet).currentIndex, 0)
            tryVerify(function() { return inbox.count >= 1 }, timeout)
            let absence = null
            tryVerify(function() {
                for (let i = 0; i < inbox.count; ++i) {
                    const item = inbox.itemAtIndex(i)
                    if (item !== null && item.personName === "Smith, Alex"
                            && item.crn === "X123456"
                            && item.kindText === "Enforcement decision due"
                            && item.message.indexOf("(UACP)") >= 0) {
                        absence = item
                        return true
                    }
                }
                return false
            }, timeout, inboxText(inbox))
            verify(absence.dueText !== "", "the item has no respond-by date")

            // Caseload: 7 h credited (09:00 to 16:00) of the order's 100 h.
            tablet.openCaseload(1)
            settle(tablet)
            const caseload = find("caseloadList", tablet)
            tryCompare(caseload, "count", 1, timeout)
            tryVerify(function() { return caseload.itemAtIndex(0) !== null }, timeout)
            const line = caseload.itemAtIndex(0)
            compare(line.name, "Smith, Alex")
            compare(line.requiredMinutes, 6000)
            compare(line.creditedMinutes, 7 * 60)
            compare(line.openItems, inbox.count)
            verify(line.hoursText.indexOf("7") >= 0, line.hoursText)
            verify(showsText(line, line.hoursText))

            // The person's page from the inbox item: the credited hours and the item.
            tablet.openCaseload(0)
            settle(tablet)
            waitForRendering(tablet)
            mouseClick(absence)
            const person = core.officer.person
            tryVerify(function() { return person.personId !== "" && !person.busy }, timeout)
            settle(tablet)
            compare(person.creditedMinutes, 7 * 60)
            verify(find("creditChart", tablet).visible)
            compare(person.name, "Alex Smith")
            verify(person.items.length >= 1)
            // The timeline lists both appointments, the attended one with the supervisor's
            // feedback and alert, dated by the session the server shares with the person.
            compare(person.timeline.length, 2)
            const withFeedback = person.timeline.filter(function(t) { return t.hasFeedback })
            compare(withFeedback.length, 1)
            compare(withFeedback[0].feedback, "Settled in quickly")
            verify(withFeedback[0].date !== "", "the session's date reached the tablet")
            verify(withFeedback[0].alert)
            const page = find("stack", tablet).currentItem
            verify(showsText(page, absence.messageText), absence.messageText)
            verify(showsText(page, person.hoursText))
            tablet.goBack()
            settle(tablet)
        }

        function test_3_refusedChangeIsShownAndDiscarded() {
            // A third appointment reaches the phone with the next sync.
            verify(core.addAppointment())
            syncFromStrip(phone, core.supervisor, phoneSynced)
            tryCompare(core.supervisor.roster, "count", 3, timeout)

            // Offline, and meanwhile the project goes to another supervisor.
            core.setSupervisorOnline(false)
            verify(core.setProjectWithSupervisor(false))
            openUnrecorded()
            find("outcome_UACP", phone).clicked()
            click(phone, "saveButton")
            const dialog = find("enforceableDialog", phone)
            tryCompare(dialog, "opened", true, timeout)
            dialog.accept()
            tryCompare(core.supervisor, "pendingCount", 1, timeout)
            tryVerify(function() { return findChild(phone, "saveButton") === null }, timeout)

            // Online: the server refuses the outcome; the strip offers it to fix.
            core.setSupervisorOnline(true)
            syncFromStrip(phone, core.supervisor, phoneSynced)
            tryCompare(core.supervisor.sync, "needsAttention", 1, timeout)
            compare(core.supervisor.pendingCount, 0)
            click(phone, "attentionButton")
            settle(phone)
            const list = find("attentionList", phone)
            tryCompare(list, "count", 1, timeout)
            tryVerify(function() { return list.itemAtIndex(0) !== null }, timeout)
            const refused = list.itemAtIndex(0)
            compare(refused.kind, "appointment")
            verify(refused.summary.indexOf("Attendance outcome") === 0, refused.summary)
            verify(refused.message !== "", "no reason from the server")
            verify(showsText(refused, "Server's reason: " + refused.message))
            // The download purged the person from the phone; the item still names them and the
            // session, says what was refused and why it cannot be corrected, and offers no form.
            compare(refused.personName, "Smith, Alex (X123456)")
            verify(showsText(refused, "⚠ Smith, Alex (X123456)"))
            verify(refused.sessionText.indexOf("Riverside clean-up") === 0, refused.sessionText)
            verify(showsText(refused, refused.sessionText))
            verify(showsText(refused, "Outcome: Unacceptable Absence"))
            verify(!refused.correctable)
            verify(refused.blockedReason.indexOf("supervised by someone else") >= 0,
                   refused.blockedReason)
            verify(!find("resubmitButton", refused).visible)
            verify(find("attentionBlocked", refused).visible)
            // The strip: no ✓ and no "All changes" beside a refused change.
            verify(find("syncIcon", phone).text !== "✓")
            verify(find("pendingText", phone).text.indexOf("All changes") < 0,
                   find("pendingText", phone).text)
            verify(/^1 change.* not accepted by the server$/.test(find("pendingText", phone).text),
                   find("pendingText", phone).text)

            // Discard it, after confirmation.
            const discard = find("discardButton", refused)
            tryVerify(function() { return discard.visible && discard.width > 0 }, timeout)
            waitForRendering(phone)
            mouseClick(discard)
            const confirm = find("discardDialog", phone)
            tryCompare(confirm, "opened", true, timeout)
            // The confirmation says what will be lost.
            const lost = find("discardLost", phone).text
            verify(lost.indexOf("Smith, Alex (X123456)") >= 0, lost)
            verify(lost.indexOf("Outcome: Unacceptable Absence") >= 0, lost)
            click(phone, "confirmDiscardButton")
            tryCompare(list, "count", 0, timeout)
            tryCompare(core.supervisor.sync, "needsAttention", 0, timeout)
            tryVerify(function() { return !find("attentionButton", phone).visible }, timeout)
            compare(core.supervisor.pendingCount, 0)
            phone.goBack()
            settle(phone)
        }

        function test_4_unsentChangesAreShownWithTheWholeMessage() {
            // The project comes back to sam; the next sync restores the appointment.
            verify(core.setProjectWithSupervisor(true))
            syncFromStrip(phone, core.supervisor, phoneSynced)
            tryVerify(function() { return find("syncIcon", phone).text === "✓" }, timeout)
            verify(find("pendingText", phone).text === "All changes are sent")

            // The server stops; a change saved now cannot be sent.
            core.stopServer()
            const record = core.supervisor.record
            record.load(core.appointmentId(2))
            tryCompare(record, "loaded", true, timeout)
            record.outcomeCode = "UACP"
            record.save()
            tryCompare(core.supervisor, "pendingCount", 1, timeout)
            verify(find("syncIcon", phone).text !== "✓")
            tryCompare(core.supervisor.sync, "running", false, timeout)
            phoneSynced.clear()
            click(phone, "syncNowButton")
            tryVerify(function() { return phoneSynced.count >= 1 }, timeout)
            tryCompare(core.supervisor.sync, "running", false, timeout)
            verify(core.supervisor.sync.errorText !== "")

            // The strip: what is not sent and since when, in words, and "Retry"; no ✓.
            const pending = find("pendingText", phone).text
            verify(/^1 change.* not sent since 12:00$/.test(pending), pending)
            compare(find("syncIcon", phone).text, "⚠")
            compare(find("syncNowButton", phone).text, "Retry")
            verify(showsText(find("syncDetail", phone), "could not be reached"))

            // A tap on the text shows the whole message, selectable.
            waitForRendering(phone)
            mouseClick(find("syncTexts", phone))
            const dialog = find("syncErrorDialog", phone)
            tryCompare(dialog, "opened", true, timeout)
            const detail = find("syncErrorDetail", phone)
            compare(detail.text, core.supervisor.sync.errorDetail)
            verify(detail.text.length > 0)
            verify(detail.selectByMouse)
            verify(detail.readOnly)

            // The server is back; "Retry" in the dialog sends the change.
            verify(core.restartServer())
            phoneSynced.clear()
            click(phone, "syncErrorRetryButton")
            tryVerify(function() { return phoneSynced.count >= 1 }, timeout)
            tryCompare(core.supervisor, "pendingCount", 0, timeout)
            tryVerify(function() { return find("syncIcon", phone).text === "✓" }, timeout)
            compare(find("pendingText", phone).text, "All changes are sent")
            compare(find("syncNowButton", phone).text, "Sync now")
        }
    }
}
