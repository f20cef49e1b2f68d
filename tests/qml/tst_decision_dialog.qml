import QtQuick
import QtQuick.Controls
import QtTest
import Sitebook
import Sitebook.Screens

// The officer's decision form on a phone (412 x 915) at 200 % text: every choice, the reasons
// for an acceptable absence and the evidence field wrap inside the dialog, and the dialog stays
// within the window (its content scrolls).
Item {
    id: root
    width: 412
    height: 915

    AppShell {
        id: shell
        anchors.fill: parent
        app: core.app
    }

    TestCase {
        name: "DecisionDialog"
        when: windowShown

        function isText(item) {
            return item.hasOwnProperty("elide") && item.hasOwnProperty("wrapMode")
                   && item.hasOwnProperty("contentWidth") && item.hasOwnProperty("text")
        }
        function shown(item, top) {
            for (let i = item; i && i !== top; i = i.parent) {
                if (!i.visible || i.opacity === 0)
                    return false
            }
            return true
        }
        // Visible texts under `item` wider than their box or than `box` (in window coordinates).
        function overflowing(item, top, box, found) {
            if (!item.visible)
                return found
            if (isText(item) && item.text !== "" && item.width > 0 && shown(item, top)) {
                const p = item.mapToItem(null, 0, 0)
                if (item.elide === Text.ElideNone && item.contentWidth > item.width + 1)
                    found.push("“" + item.text + "” needs " + Math.ceil(item.contentWidth)
                               + " px in " + Math.floor(item.width))
                else if (p.x < box.x - 1 || p.x + Math.min(item.width, item.contentWidth) > box.x + box.width + 1)
                    found.push("“" + item.text + "” runs out of the dialog")
            }
            for (let i = 0; i < item.children.length; ++i)
                overflowing(item.children[i], top, box, found)
            return found
        }

        function initTestCase() {
            core.app.coverEnabled = false
            core.app.fontScale = 2
            core.app.start()
            tryCompare(core.app, "state", AppController.FirstRun)
            core.app.createPin("24681357", "24681357")
            tryCompare(core.app, "state", AppController.Unlocked, 20000)
            core.app.acknowledgeSetup()
        }

        function test_theFormWrapsAtTwiceTheTextSize() {
            core.app.caseload.reload()
            tryVerify(function() { return core.app.caseload.count > 0 })
            shell.openPerson(core.app.caseload.data(core.app.caseload.index(0, 0),
                                                    CaseloadModel.PersonIdRole))
            tryVerify(function() { return core.app.person.personId !== "" && !core.app.person.busy })
            tryCompare(shell.stack, "busy", false)
            const page = shell.stack.currentItem
            page.openDecision(core.app.person.timeline[0].appointmentId, "", "")
            const dialog = findChild(shell, "decisionDialog")
            tryCompare(dialog, "opened", true)
            // Every choice, as for an unacceptable absence judged acceptable.
            dialog.absence = true
            findChild(shell, "acceptableChoice").checked = true
            waitForRendering(shell)
            // The dialog's layout settles over a few frames after the choice (slower on a busy
            // machine): every text must end up inside it.
            let problems = []
            tryVerify(function() {
                const box = dialog.contentItem.mapToItem(null, 0, 0)
                problems = overflowing(dialog.contentItem, dialog.contentItem,
                                       { x: box.x, width: dialog.contentItem.width }, [])
                return problems.length === 0
            }, 5000, "text runs out of the dialog at twice the text size")
            verify(problems.length === 0, problems.join("; "))
            const frame = dialog.background.mapToItem(null, 0, 0)
            verify(frame.x >= 0 && frame.x + dialog.width <= root.width, "the dialog is wider than the window")
            verify(frame.y >= 0 && frame.y + dialog.height <= root.height + 1, "the dialog is taller than the window")
            const save = findChild(shell, "saveDecisionButton")
            verify(save.visible && save.height >= Theme.touch)
            for (const name of ["decisionDayBeforeButton", "decisionDayAfterButton"])
                verify(findChild(shell, name).height >= Theme.touch, name + " is too small to touch")
            dialog.close()
        }

        // The date of the decision starts as today, in words, and can be moved to an earlier
        // day, not past today. A date before the appointment it answers is refused at once in
        // the server's words (with the dates in words), the form stays open and nothing is saved.
        function test_aDecisionDatedBeforeTheFailureIsRefused() {
            core.app.caseload.reload()
            tryVerify(function() { return core.app.caseload.count > 0 })
            shell.openPerson(core.app.caseload.data(core.app.caseload.index(0, 0),
                                                    CaseloadModel.PersonIdRole))
            tryVerify(function() { return core.app.person.personId !== "" && !core.app.person.busy })
            tryCompare(shell.stack, "busy", false)
            const page = shell.stack.currentItem
            const appointment = core.app.person.timeline[0]
            const decisionsBefore = core.app.person.decisions.length
            page.openDecision(appointment.appointmentId, "", "")
            const dialog = findChild(shell, "decisionDialog")
            tryCompare(dialog, "opened", true)
            const today = core.app.person.ukToday()
            compare(dialog.decidedOn, today)
            const dateText = findChild(shell, "decisionDateText")
            compare(dateText.text, core.app.person.dateText(today))
            verify(!/\d{4}-\d{2}-\d{2}/.test(dateText.text), "an ISO date on screen: " + dateText.text)
            const after = findChild(shell, "decisionDayAfterButton")
            verify(!after.enabled, "a decision can be dated after today")

            // The session was today: the day before is before the appointment it answers.
            mouseClick(findChild(shell, "decisionDayBeforeButton"))
            const yesterday = core.app.person.addDays(today, -1)
            compare(dialog.decidedOn, yesterday)
            compare(dateText.text, core.app.person.dateText(yesterday))
            verify(after.enabled)
            findChild(shell, "warningChoice").checked = true
            mouseClick(findChild(shell, "saveDecisionButton"))
            const error = findChild(shell, "decisionError")
            tryVerify(function() { return error.text !== "" })
            compare(error.text, "The decision date " + core.app.person.dateText(yesterday)
                    + " is before the appointment it answers, on " + appointment.dateText
                    + ". Enter the date the decision was made, on or after "
                    + appointment.dateText + ".")
            compare(core.app.person.decisionErrorField, "decided_on")
            verify(error.visible)
            verify(dialog.opened, "the form closed on a refusal")
            compare(core.app.person.decisions.length, decisionsBefore)
            compare(core.app.pendingCount, 0)

            // Back to today: the day after returns to it, and stops there.
            mouseClick(after)
            compare(dialog.decidedOn, today)
            verify(!after.enabled)
            dialog.close()
            tryCompare(dialog, "visible", false)
            shell.stack.pop()
            tryCompare(shell.stack, "busy", false)
        }
    }
}
