import QtQuick
import QtQuick.Controls
import QtTest
import Sitebook
import Sitebook.Screens

// Text at 200 %: every main screen, phone-sized, with the largest text size. No text runs past
// its own box or the screen's edge (elided text ends in "…" on purpose and is allowed), and
// each screen's main actions stay on screen or within a page that scrolls to them.
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
        name: "TextScale"
        when: windowShown

        function find(name, parent) {
            const item = findChild(parent ? parent : shell, name)
            verify(item !== null, "no item named " + name)
            return item
        }
        function settle() {
            if (shell.stack)
                tryCompare(shell.stack, "busy", false)
            waitForRendering(shell)
        }
        function isText(item) {
            return item.hasOwnProperty("elide") && item.hasOwnProperty("wrapMode")
                   && item.hasOwnProperty("contentWidth") && item.hasOwnProperty("text")
        }
        function shown(item) {
            for (let i = item; i && i !== root; i = i.parent) {
                if (!i.visible || i.opacity === 0)
                    return false
            }
            return true
        }
        // The Flickable (other than a ListView's own scrolling) that lets `item` be reached.
        function scroller(item) {
            for (let i = item.parent; i && i !== root; i = i.parent) {
                if (i.hasOwnProperty("contentHeight") && i.hasOwnProperty("flickableDirection")
                        && i.contentHeight > i.height + 1)
                    return i
            }
            return null
        }
        function describe(item) {
            return (item.objectName !== "" ? item.objectName + " " : "") + "“" + item.text + "”"
        }
        // Every visible text under `item` that overflows its box or the screen horizontally.
        function overflowing(item, found) {
            if (!item.visible)
                return found
            if (isText(item) && item.text !== "" && item.width > 0 && shown(item)) {
                const p = item.mapToItem(root, 0, 0)
                if (item.elide === Text.ElideNone && item.contentWidth > item.width + 1)
                    found.push(describe(item) + " needs " + Math.ceil(item.contentWidth)
                               + " px in " + Math.floor(item.width))
                else if (p.x < -1 || p.x + Math.min(item.width, item.contentWidth) > root.width + 1)
                    found.push(describe(item) + " runs off the screen at x=" + Math.round(p.x) + " w=" + Math.round(item.width) + " cw=" + Math.round(item.contentWidth) + " pw=" + Math.round(item.parent.width))
            }
            for (let i = 0; i < item.children.length; ++i)
                overflowing(item.children[i], found)
            return found
        }
        function checkScreen(what) {
            settle()
            const problems = overflowing(shell, [])
            verify(problems.length === 0, what + ": " + problems.join("; "))
        }
        // A main action: shown, inside the screen horizontally, and on screen vertically or in a
        // page that scrolls to it.
        function checkAction(name) {
            const item = find(name)
            verify(shown(item), name + " is hidden")
            const p = item.mapToItem(root, 0, 0)
            verify(p.x >= -1 && p.x + item.width <= root.width + 1,
                   name + " is off the screen horizontally")
            const onScreen = p.y >= -1 && p.y + item.height <= root.height + 1
            verify(onScreen || scroller(item) !== null, name + " cannot be reached")
        }

        function initTestCase() {
            core.app.coverEnabled = false
            core.app.fontScale = 2
            compare(Theme.fontScale, 2)
            core.app.start()
            tryCompare(core.app, "state", AppController.FirstRun)
        }

        function test_1_pinScreens() {
            checkScreen("first run")
            checkAction("createPinButton")
            core.app.createPin("24681357", "24681357")
            tryCompare(core.app, "state", AppController.Unlocked, 20000)
            checkScreen("set-up notice")
            core.app.acknowledgeSetup()
            core.app.lock()
            tryCompare(core.app, "state", AppController.Locked)
            checkScreen("unlock")
            checkAction("unlockButton")
            core.app.unlock("24681357")
            tryCompare(core.app, "state", AppController.Unlocked, 20000)
        }

        function test_2_supervisorScreens() {
            tryVerify(function() { return core.app.sessions.count > 0 })
            checkScreen("sessions")
            checkAction("session_0")
            shell.openSession(0)
            tryVerify(function() { return core.app.roster.count > 0 })
            checkScreen("roster")
            checkAction("fastPathButton")
            shell.openRecord(core.app.roster.unrecordedAppointments()[0])
            tryCompare(core.app.record, "loaded", true)
            checkScreen("record")
            checkAction("saveButton")
            shell.goBack()
            settle()
            shell.openFastPath()
            checkScreen("everyone attended")
            checkAction("fastPathSaveButton")
            shell.goBack()
            shell.goBack()
            settle()
        }

        function test_3_officerAndAttentionScreens() {
            core.app.inbox.reload()
            core.app.caseload.reload()
            tryVerify(function() { return core.app.inbox.count > 0 && core.app.caseload.count > 0 })
            shell.openCaseload(0)
            checkScreen("officer inbox")
            shell.openCaseload(1)
            checkScreen("officer caseload")
            shell.openPerson(core.app.caseload.data(core.app.caseload.index(0, 0),
                                                    CaseloadModel.PersonIdRole))
            tryVerify(function() { return core.app.person.personId !== "" && !core.app.person.busy })
            checkScreen("person")
            shell.goBack()
            shell.goBack()
            settle()
            shell.openAttention()
            checkScreen("needs attention")
            shell.goBack()
            settle()
        }
    }
}
