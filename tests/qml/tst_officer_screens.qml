import QtQuick
import QtTest
import Sitebook
import Sitebook.Screens

// The officer's screens through the real shell: the inbox and caseload tabs from downloaded
// progress and items, a person's page from an inbox item, and the needs-attention page.
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
        name: "OfficerScreens"
        when: windowShown

        function find(name, parent) {
            const item = findChild(parent ? parent : shell, name)
            verify(item !== null, "no item named " + name)
            return item
        }
        function settle() {
            tryCompare(find("stack"), "busy", false)
            waitForRendering(shell)
        }

        function initTestCase() {
            core.app.coverEnabled = false
            core.app.start()
            tryCompare(core.app, "state", AppController.FirstRun)
            core.app.createPin("24681357", "24681357")
            tryCompare(core.app, "state", AppController.Unlocked, 20000)
            core.app.acknowledgeSetup()
        }

        function test_1_inboxAndCaseload() {
            core.app.inbox.reload()
            core.app.caseload.reload()
            tryCompare(core.app.inbox, "count", 3)
            tryCompare(core.app.caseload, "count", 3)
            shell.openCaseload(0)
            settle()
            const inbox = find("inboxList")
            tryCompare(inbox, "count", 3)
            compare(find("officerTabs").currentIndex, 0)
            shell.openCaseload(1)
            settle()
            tryCompare(find("caseloadList"), "count", 3)
            compare(find("syncState").text, "Demonstration data: not synced")
        }

        function test_2_personFromAnInboxItem() {
            shell.openCaseload(0)
            settle()
            const inbox = find("inboxList")
            tryVerify(function() { return inbox.itemAtIndex(0) !== null })
            waitForRendering(shell)
            mouseClick(inbox.itemAtIndex(0))
            tryVerify(function() { return core.app.person.personId !== "" && !core.app.person.busy })
            settle()
            verify(find("creditChart").visible)
            compare(core.app.person.items.length, 1)
            shell.goBack()
            settle()
        }

        function test_3_needsAttentionIsEmpty() {
            shell.openAttention()
            settle()
            tryCompare(find("attentionList"), "count", 0)
            verify(!find("attentionButton").visible)
            shell.goBack()
            settle()
        }
    }
}
