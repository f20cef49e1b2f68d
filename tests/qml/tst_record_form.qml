import QtQuick
import QtTest
import Sitebook
import Sitebook.Screens

// The record form through the real screens: a draft that survives going back, the idle lock
// (unlock returns to the same form) and a kill; a note saved without an outcome; a re-opened
// record showing its work and skill and correcting the work in place; every problem listed at
// once in words and cleared when fixed; "Now" in the time picker. The functions run in order
// against one core and one data directory.
Item {
    id: root
    width: 412
    height: 860

    AppShell {
        id: shell
        anchors.fill: parent
        app: core.app
    }

    SignalSpy {
        id: lockSpy
        signalName: "lockedForInactivity"
    }
    SignalSpy {
        id: draftSpy
        signalName: "draftChanged"
    }

    TestCase {
        name: "RecordForm"
        when: windowShown

        readonly property string pin: "97531864"

        function find(name, parent) {
            const item = findChild(parent ? parent : shell, name)
            verify(item !== null, "no item named " + name)
            return item
        }
        function record() { return core.app.record }
        function settle() {
            tryCompare(find("stack"), "busy", false)
            waitForRendering(shell)
        }
        function click(name, parent) {
            const item = find(name, parent)
            tryVerify(function() { return item.width > 0 && item.enabled && item.visible })
            waitForRendering(shell)
            mouseClick(item)
        }
        // Scrolls the record form so that the item is on screen, as a finger would.
        function reveal(name) {
            const item = find(name)
            const flick = find("recordFlickable")
            let lastHeight = -1
            tryVerify(function() {
                // The form lays itself out after a change: wait until its height holds still.
                const settled = flick.contentHeight === lastHeight
                lastHeight = flick.contentHeight
                if (!settled)
                    return false
                const y = item.mapToItem(flick.contentItem, 0, 0).y
                flick.contentY = Math.max(0, Math.min(y - 100, flick.contentHeight - flick.height))
                const top = item.mapToItem(flick, 0, 0).y
                return top >= 0 && top + item.height <= flick.height
            })
            waitForRendering(shell)
            return item
        }
        // Types into a field key by key, as a person would (keeps the field's bindings).
        function typeText(name, text) {
            const field = find(name)
            field.forceActiveFocus()
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
            compare(field.text, text)
        }
        function personRow(row) {
            const list = find("rosterList")
            tryVerify(function() { return findChild(list, "person_" + row) !== null })
            return findChild(list, "person_" + row)
        }
        function openPerson(row) {
            settle()
            mouseClick(personRow(row))
            tryCompare(record(), "loaded", true)
            settle()
        }
        function openSession() {
            settle()
            tryCompare(find("sessionList"), "count", 1)
            mouseClick(find("session_0", find("sessionList")))
            tryCompare(core.app.roster, "count", 3)
        }
        function unlock() {
            tryCompare(core.app, "state", AppController.Locked, 10000)
            find("pinField").text = pin
            click("unlockButton")
            tryCompare(core.app, "state", AppController.Unlocked, 20000)
        }
        function draftBadge(row) {
            return findChild(personRow(row), "draftBadge")
        }
        function initTestCase() {
            core.app.coverEnabled = false
            core.app.start()
            tryCompare(core.app, "state", AppController.FirstRun)
            find("pinField").text = pin
            find("confirmField").text = pin
            click("createPinButton")
            tryCompare(core.app, "state", AppController.Unlocked, 20000)
            const done = find("setupDoneDialog")
            tryCompare(done, "opened", true)
            done.accept()
            tryCompare(core.app, "justCreated", false)
            tryCompare(done, "visible", false)
            openSession()
        }

        function test_1_draftSurvivesBack() {
            openPerson(0)
            compare(record().personName, "Sam Ellis")
            verify(!find("draftBanner").visible)
            verify(!find("discardDraftButton").visible)
            find("outcome_ATTC").clicked()
            find("workDescriptionField").text = "Swept the yard"
            find("noteField").text = "Half a note"
            tryCompare(record(), "hasDraft", true)
            tryVerify(function() { return find("draftStatus").text.indexOf("Draft kept on this device at 12:00") >= 0 })
            verify(find("discardDraftButton").visible)

            click("recordBackButton")
            settle()
            tryVerify(function() { return draftBadge(0) !== null && draftBadge(0).visible })
            verify(!draftBadge(1).visible)
            compare(core.app.pendingCount, 0)

            openPerson(0)
            compare(find("workDescriptionField").text, "Swept the yard")
            compare(find("noteField").text, "Half a note")
            compare(record().outcomeCode, "ATTC")
            verify(find("draftBanner").visible)
        }

        function test_2_idleLockReturnsToTheSameForm() {
            find("finishField").text = "15:10"
            lockSpy.target = core.app
            lockSpy.clear()
            core.app.lockAfterSeconds = 1
            lockSpy.wait(5000)
            core.app.lockAfterSeconds = 300
            tryCompare(core.app, "state", AppController.Locked)
            unlock()
            // The same person's form, with what was typed last.
            tryVerify(function() { return findChild(shell, "saveButton") !== null }, 5000)
            tryCompare(record(), "loaded", true)
            settle()
            compare(record().personName, "Sam Ellis")
            compare(find("finishField").text, "15:10")
            compare(find("workDescriptionField").text, "Swept the yard")
            compare(find("stack").depth, 3)
        }

        function test_3_draftSurvivesAKill() {
            draftSpy.target = record()
            draftSpy.clear()
            find("workUnitField").text = "bags"
            draftSpy.wait(5000)

            // A new process: nothing of the old one's memory, only what is in the store.
            shell.app = null
            shell.openRoster = null
            shell.openAppointment = ""
            core.restart()
            shell.app = core.app
            core.app.coverEnabled = false
            core.app.start()
            unlock()
            openSession()
            tryVerify(function() { return draftBadge(0) !== null && draftBadge(0).visible })
            openPerson(0)
            compare(find("workUnitField").text, "bags")
            compare(find("noteField").text, "Half a note")
            compare(find("finishField").text, "15:10")
            click("recordBackButton")
            settle()
        }

        function test_4_noteSavedWithoutAnOutcome() {
            openPerson(1)
            compare(record().outcomeCode, "")
            find("noteField").text = "Rang to say he is running late"
            click("saveButton")
            tryCompare(core.app, "pendingCount", 1, 10000)
            tryVerify(function() { return findChild(shell, "saveButton") === null })
            compare(core.app.roster.recordedCount, 0)
            openPerson(1)
            compare(record().recordedNotes.length, 1)
            compare(find("noteField").text, "")

            // "Save note" in the middle of a record: the note alone, the rest stays a draft.
            find("outcome_ATTC").clicked()
            reveal("noteField")
            typeText("noteField", "Left at lunch")
            reveal("saveNoteButton")
            click("saveNoteButton")
            tryCompare(core.app, "pendingCount", 2, 10000)
            tryCompare(find("noteSavedText"), "visible", true)
            compare(find("noteField").text, "")
            compare(record().outcomeCode, "ATTC")
            compare(record().recordedNotes.length, 2)
            tryCompare(record(), "hasDraft", true)
            compare(core.app.roster.recordedCount, 0)
            click("recordBackButton")
            settle()
        }

        function test_5_reopenedRecordShowsItsWorkAndEditsItInPlace() {
            openPerson(2)
            find("outcome_ATTC").clicked()
            find("workQualityBox").picked("GOOD")
            find("behaviourBox").picked("GOOD")
            find("workCategoryBox").picked("litter_clean_up")
            find("workDescriptionField").text = "Litter pick"
            find("workQuantityField").text = "6"
            find("workUnitField").text = "bags"
            find("skill_0").clicked()
            click("saveButton")
            // outcome, work and skill
            tryCompare(core.app, "pendingCount", 5, 10000)
            tryVerify(function() { return findChild(shell, "saveButton") === null })

            openPerson(2)
            compare(find("workDescriptionField").text, "Litter pick")
            compare(find("workQuantityField").text, "6")
            verify(find("skill_0").text.indexOf("(recorded)") > 0, find("skill_0").text)
            const said = find("alreadyRecordedText")
            verify(said.visible)
            verify(said.text.indexOf("are added") < 0, said.text)

            find("workDescriptionField").text = "Litter pick along the canal"
            click("saveButton")
            tryCompare(core.app, "pendingCount", 6, 10000)   // one change, of the same record
            tryVerify(function() { return findChild(shell, "saveButton") === null })
            openPerson(2)
            compare(find("workDescriptionField").text, "Litter pick along the canal")
            compare(record().otherWork.length, 0)
            click("recordBackButton")
            settle()
        }

        function test_6_everyProblemAtOnceInWordsClearedWhenFixed() {
            openPerson(0)
            // The draft from before is discarded on purpose, after a confirmation.
            click("discardDraftButton")
            const dialog = find("discardDraftDialog")
            tryCompare(dialog, "opened", true)
            click("confirmDiscardDraft")
            tryCompare(dialog, "visible", false)
            tryCompare(record(), "hasDraft", false)
            tryCompare(record(), "loaded", true)
            compare(find("noteField").text, "")
            settle()

            find("outcome_ATTC").clicked()
            find("arrivalField").text = ""
            click("saveButton")
            const summary = find("errorSummary")
            tryCompare(summary, "visible", true)
            const first = find("errorLink_0", summary)
            compare(first.Accessible.name, "Enter the time they arrived")
            compare(find("errorLink_1", summary).Accessible.name, "Choose how well they worked")
            compare(find("errorLink_2", summary).Accessible.name, "Choose how they behaved")
            verify(findChild(summary, "errorLink_3") === null)
            verify(find("workQualityError").visible)
            compare(core.app.pendingCount, 6)
            // Each problem jumps to its field.
            const flick = find("recordFlickable")
            compare(flick.contentY, 0)
            click("errorLink_1", summary)
            verify(flick.contentY > 0)
            verify(find("workQualityBox").activeFocus)
            flick.contentY = 0

            // Fixing a field takes its problem away at once.
            find("workQualityBox").picked("GOOD")
            tryCompare(find("workQualityError"), "visible", false)
            compare(find("errorLink_0", summary).Accessible.name, "Enter the time they arrived")
            compare(find("errorLink_1", summary).Accessible.name, "Choose how they behaved")
            find("arrivalField").text = "09:05"
            find("behaviourBox").picked("GOOD")
            tryCompare(summary, "visible", false)
        }

        function test_7_nowFillsTheTime() {
            reveal("arrivalFieldPicker")
            click("arrivalFieldPicker")
            const popup = find("arrivalFieldPopup")
            tryCompare(popup, "opened", true)
            click("arrivalFieldNow", popup.contentItem)
            tryCompare(popup, "visible", false)
            compare(find("arrivalField").text, "12:00")   // the injected clock
            compare(record().arrival, "12:00")

            // The wheels start at the time in the field; one minute more is one step.
            click("arrivalFieldPicker")
            tryCompare(popup, "opened", true)
            const minutes = find("arrivalFieldMinutes", popup.contentItem)
            tryCompare(minutes, "currentIndex", 0)
            compare(find("arrivalFieldHours", popup.contentItem).currentIndex, 12)
            minutes.currentIndex = 1
            click("arrivalFieldSet", popup.contentItem)
            tryCompare(popup, "visible", false)
            compare(record().arrival, "12:01")
        }

        function test_8_tabletKeepsAReadableWidth() {
            root.width = 1280
            root.height = 800
            waitForRendering(shell)
            const form = find("recordForm")
            tryVerify(function() { return form.width < 800 && form.x > 200 })
            root.width = 412
            root.height = 860
        }
    }
}
