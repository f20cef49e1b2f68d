import QtQuick
import QtQuick.Controls
import QtTest
import Sitebook
import Sitebook.Screens

// What keeps case data off other people's screens and out of the keyboard: every text field
// on the screens that take case data tells the keyboard not to learn or suggest (sensitive, no
// prediction); the privacy cover hides the pages and any open dialog or menu while the app is
// not in the foreground; and the app locks once it has been in the background for the grace.
Item {
    id: root
    width: 412
    height: 915

    AppShell {
        id: shell
        anchors.fill: parent
        app: core.app
    }

    SignalSpy {
        id: backgroundLocks
        target: core.app
        signalName: "lockedInBackground"
    }

    TestCase {
        name: "Privacy"
        when: windowShown

        function settle() {
            if (shell.stack)
                tryCompare(shell.stack, "busy", false)
            waitForRendering(shell)
        }
        // Editable text fields under `item` (visual children, and the content of any popup
        // declared there), whether shown now or not.
        function textFields(item, found) {
            if (!item)
                return found
            // (A choice list's text is not typed into.)
            const choiceList = item.parent && item.parent.hasOwnProperty("editable")
                               && item.parent.hasOwnProperty("currentIndex") && !item.parent.editable
            if (item.hasOwnProperty("inputMethodHints") && item.hasOwnProperty("cursorPosition")
                    && !item.readOnly && !choiceList)
                found.push(item)
            const kids = item.data !== undefined ? item.data : item.children
            for (let i = 0; i < kids.length; ++i) {
                const k = kids[i]
                if (k.hasOwnProperty("contentItem") && k.hasOwnProperty("opened"))
                    textFields(k.contentItem, found)  // a Popup: its content
                else if (k.hasOwnProperty("children"))
                    textFields(k, found)
            }
            return found
        }
        function name(field) {
            return field.objectName !== "" ? field.objectName : field.Accessible.name
        }
        // Every editable field of the current screen is sensitive and without prediction;
        // returns how many there were.
        function checkHints(what) {
            settle()
            const fields = textFields(shell.stack.currentItem, [])
            const wrong = []
            for (const f of fields) {
                if (!(f.inputMethodHints & Qt.ImhSensitiveData)
                        || !(f.inputMethodHints & Qt.ImhNoPredictiveText))
                    wrong.push(name(f) !== "" ? name(f) : String(f))
            }
            verify(wrong.length === 0, what + ": the keyboard may learn from " + wrong.join(", "))
            return fields.length
        }

        function initTestCase() {
            core.app.coverEnabled = false
            core.app.start()
            tryCompare(core.app, "state", AppController.FirstRun)
            core.app.createPin("24681357", "24681357")
            tryCompare(core.app, "state", AppController.Unlocked, 20000)
            core.app.acknowledgeSetup()
            tryVerify(function() { return core.app.sessions.count > 0 })
        }

        function test_1_caseDataFieldsKeepTheKeyboardFromLearning() {
            shell.openSession(0)
            tryVerify(function() { return core.app.roster.count > 0 })
            shell.openRecord(core.app.roster.unrecordedAppointments()[0])
            tryCompare(core.app.record, "loaded", true)
            // Times, work, feedback, the alert reason and the case note.
            verify(checkHints("record") >= 8, "the record form has its fields")
            shell.goBack()
            settle()
            shell.openFastPath()
            verify(checkHints("everyone attended") >= 3, "the group form has its fields")
            shell.goBack()
            shell.goBack()
            settle()

            core.app.inbox.reload()
            core.app.caseload.reload()
            tryVerify(function() { return core.app.caseload.count > 0 })
            shell.openCaseload(1)
            verify(checkHints("caseload") >= 1, "the caseload has its search")
            shell.openPerson(core.app.caseload.data(core.app.caseload.index(0, 0),
                                                    CaseloadModel.PersonIdRole))
            tryVerify(function() { return core.app.person.personId !== "" && !core.app.person.busy })
            settle()
            shell.stack.currentItem.openDecision(core.app.person.timeline[0].appointmentId, "", "")
            tryCompare(findChild(shell, "decisionDialog"), "opened", true)
            verify(checkHints("decision") >= 1, "the decision has its reason")
            findChild(shell, "decisionDialog").close()
            shell.goBack()
            shell.goBack()
            settle()
            shell.openSignInAgain()
            verify(checkHints("sign in again") >= 1, "the password field is there")
            shell.goBack()
            settle()
        }

        function test_2_theCoverHidesOpenMenusToo() {
            core.app.coverEnabled = true
            core.app.backgroundLockSeconds = 60
            shell.openMenu()
            const menu = findChild(shell.stack.currentItem, "appMenu")
            tryCompare(menu, "opened", true)
            const cover = findChild(shell.Window.window.contentItem, "privacyCover")
            verify(cover !== null)
            verify(!cover.visible)
            core.app.setApplicationActive(false)
            verify(core.app.covered)
            verify(cover.visible)
            waitForRendering(shell)
            // A corner of the open menu shows the cover's colour, not the menu.
            const image = grabImage(shell.Window.window.contentItem)
            const p = menu.contentItem.mapToItem(shell.Window.window.contentItem, 4, 4)
            verify(Qt.colorEqual(image.pixel(Math.round(p.x), Math.round(p.y)), Theme.primary),
                   "the menu shows above the cover: " + image.pixel(Math.round(p.x), Math.round(p.y)))
            core.app.setApplicationActive(true)
            verify(!cover.visible)
            shell.closeMenu()
        }

        function test_3_locksAfterTheGraceInTheBackground() {
            core.app.coverEnabled = true
            core.app.backgroundLockSeconds = 5
            backgroundLocks.clear()
            // Back within the grace: still open.
            core.app.setApplicationActive(false)
            core.advanceClock(4000)
            core.app.setApplicationActive(true)
            compare(core.app.state, AppController.Unlocked)
            // Suspended past the grace (no timer ran): locked the moment it comes back.
            core.app.setApplicationActive(false)
            core.advanceClock(5000)
            core.app.setApplicationActive(true)
            compare(core.app.state, AppController.Locked)
            compare(backgroundLocks.count, 1)
            compare(core.app.sessions.count, 0)
            core.app.unlock("24681357")
            tryCompare(core.app, "state", AppController.Unlocked, 20000)
            // Still running in the background: the timer locks it.
            core.app.backgroundLockSeconds = 1
            core.app.setApplicationActive(false)
            tryCompare(core.app, "state", AppController.Locked, 5000)
            compare(backgroundLocks.count, 2)
            core.app.setApplicationActive(true)
        }
    }
}
