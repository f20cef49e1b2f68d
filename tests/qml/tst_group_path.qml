import QtQuick
import QtTest
import Sitebook
import Sitebook.Screens

// The group path through the real screens, typed and tapped as a supervisor would: before the
// session starts the page refuses with the server's words and saves nothing; once it has
// started, the work the group did is entered once, each person gets a line (one with their own
// arrival time), a wrong time is refused naming the person, and Save records the whole group.
// Taps and keystrokes are counted as the test makes them (see docs/APP.md).
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
        name: "GroupPath"
        when: windowShown

        property int taps: 0
        property int keys: 0

        function find(name, parent) {
            const item = findChild(parent ? parent : shell, name)
            verify(item !== null, "no item named " + name)
            return item
        }
        function fast() { return core.app.fastPath }
        function settle() {
            tryCompare(find("stack"), "busy", false)
        }
        function tap(item) {
            tryVerify(function() { return item.width > 0 && item.enabled && item.visible })
            mouseClick(item)
            taps += 1
        }
        // Types as a keyboard does, one key at a time, into the focused field.
        function keyClicks(text) {
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
        }
        function type(item, text) {
            tap(item)
            tryVerify(function() { return item.activeFocus })
            keyClicks(text)
            keys += text.length
            compare(item.text.slice(-text.length), text)
        }
        // A choice from a drop-down list: opening it and picking count as two taps.
        function choose(item, value) {
            item.picked(value)
            taps += 2
        }
        // A person's card, scrolled into view.
        // A control on a person's card, scrolled into view once its card is laid out.
        function card(name, row) {
            const list = find("fastPathList")
            tryVerify(function() {
                list.positionViewAtIndex(row, ListView.Contain)
                const item = findChild(list, name + row)
                if (item === null || !item.visible || item.height <= 0)
                    return false
                const top = item.mapToItem(list, 0, 0).y
                return top >= 0 && top + item.height <= list.height
            })
            return findChild(list, name + row)
        }
        function scrollToTop() {
            find("fastPathList").positionViewAtBeginning()
        }
        function openGroupPath() {
            settle()
            mouseClick(find("session_0", find("sessionList")))
            tryCompare(core.app.roster, "count", 3)
            settle()
            tap(find("fastPathButton"))
            settle()
            compare(fast().count, 3)
        }

        function initTestCase() {
            core.app.coverEnabled = false
            core.app.start()
            tryCompare(core.app, "state", AppController.FirstRun)
            find("pinField").text = "24681357"
            find("confirmField").text = "24681357"
            mouseClick(find("createPinButton"))
            tryCompare(core.app, "state", AppController.Unlocked, 20000)
            const done = find("setupDoneDialog")
            tryCompare(done, "opened", true)
            done.accept()
            tryCompare(done, "visible", false)
            tryCompare(find("sessionList"), "count", 1)
        }

        function test_1_beforeTheSessionStartsNothingIsSaved() {
            core.advanceClock(-4 * 3600 * 1000)  // 08:00; the session starts at 09:00
            openGroupPath()
            const words = "This session starts at 09:00 on 2026-01-05. "
                        + "Record the outcome once the session has started."
            tryCompare(find("notStartedError"), "visible", true)
            compare(find("notStartedError").text, words)
            choose(find("groupWorkCategoryBox"), "litter_clean_up")
            type(find("groupWorkDescriptionField"), "Litter pick")
            tap(find("fastPathSaveButton"))
            tryVerify(function() { return fast().errorSummary.indexOf(words) >= 0 })
            compare(core.app.pendingCount, 0)
            compare(core.app.roster.recordedCount, 0)
            shell.goBack()  // to the roster, then the sessions
            settle()
            shell.goBack()
            settle()
            core.advanceClock(4 * 3600 * 1000)  // 12:00
        }

        function test_1b_onePersonRecordedSeparately() {
            openGroupPath()
            tap(card("changes_", 0))
            tap(card("separately_", 0))
            settle()
            tryCompare(core.app.record, "loaded", true)
            compare(core.app.record.personName, "Sam Ellis")
            shell.goBack()  // their record, unsaved: back to the group
            settle()
            compare(fast().attendingCount, 2)
            verify(!card("here_", 0).checked)
            verify(find("fastPathSaveButton").text.indexOf("2") >= 0)
            // Marked as here again with one tap.
            tap(card("here_", 0))
            compare(fast().attendingCount, 3)
            shell.goBack()
            settle()
            shell.goBack()
            settle()
        }

        function test_2_theGroupsWorkOnceAndALineEach() {
            taps = 0
            keys = 0
            openGroupPath()
            compare(find("notStartedError").visible, false)

            // Save with nothing entered: every problem at once, and nothing saved.
            mouseClick(find("fastPathSaveButton"))  // a mistake: not counted
            tryVerify(function() { return fast().errors["work.description"] !== undefined })
            compare(fast().errors["work.description"], "Describe the work the group did.")
            compare(fast().errors["work.category"], "Choose the kind of work the group did.")
            compare(core.app.pendingCount, 0)

            scrollToTop()
            choose(find("groupWorkCategoryBox"), "litter_clean_up")
            type(find("groupWorkDescriptionField"), "Litter pick along the towpath")
            type(find("groupWorkQuantityField"), "14")
            type(find("groupWorkUnitField"), "bags")
            const lines = ["Settled in well", "Kept going all day", "Helped a new starter"]
            for (let row = 0; row < 3; ++row)
                type(card("feedback_", row), lines[row])
            compare(fast().withoutFeedbackCount, 0)
            const plain = { taps: taps + 1, keys: keys }  // + Save

            // Morgan arrived late: their own time, mistyped first (the mistake is not counted).
            tap(card("changes_", 1))
            const arrival = card("arrival_", 1)
            mouseClick(arrival)
            keyClicks("9.45")
            mouseClick(find("fastPathSaveButton"))
            tryVerify(function() { return card("personError_", 1).visible })
            compare(card("personError_", 1).text,
                    "Morgan, Sam: enter the time they arrived, for example 09:30.")
            compare(core.app.pendingCount, 0)
            // Correcting it: tap the field, select what is there (a second tap), type.
            tap(arrival)
            arrival.selectAll()
            taps += 1
            keyClicks("09:45")
            keys += 5
            compare(arrival.text, "09:45")

            tap(find("fastPathSaveButton"))
            // Outcome, work and feedback for each of the three, in one go.
            tryVerify(function() { return core.app.pendingCount === 9 }, 10000, fast().errorSummary)
            tryCompare(core.app.roster, "recordedCount", 3)
            settle()
            verify(findChild(shell, "fastPathList") === null, "the page closes once saved")

            // Figures for docs/APP.md. Three people with shared work and a line each: open,
            // kind of work (2), description, amount, unit, a line each, Save.
            compare(plain.taps, 1 + 2 + 3 + 3 + 1)
            compare(plain.keys, 29 + 2 + 4 + lines.join("").length)
            console.log("group of 3 with shared work and a line each: " + plain.taps + " taps, "
                        + plain.keys + " keystrokes; with one late arrival: " + taps + " taps, "
                        + keys + " keystrokes")
        }
    }
}
