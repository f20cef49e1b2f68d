import QtQuick
import QtTest
import Sitebook
import Sitebook.Screens

// The supervisor's day through the real screens: first-run PIN, unlock and lockout, recording
// a full outcome with feedback offline, and the enforceable-outcome warning. The functions run
// in order against one core and one temp database.
Item {
    id: root
    width: 412
    height: 860

    AppShell {
        id: shell
        anchors.fill: parent
        app: core.app
    }

    TestCase {
        name: "SupervisorDay"
        when: windowShown

        function find(name, parent) {
            const item = findChild(parent ? parent : shell, name)
            verify(item !== null, "no item named " + name)
            return item
        }
        function record() { return core.app.record }
        // Waits for page transitions to finish so clicks land where the items are.
        function settle() {
            tryCompare(find("stack"), "busy", false)
            waitForRendering(shell)
        }
        // Clicks once the item is laid out and drawn.
        function click(name) {
            const item = find(name)
            tryVerify(function() { return item.width > 0 && item.enabled && item.visible })
            waitForRendering(shell)
            mouseClick(item)
        }
        function openPerson(row) {
            settle()
            const list = find("rosterList")
            tryVerify(function() { return findChild(list, "person_" + row) !== null })
            mouseClick(findChild(list, "person_" + row))
            tryCompare(record(), "loaded", true)
            settle()
        }

        function initTestCase() {
            core.app.coverEnabled = false
            core.app.start()
        }

        function test_1_firstRunPin() {
            tryCompare(core.app, "state", AppController.FirstRun)
            find("pinField").text = "24681357"
            find("confirmField").text = "24681358"
            click("createPinButton")
            tryCompare(find("confirmError"), "visible", true)
            compare(core.app.state, AppController.FirstRun)

            find("pinField").text = "24681357"
            find("confirmField").text = "24681357"
            click("createPinButton")
            tryCompare(core.app, "state", AppController.Unlocked, 20000)
            const done = find("setupDoneDialog")
            tryCompare(done, "opened", true)
            verify(core.app.protection.indexOf("PIN only") === 0, core.app.protection)
            done.accept()
            tryCompare(core.app, "justCreated", false)
            tryCompare(done, "visible", false)
            tryCompare(find("sessionList"), "count", 1)
            verify(find("pendingText").text.length > 0)
        }

        function test_2_unlockAndLockout() {
            core.app.lock()
            tryCompare(core.app, "state", AppController.Locked)
            find("pinField").text = "1111"
            click("unlockButton")
            tryVerify(function() { return core.app.message.indexOf("Wrong PIN") === 0 }, 10000)
            compare(find("unlockMessage").text, core.app.message)
            verify(find("unlockMessage").visible)

            find("pinField").text = "1111"
            click("unlockButton")
            tryCompare(core.app, "lockedOutSeconds", 30, 10000)
            const message = find("unlockMessage")
            verify(message.visible)
            verify(message.text.indexOf("30") >= 0, message.text)
            tryCompare(find("unlockButton"), "enabled", false)

            core.advanceClock(31000)
            tryCompare(find("unlockButton"), "enabled", true, 5000)
            find("pinField").text = "24681357"
            click("unlockButton")
            tryCompare(core.app, "state", AppController.Unlocked, 20000)
        }

        function test_3_recordFullOutcomeOffline() {
            tryCompare(find("sessionList"), "count", 1)
            compare(core.app.pendingCount, 0)
            settle()
            mouseClick(find("session_0", find("sessionList")))
            tryCompare(core.app.roster, "count", 3)
            openPerson(0)
            compare(record().personName, "Sam Ellis")

            find("outcome_ATTC").clicked()
            compare(record().outcomeCode, "ATTC")
            find("workQualityBox").picked("GOOD")
            find("behaviourBox").picked("EXCELLENT")
            find("workCategoryBox").picked("litter_clean_up")
            find("workDescriptionField").text = "Litter pick along the canal towpath"
            find("workQuantityField").text = "9"
            find("workUnitField").text = "bags"
            find("skill_0").clicked()
            find("feedbackProgressField").text = "Settled in quickly"
            find("feedbackStrengthsField").text = "Helped a new starter"
            const alert = find("alertSwitch")
            alert.toggle()
            alert.toggled()
            find("alertReasonField").text = "Said he may lose his tenancy"
            find("noteField").text = "Asked about the college course"
            compare(record().alertOfficer, true)

            mouseClick(find("saveButton"))
            // outcome + work + skill + feedback + note, all waiting to sync
            tryCompare(core.app, "pendingCount", 5, 10000)
            tryVerify(function() { return find("pendingText").text.indexOf("5") === 0 })
            tryCompare(core.app.roster, "recordedCount", 1)
            tryVerify(function() { return findChild(shell, "saveButton") === null })
        }

        function test_4_enforceableOutcomeWarning() {
            openPerson(1)
            find("outcome_UACP").clicked()
            compare(record().enforceable, true)
            mouseClick(find("saveButton"))
            const dialog = find("enforceableDialog")
            tryCompare(dialog, "opened", true)
            compare(core.app.pendingCount, 5)

            // Going back saves nothing.
            dialog.reject()
            tryCompare(dialog, "visible", false)
            compare(core.app.pendingCount, 5)

            mouseClick(find("saveButton"))
            tryCompare(dialog, "opened", true)
            dialog.accept()
            tryCompare(core.app, "pendingCount", 6, 10000)
            tryCompare(core.app.roster, "recordedCount", 2)
        }

        function test_5_validationErrorShownAtTheField() {
            openPerson(2)
            find("outcome_ATTC").clicked()
            find("feedbackProgressField").text = "Fine"
            mouseClick(find("saveButton"))
            tryVerify(function() { return record().errors["outcome.work_quality"] !== undefined })
            tryCompare(find("saveError"), "visible", true)
            tryCompare(find("workQualityError"), "visible", true)
            compare(core.app.pendingCount, 6)
        }
    }
}
