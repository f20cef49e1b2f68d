import QtQuick
import QtQuick.Controls
import QtTest
import Sitebook
import Sitebook.Screens

// The officer's desk and the home screens' menu, through the real shell and core: what each
// inbox row says, the caseload's search and filters, the person beside the list on a tablet,
// and the menu's text size, language (Welsh dates and words at once), and lock.
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
        name: "OfficerDesk"
        when: windowShown

        function find(name, parent) {
            const item = findChild(parent ? parent : shell, name)
            verify(item !== null, "no item named " + name)
            return item
        }
        function settle() {
            tryCompare(shell.stack, "busy", false)
            waitForRendering(shell, 1000)
        }
        // The texts of the visible labels under `item`, in order.
        function texts(item, out) {
            if (!item.visible)
                return out
            if (item.hasOwnProperty("text") && item.hasOwnProperty("wrapMode")
                    && item.hasOwnProperty("elide") && item.text !== "")
                out.push(String(item.text))
            for (let i = 0; i < item.children.length; ++i)
                texts(item.children[i], out)
            return out
        }

        function initTestCase() {
            core.app.coverEnabled = false
            core.app.language = "en"
            core.app.start()
            tryCompare(core.app, "state", AppController.FirstRun)
            core.app.createPin("24681357", "24681357")
            tryCompare(core.app, "state", AppController.Unlocked, 20000)
            core.app.acknowledgeSetup()
        }
        function cleanupTestCase() {
            core.app.language = "en"
            core.app.fontScale = 1
        }

        function test_1_inboxRowsSayWhatHappenedAndWhen() {
            core.app.inbox.reload()
            core.app.caseload.reload()
            tryCompare(core.app.inbox, "count", 3)
            tryCompare(core.app.caseload, "totalCount", 3)
            shell.openCaseload(0)
            settle()
            // The fixture's items: a review whose date passed on 3 January, then the others.
            const first = texts(find("inboxItem_0"), [])
            compare(first[1], "Review due")
            compare(first[2], "Price, Sam · X100101")
            compare(first[3], "The six-month progress review is due.")
            compare(first[4], "⚠ Respond by 3 January 2026 (passed)")
            const second = texts(find("inboxItem_1"), [])
            compare(second[1], "Enforcement decision due")
            compare(second[4], "◷ Respond by 6 January 2026")
            // The server's message, with its date in words rather than 2025-12-30.
            verify(second[3].indexOf("on 30 December 2025") >= 0, second[3])
            verify(!/[0-9]{4}-[0-9]{2}-[0-9]{2}/.test(second[3]), second[3])
            // Every line has room and wraps within the row.
            for (const name of ["itemKind", "itemPerson", "itemMessage", "itemDue"]) {
                const label = find(name, find("inboxItem_1"))
                verify(label.width > 100, name + " has " + label.width + " px")
                verify(!label.truncated, name + " is cut short")
            }
        }

        function test_2_caseloadSearchAndFilters() {
            shell.openCaseload(1)
            settle()
            const list = find("caseloadList")
            tryCompare(list, "count", 3)
            const search = find("caseloadSearch")
            search.forceActiveFocus()
            keyClick(Qt.Key_E)
            keyClick(Qt.Key_L)
            keyClick(Qt.Key_L)
            keyClick(Qt.Key_I)
            tryCompare(list, "count", 1)
            compare(core.app.caseload.data(core.app.caseload.index(0, 0), CaseloadModel.NameRole),
                    "Ellis, Sam")
            search.text = ""
            core.app.caseload.search = "x100107"  // a CRN, in any case
            tryCompare(list, "count", 1)
            compare(core.app.caseload.data(core.app.caseload.index(0, 0), CaseloadModel.CrnRole),
                    "X100107")
            core.app.caseload.search = ""
            tryCompare(list, "count", 3)

            // Overdue items: the person whose review date has passed.
            compare(core.app.caseload.overdueCount, 1)
            mouseClick(find("filterOverdue"))
            tryCompare(core.app.caseload, "filter", "overdue")
            tryCompare(list, "count", 1)
            compare(core.app.caseload.data(core.app.caseload.index(0, 0), CaseloadModel.NameRole),
                    "Price, Sam")
            // Nobody alerted the officer: an empty list says why and what to do.
            mouseClick(find("filterAlerts"))
            tryCompare(list, "count", 0)
            verify(texts(list, []).indexOf(
                       "Nobody in your caseload matches. Clear the search or choose Everyone.") >= 0)
            mouseClick(find("filterAll"))
            tryCompare(list, "count", 3)
            compare(find("caseloadTab").text, "Caseload (3)")
        }

        function test_3_personBesideTheListOnATablet() {
            root.width = 1280
            root.height = 800
            settle()
            const page = shell.stack.currentItem
            tryCompare(page, "wide", true)
            mouseClick(find("caseloadPerson_0"))
            tryCompare(page, "selectedPerson", core.app.caseload.data(core.app.caseload.index(0, 0),
                                                                      CaseloadModel.PersonIdRole))
            // The person's page is beside the list, not over it.
            tryVerify(function() { return core.app.person.personId !== "" && !core.app.person.busy })
            verify(shell.stack.currentItem === page)
            const pane = find("personPane")
            verify(pane.item !== null && pane.item.visible)
            verify(pane.x >= page.listWidth)
            verify(find("caseloadList").visible)
            // Narrow again: one pane, and a choice opens the person's page over the list.
            root.width = 412
            root.height = 915
            settle()
            tryCompare(page, "wide", false)
            compare(page.selectedPerson, "")
            mouseClick(find("caseloadPerson_0"))
            tryVerify(function() { return shell.stack.currentItem instanceof PersonPage })
            shell.goBack()
            settle()
        }

        function test_4_menuTextSizeLanguageAndLock() {
            shell.goBack()  // the supervisor's sessions, the other home screen
            settle()
            const sessions = shell.stack.currentItem
            verify(sessions instanceof SessionsPage)
            compare(find("dateLabel").text, "Monday 5 January 2026")
            sessions.menu.open()
            tryCompare(sessions.menu, "opened", true)
            // No sign-in on this device, and no sign-out in this build unless the app has it.
            compare(find("signedInAs", sessions.menu.contentItem).text,
                    "Not signed in: the data is on this phone only")
            compare(find("signOutItem", sessions.menu.contentItem).visible,
                    typeof core.app.signOut === "function")

            mouseClick(find("textSize200", sessions.menu.contentItem))
            tryCompare(core.app, "fontScale", 2)
            compare(Theme.fontScale, 2)
            // The menu grows with the text: every entry keeps its words whole.
            for (const name of ["textSize100", "language_cy", "lockNowItem"]) {
                const entry = find(name, sessions.menu.contentItem)
                tryVerify(function() { return entry.height >= Theme.touch },
                          1000, name + " is " + entry.height + " px high")
                verify(entry.width <= root.width, name + " is wider than the screen")
            }
            mouseClick(find("textSize100", sessions.menu.contentItem))
            tryCompare(core.app, "fontScale", 1)

            // Cymraeg: the page, the date and the models' words change at once.
            mouseClick(find("language_cy", sessions.menu.contentItem))
            tryCompare(core.app, "language", "cy")
            tryCompare(find("dateLabel"), "text", "Dydd Llun 5 Ionawr 2026")
            compare(find("signedInAs", sessions.menu.contentItem).text,
                    "Heb fewngofnodi: mae'r data ar y ffôn hwn yn unig")
            compare(find("lockNowItem", sessions.menu.contentItem).text, "Cloi nawr")
            sessions.menu.close()
            tryCompare(sessions.menu, "visible", false)
            shell.openCaseload(0)
            settle()
            tryVerify(function() {
                return texts(find("inboxItem_0"), []).indexOf(
                           "⚠ Ymateb erbyn 3 Ionawr 2026 (wedi mynd heibio)") >= 0
            })
            shell.goBack()
            settle()
            // The protection sentence in plain words, in the language in force.
            compare(core.app.protectionSentence,
                    "Wedi'i ddiogelu gan eich PIN yn unig: does gan y ffôn hwn ddim storfa allweddi ddiogel, felly dewiswch PIN hirach.")
            core.app.language = "en"
            compare(core.app.protectionSentence,
                    "Protected by your PIN only: this phone has no secure key store, so choose a longer PIN.")

            // Lock now.
            sessions.menu.open()
            tryCompare(sessions.menu, "opened", true)
            mouseClick(find("lockNowItem", sessions.menu.contentItem))
            tryCompare(core.app, "state", AppController.Locked)
            compare(find("protectionText").text, core.app.protectionSentence)
        }
    }
}
