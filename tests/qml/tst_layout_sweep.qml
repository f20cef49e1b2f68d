import QtQuick
import QtQuick.Controls
import QtTest
import Sitebook
import Sitebook.Screens

// What a person sees, on every screen with data: each screen is rendered at phone (360 x 640,
// 412 x 915) and tablet (1280 x 800) size, at text size 100 %, 150 % and 200 %, in English and
// in Welsh (switched at runtime as the menu does it), and fails where any visible text
//   - has no room (a zero width or height) or needs more room than its box gives it,
//   - is cut short ("…"), or breaks a word in the middle because the word cannot fit,
//   - is painted outside the window or outside an ancestor that clips it (a list, a page),
//   - overlaps another visible text,
//   - on a Welsh screen, still contains an English text that has a Welsh translation.
// User data (names, places, the server's messages) is shown as plain text
// (`textFormat: Text.PlainText`) and is not expected to be translated.
Item {
    id: root
    width: 412
    height: 915

    AppShell {
        id: shell
        anchors.fill: parent
        app: core.app
    }

    TextMetrics { id: metrics }

    TestCase {
        id: test
        name: "LayoutSweep"
        when: windowShown

        readonly property var sizes: [[360, 640], [412, 915], [1280, 800]]
        readonly property var scales: [1, 1.5, 2]
        readonly property var languages: ["en", "cy"]
        // English fragments that must not show on a Welsh screen: the source texts that have
        // a different Welsh translation, cut at their placeholders; a fragment of one word
        // counts only when it is the whole text.
        property var wholeSources: ({})
        property var fragments: []
        property var failed: []
        property int failedCount: 0
        property var failedPending: ({})
        property var sweptOwners: ({})
        // Screen parts with known problems, each rewritten on its own; their problems are
        // listed and checked as expected failures until each is fixed.
        readonly property var pending: ({
        })

        function initTestCase() {
            core.app.coverEnabled = false
            const sources = core.translatedSources()
            verify(sources.length > 100, "the Welsh translations were not found")
            const whole = {}
            const parts = []
            for (const s of sources) {
                const pieces = s.split(/%L?[0-9]|%n/)
                if (pieces.length === 1)
                    whole[s.trim()] = true
                for (const p of pieces) {
                    const t = p.trim()
                    if ((t.match(/[A-Za-z]{2,}/g) || []).length >= 2)
                        parts.push(t)
                }
            }
            wholeSources = whole
            fragments = parts
            core.app.start()
            tryCompare(core.app, "state", AppController.FirstRun)
        }
        function cleanupTestCase() {
            core.app.language = "en"
            core.app.fontScale = 1
            root.width = 412
            root.height = 915
        }

        // --- what is on screen

        function isText(item) {
            return item.hasOwnProperty("elide") && item.hasOwnProperty("wrapMode")
                   && item.hasOwnProperty("contentWidth") && item.hasOwnProperty("text")
                   && item.hasOwnProperty("truncated")
        }
        function shown(item) {
            for (let i = item; i; i = i.parent) {
                if (!i.visible || i.opacity === 0)
                    return false
            }
            return true
        }
        function isFlickable(item) {
            return item.hasOwnProperty("contentY") && item.hasOwnProperty("flickableDirection")
        }
        function describe(item) {
            const t = String(item.text).replace(/\s+/g, " ")
            return (item.objectName !== "" ? item.objectName + " " : "")
                    + "“" + (t.length > 60 ? t.substring(0, 57) + "…" : t) + "”"
        }
        // The painted text of `item` in window coordinates: x, y, w, h.
        function paintedRect(item) {
            const lp = item.leftPadding, rp = item.rightPadding
            const tp = item.topPadding, bp = item.bottomPadding
            const availW = item.width - lp - rp
            const availH = item.height - tp - bp
            let x = lp
            const align = item.effectiveHorizontalAlignment
            if (align === Text.AlignRight)
                x = lp + availW - item.contentWidth
            else if (align === Text.AlignHCenter)
                x = lp + (availW - item.contentWidth) / 2
            let y = tp
            if (item.verticalAlignment === Text.AlignBottom)
                y = tp + availH - item.contentHeight
            else if (item.verticalAlignment === Text.AlignVCenter)
                y = tp + (availH - item.contentHeight) / 2
            const p = item.mapToItem(root, x, y)
            return { x: p.x, y: p.y, w: item.contentWidth, h: item.contentHeight }
        }
        function collect(item, out) {
            if (!item || !item.visible)
                return out
            if (isText(item) && item.text !== "" && shown(item))
                out.push(item)
            for (let i = 0; i < item.children.length; ++i)
                collect(item.children[i], out)
            return out
        }
        // The screen part an item belongs to, for the parts whose known problems are listed in
        // `pending` below; "" for every other part.
        function ownerOf(item) {
            for (let i = item; i; i = i.parent) {
                if (i.objectName === "statusStrip")
                    return "StatusStrip"
                if (i instanceof RecordPage)
                    return "RecordPage"
                if (i instanceof FastPathPage)
                    return "FastPathPage"
                if (i instanceof PersonPage)
                    return "PersonPage"
                if (i instanceof AttentionPage)
                    return "AttentionPage"
                if (i instanceof SignInPage)
                    return "SignInPage"
                if (i instanceof SignInAgainPage)
                    return "SignInAgainPage"
            }
            return ""
        }
        // The popup (dialog, menu) an item is shown in, or null for the page itself.
        function popupOf(item) {
            let last = item
            for (let i = item.parent; i; i = i.parent) {
                if (i === Overlay.overlay)
                    return last
                last = i
            }
            return null
        }
        // The widest word of a wrapped text that is wider than the line it has.
        function brokenWord(item) {
            if (item.wrapMode === Text.NoWrap || item.lineCount < 2)
                return ""
            const avail = item.width - item.leftPadding - item.rightPadding
            metrics.font = item.font
            for (const word of String(item.text).split(/\s+/)) {
                if (word.length < 2)
                    continue
                metrics.text = word
                if (metrics.advanceWidth > avail + 1)
                    return word
            }
            return ""
        }
        function untranslated(item) {
            if (item.textFormat === Text.PlainText)
                return ""
            const text = String(item.text).replace(/^[^A-Za-z]+|[^A-Za-z)]+$/g, "")
            if (wholeSources[text])
                return text
            for (const f of fragments) {
                const at = text.indexOf(f)
                if (at < 0)
                    continue
                const before = at === 0 ? "" : text.charAt(at - 1)
                const after = text.charAt(at + f.length)
                if (!/[A-Za-z]/.test(before) && !/[A-Za-z]/.test(after))
                    return f
            }
            return ""
        }
        // Every problem with the visible texts of the current screen.
        function problems(checkLanguage) {
            const found = []
            const items = collect(shell, [])
            collect(Overlay.overlay, items)
            const boxes = []
            for (const item of items) {
                const owner = ownerOf(item)
                if (owner !== "")
                    sweptOwners[owner] = true
                const what = describe(item)
                const availW = item.width - item.leftPadding - item.rightPadding
                const availH = item.height - item.topPadding - item.bottomPadding
                if (item.width < 1 || item.height < 1) {
                    found.push(ownerOf(item) + "\t" + what + " has no room (" + Math.round(item.width) + "x"
                               + Math.round(item.height) + ")")
                    continue
                }
                if (item.truncated)
                    found.push(ownerOf(item) + "\t" + what + " is cut short")
                else if (item.contentWidth > availW + 1)
                    found.push(ownerOf(item) + "\t" + what + " needs " + Math.ceil(item.contentWidth) + " px of width, has "
                               + Math.floor(availW))
                else if (item.contentHeight > availH + 1)
                    found.push(ownerOf(item) + "\t" + what + " needs " + Math.ceil(item.contentHeight)
                               + " px of height, has " + Math.floor(availH))
                const word = brokenWord(item)
                if (word !== "")
                    found.push(ownerOf(item) + "\t" + what + " breaks “" + word + "” in the middle")
                let r = paintedRect(item)
                if (r.x < -1 || r.x + r.w > root.width + 1)
                    found.push(ownerOf(item) + "\t" + what + " runs off the side of the screen (x " + Math.round(r.x)
                               + " to " + Math.round(r.x + r.w) + ")")
                // Clipping ancestors: a list or page may scroll vertically, never sideways.
                let onScreen = true
                let scrolls = false
                for (let a = item.parent; a && onScreen; a = a.parent) {
                    if (isFlickable(a))
                        scrolls = true
                    if (!a.clip)
                        continue
                    const c = a.mapToItem(root, 0, 0)
                    if (r.x < c.x - 1 || r.x + r.w > c.x + a.width + 1)
                        found.push(ownerOf(item) + "\t" + what + " is cut off at the side of its "
                                   + (a.objectName !== "" ? a.objectName : "container"))
                    if (r.y + r.h <= c.y || r.y >= c.y + a.height) {
                        onScreen = isFlickable(a) ? false : onScreen
                        if (!isFlickable(a))
                            found.push(ownerOf(item) + "\t" + what + " is hidden by its container")
                    } else if (!isFlickable(a) && (r.y < c.y - 1 || r.y + r.h > c.y + a.height + 1)) {
                        found.push(ownerOf(item) + "\t" + what + " is cut off at the top or bottom of its container")
                    }
                    // What is left visible of the text.
                    const top = Math.max(r.y, c.y), bottom = Math.min(r.y + r.h, c.y + a.height)
                    r = { x: r.x, y: top, w: r.w, h: Math.max(0, bottom - top) }
                }
                if (!onScreen)
                    continue
                if (!scrolls && r.y + r.h > root.height + 1)
                    found.push(ownerOf(item) + "\t" + what + " is below the bottom of the screen and nothing scrolls to it")
                if (checkLanguage) {
                    const english = untranslated(item)
                    if (english !== "")
                        found.push(ownerOf(item) + "\t" + what + " is not in Welsh (“" + english + "”)")
                }
                boxes.push({ item: item, r: r, what: what, layer: popupOf(item) })
            }
            for (let i = 0; i < boxes.length; ++i) {
                for (let j = i + 1; j < boxes.length; ++j) {
                    // A popup covers what is below it.
                    if (boxes[i].layer !== boxes[j].layer)
                        continue
                    const a = boxes[i].r, b = boxes[j].r
                    const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)
                    const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y)
                    if (w > 2 && h > 2)
                        found.push(ownerOf(boxes[i].item) + "\t" + boxes[i].what + " overlaps " + boxes[j].what)
                }
            }
            return found
        }

        // --- driving the screens

        function loading() {
            const a = core.app
            return a.sessions.loading || a.roster.loading || a.caseload.loading || a.person.busy
        }
        function settle() {
            if (shell.stack)
                tryCompare(shell.stack, "busy", false)
            tryVerify(function() { return !loading() }, 10000)
            // Frames until nothing changes: text that wraps differently changes the implicit
            // sizes its layout was polished with, which asks for another polish and frame.
            for (let i = 0; i < 10 && waitForRendering(shell, 60); ++i) {}
        }
        // Every size, text size and language for a screen. `open` (optional) goes from the home
        // screen to it and `close` back, so the language is switched where the menu is; without
        // them the language is switched on the screen itself. `prepare` (optional) runs after
        // each change, e.g. to open a menu.
        function sweep(what, prepare, open, close) {
            const all = {}
            let count = 0
            for (const language of languages) {
                if (open && language !== languages[0])
                    close()
                core.app.language = language
                if (open && language !== languages[0]) {
                    settle()
                    open()
                }
                for (const scale of scales) {
                    core.app.fontScale = scale
                    for (const size of sizes) {
                        root.width = size[0]
                        root.height = size[1]
                        settle()
                        if (prepare)
                            prepare()
                        const where = language + " " + size[0] + "x" + size[1] + " "
                                    + Math.round(scale * 100) + "%"
                        for (const p of problems(language === "cy" && scale === 1)) {
                            if (!all[p]) {
                                all[p] = []
                                ++count
                            }
                            all[p].push(where)
                        }
                    }
                }
            }
            if (open)
                close()
            core.app.language = "en"
            core.app.fontScale = 1
            root.width = 412
            root.height = 915
            settle()
            const lines = []
            for (const p in all)
                lines.push(p + " [" + all[p].join(", ") + "]")
            // One line each, so that a long list is not cut short in the test log.
            for (const line of lines) {
                const owner = line.split("\t")[0]
                console.warn(what + ": " + (owner !== "" ? "(" + owner + ") " : "")
                             + line.split("\t")[1])
                if (pending[owner])
                    failedPending[owner] = true
                else
                    ++failedCount
            }
            if (failedCount > 0)
                failed.push(what)
        }
        // The screens swept since the last call have no problems (they are listed above). The
        // parts in `pending` are checked too, as expected failures: once one of them passes,
        // the test says so, and its line comes out of `pending`.
        function verifySwept() {
            const screens = failed
            const others = Object.keys(failedPending)
            const swept = sweptOwners
            failed = []
            failedCount = 0
            failedPending = {}
            sweptOwners = {}
            for (const owner in pending) {
                if (!swept[owner])
                    continue
                expectFailContinue("", owner + ": " + pending[owner])
                verify(others.indexOf(owner) < 0, owner + " has problems, listed above")
            }
            verify(screens.length === 0, screens.join("; ") + ": problems listed above")
        }

        function test_01_signIn() {
            core.setUseServer(true)
            tryVerify(function() { return core.app.needsSignIn })
            sweep("sign in")
            verifySwept()
        }
        function test_02_firstRun() {
            core.setUseServer(false)
            tryVerify(function() { return !core.app.needsSignIn })
            sweep("first run")
            verifySwept()
        }
        function test_03_setUpAndUnlock() {
            core.app.createPin("24681357", "24681357")
            tryCompare(core.app, "state", AppController.Unlocked, 20000)
            sweep("set-up notice")
            core.app.acknowledgeSetup()
            core.app.lock()
            tryCompare(core.app, "state", AppController.Locked)
            sweep("unlock")
            core.app.unlock("24681357")
            tryCompare(core.app, "state", AppController.Unlocked, 20000)
            verifySwept()
        }
        function test_04_sessionsAndMenu() {
            tryVerify(function() { return core.app.sessions.count > 0 })
            sweep("sessions")
            const page = shell.stack.currentItem
            sweep("sessions menu", function() {
                page.menu.open()
                tryCompare(page.menu, "opened", true)
            })
            page.menu.close()
            tryCompare(page.menu, "visible", false)
            verifySwept()
        }
        function openRoster() {
            shell.openSession(0)
            tryVerify(function() { return core.app.roster.count > 0 && !core.app.roster.loading })
        }
        function openRecordForm() {
            openRoster()
            shell.openRecord(core.app.roster.unrecordedAppointments()[0])
            tryCompare(core.app.record, "loaded", true)
        }
        function backHome() {
            while (shell.stack.depth > 1) {
                shell.goBack()
                tryCompare(shell.stack, "busy", false)
            }
        }
        function test_05_roster() {
            openRoster()
            sweep("roster", null, openRoster, backHome)
            verifySwept()
        }
        function test_06_record() {
            openRecordForm()
            sweep("record", null, openRecordForm, backHome)
            verifySwept()
        }
        function test_07_everyoneAttended() {
            const open = function() {
                openRoster()
                shell.openFastPath()
            }
            open()
            sweep("everyone attended", null, open, backHome)
            verifySwept()
        }
        function test_08_officerInboxAndMenu() {
            core.app.inbox.reload()
            core.app.caseload.reload()
            tryVerify(function() { return core.app.inbox.count > 0 && core.app.caseload.count > 0 })
            // A supervisor's device: the officer's start page is opened over the sessions; its
            // menu switches the language on the page itself.
            shell.openCaseload(0)
            sweep("officer inbox")
            const page = shell.stack.currentItem
            sweep("officer menu", function() {
                page.menu.open()
                tryCompare(page.menu, "opened", true)
            })
            page.menu.close()
            tryCompare(page.menu, "visible", false)
            verifySwept()
        }
        function test_09_caseload() {
            shell.openCaseload(1)
            sweep("caseload")
            // On a tablet, the first person beside the list.
            const page = shell.stack.currentItem
            const first = core.app.caseload.data(core.app.caseload.index(0, 0),
                                                 CaseloadModel.PersonIdRole)
            sweep("caseload beside a person", function() {
                if (page.wide && page.selectedPerson === "") {
                    page.choose(first)
                    settle()
                }
            })
            page.closePerson()
            backHome()
            verifySwept()
        }
        function test_10_person() {
            const open = function() {
                core.app.caseload.reload()
                tryVerify(function() { return core.app.caseload.count > 0 })
                shell.openPerson(core.app.caseload.data(core.app.caseload.index(0, 0),
                                                        CaseloadModel.PersonIdRole))
                tryVerify(function() {
                    return core.app.person.personId !== "" && !core.app.person.busy
                })
            }
            open()
            sweep("person", null, open, backHome)
            verifySwept()
        }
        function test_11_needsAttention() {
            const open = function() { shell.openAttention() }
            open()
            sweep("needs attention", null, open, backHome)
            verifySwept()
        }
    }
}
