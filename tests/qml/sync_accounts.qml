import QtQuick
import QtTest
import Sitebook
import Sitebook.Screens

// Signing in and out on real screens against an in-process TLS sync server. The sign-in form
// is typed into key by key, as a person would: the server address then the CA file on the
// phone, the CA file then the address on the tablet; both sign in at the first attempt. The
// functions run in order against one server and one pair of cores.
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
        name: "Accounts"
        when: windowShown

        readonly property int timeout: 30000

        function find(name, parent) {
            const item = findChild(parent, name)
            verify(item !== null, "no item named " + name)
            return item
        }
        // Scrolls the page that holds `item` until it is on screen, as a thumb would.
        function reveal(item) {
            for (let p = item.parent; p; p = p.parent) {
                if (p.contentY !== undefined && p.contentItem !== undefined && p.height > 0) {
                    const pos = item.mapToItem(p.contentItem, 0, 0)
                    const top = Math.max(0, Math.min(pos.y - 40, p.contentHeight - p.height))
                    if (pos.y < p.contentY || pos.y + item.height > p.contentY + p.height)
                        p.contentY = top
                    return
                }
            }
        }
        function click(shell, name) {
            const item = find(name, shell)
            tryVerify(function() { return item.width > 0 && item.enabled && item.visible }, timeout)
            reveal(item)
            waitForRendering(root)
            mouseClick(item)
        }
        // Types `text` into the field named `name` key by key, as a keyboard would.
        function type(shell, name, text) {
            const field = find(name, shell)
            tryVerify(function() { return field.width > 0 && field.visible }, timeout)
            reveal(field)
            waitForRendering(root)
            field.forceActiveFocus()
            mouseClick(field)
            tryCompare(field, "activeFocus", true, timeout)
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
            compare(field.text, text)
        }
        // Signs in through the sign-in page's fields in the given order, then chooses the PIN
        // and waits for the first sync.
        function signInTyping(shell, app, spy, username, caFirst) {
            spy.clear()
            app.start()
            tryCompare(app, "state", AppController.FirstRun, timeout)
            verify(app.needsSignIn)
            waitForRendering(shell)
            if (caFirst) {
                type(shell, "caField", core.caFile)
                type(shell, "serverField", core.serverAddress)
            } else {
                type(shell, "serverField", core.serverAddress)
                type(shell, "caField", core.caFile)
            }
            // Typing one field leaves the other as typed.
            compare(find("serverField", shell).text, core.serverAddress)
            compare(find("caField", shell).text, core.caFile)
            type(shell, "usernameField", username)
            type(shell, "passwordField", core.password)
            compare(find("serverField", shell).text, core.serverAddress)
            compare(find("caField", shell).text, core.caFile)
            compare(find("passwordField", shell).text, core.password)
            click(shell, "signInButton")
            tryVerify(function() { return !app.busy && (!app.needsSignIn || app.message !== "") },
                      timeout)
            compare(app.message, "")
            verify(!app.needsSignIn)
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

        // Signs in with the server and CA already on the form: username and password only.
        function signInAs(shell, app, spy, username) {
            spy.clear()
            tryCompare(app, "state", AppController.FirstRun, timeout)
            verify(app.needsSignIn)
            waitForRendering(shell)
            type(shell, "usernameField", username)
            type(shell, "passwordField", core.password)
            click(shell, "signInButton")
            tryVerify(function() { return !app.busy && (!app.needsSignIn || app.message !== "") },
                      timeout)
            compare(app.message, "")
            verify(!app.needsSignIn)
            app.createPin("97531864", "97531864")
            tryCompare(app, "state", AppController.Unlocked, timeout)
            const done = find("setupDoneDialog", shell)
            tryCompare(done, "opened", true, timeout)
            done.accept()
            tryCompare(done, "visible", false, timeout)
            tryVerify(function() { return spy.count >= 1 }, timeout)
            tryCompare(app.sync, "running", false, timeout)
            compare(app.sync.errorText, "")
        }
        function openSignOut(app, shell) {
            const dialog = find("signOutDialog", shell)
            app.signOut()
            tryCompare(dialog, "opened", true, timeout)
            waitForRendering(root)
            return dialog
        }

        function initTestCase() {
            verify(core.serverStarted, "the sync server did not start")
            core.supervisor.coverEnabled = false
            core.officer.coverEnabled = false
            // Nothing prefilled: the first run is typed from scratch.
            core.supervisor.serverAddress = ""
            core.supervisor.caFile = ""
            core.officer.serverAddress = ""
            core.officer.caFile = ""
        }

        function test_1_addressThenCaFile() {
            signInTyping(phone, core.supervisor, phoneSynced, "sam", false)
            compare(core.supervisor.userName, "sam")
            compare(core.supervisor.role, "supervisor")
        }

        function test_2_caFileThenAddress() {
            signInTyping(tablet, core.officer, tabletSynced, "olu", true)
            compare(core.officer.userName, "olu")
            verify(core.officer.officer)
        }

        function test_3_whoIsSignedInAfterUnlock() {
            const app = core.supervisor
            app.lock()
            tryCompare(app, "state", AppController.Locked, timeout)
            app.unlock("24681357")
            tryCompare(app, "state", AppController.Unlocked, timeout)
            compare(app.userName, "sam")
            compare(app.role, "supervisor")
        }

        function test_4_signOutOverUnsentChangesWarnsAndKeepsThem() {
            const app = core.supervisor
            // No signal: an absence waits on the phone.
            core.setSupervisorOnline(false)
            app.record.load(core.appointmentId(0))
            tryCompare(app.record, "loaded", true, timeout)
            app.record.outcomeCode = "UACP"
            app.record.save()
            tryCompare(app, "pendingCount", 1, timeout)

            // The warning names the change; staying signed in keeps everything.
            let dialog = openSignOut(app, phone)
            compare(app.unsentChanges.length, 1)
            verify(app.unsentChanges[0].indexOf("Attendance outcome for Smith, Alex") === 0,
                   app.unsentChanges[0])
            verify(find("unsentWarning", dialog).visible)
            verify(find("unsentWarning", dialog).text.indexOf("1 change") >= 0,
                   find("unsentWarning", dialog).text)
            compare(find("signOutConfirmButton", dialog).text, "Sign out and lose them")
            verify(find("signOutSyncButton", dialog).visible)
            click(dialog, "signOutCancelButton")
            tryCompare(dialog, "visible", false, timeout)
            compare(app.state, AppController.Unlocked)
            compare(app.pendingCount, 1)

            // Without the confirmation the phone refuses and asks again; nothing is removed.
            app.confirmSignOut(false)
            tryCompare(dialog, "opened", true, timeout)
            compare(app.state, AppController.Unlocked)
            compare(app.pendingCount, 1)
            verify(core.phoneFiles().indexOf("sitebook.db") >= 0, core.phoneFiles().join())

            // Confirmed: the user's data leaves the phone and the server ends the sign-in.
            const deviceId = core.phoneDeviceId()
            verify(deviceId.length > 0)
            click(dialog, "signOutConfirmButton")
            tryCompare(app, "state", AppController.FirstRun, timeout)
            tryCompare(dialog, "visible", false, timeout)
            verify(app.needsSignIn)
            compare(core.phoneFiles().length, 0, core.phoneFiles().join())
            verify(core.serverSignedOut(deviceId))
            compare(app.userName, "")
            // The sign-in page again, the server kept for the next person.
            tryVerify(function() { return findChild(phone, "serverField") !== null }, timeout)
            compare(find("serverField", phone).text, core.serverAddress)
            verify(find("signedOutNotice", phone).text.indexOf("sam is signed out") === 0,
                   find("signedOutNotice", phone).text)
        }

        function test_5_theNextUserSeesNoneOfTheFirst() {
            const app = core.supervisor
            core.setSupervisorOnline(true)
            verify(core.addSupervisor("kim"))
            signInAs(phone, app, phoneSynced, "kim")
            compare(app.userName, "kim")
            // Sam's session and unsent absence are not on the phone for kim.
            compare(app.pendingCount, 0)
            compare(app.sync.pending, 0)
            tryCompare(find("stack", phone), "busy", false, timeout)
            compare(find("sessionList", phone).count, 0)
            compare(app.sessions.count, 0)
        }

        function test_6_signOutWithNothingUnsent() {
            const app = core.supervisor
            const dialog = openSignOut(app, phone)
            compare(app.unsentChanges.length, 0)
            verify(!find("unsentWarning", dialog).visible)
            verify(!find("signOutSyncButton", dialog).visible)
            verify(find("signedInAs", dialog).text.indexOf("kim") >= 0, find("signedInAs", dialog).text)
            compare(find("signOutConfirmButton", dialog).text, "Sign out")
            const deviceId = core.phoneDeviceId()
            click(dialog, "signOutConfirmButton")
            tryCompare(app, "state", AppController.FirstRun, timeout)
            tryCompare(dialog, "visible", false, timeout)
            compare(core.phoneFiles().length, 0, core.phoneFiles().join())
            verify(core.serverSignedOut(deviceId))
            tryVerify(function() { return findChild(phone, "signInButton") !== null }, timeout)
        }

        function test_7_enrolmentCodeFillsTheServerAndPinsItsCa() {
            const app = core.supervisor
            // A phone that knows nothing yet.
            app.serverAddress = ""
            app.caFile = ""
            waitForRendering(phone)
            const field = find("enrolmentField", phone)
            const code = core.enrolmentCode()
            verify(code.indexOf("sitebook:enrol?v=1&") === 0, code)

            // A code cut short is refused under its field; nothing is filled in.
            field.text = code.substring(0, code.length - 12)
            click(phone, "useEnrolmentButton")
            tryVerify(function() { return find("enrolmentError", phone).visible }, timeout)
            verify(!app.caPinned)
            compare(find("serverField", phone).text, "")

            // A code whose CA did not sign the server's certificate: the sign-in is refused
            // and nothing is kept.
            field.text = core.enrolmentCodeWithAnotherCa()
            click(phone, "useEnrolmentButton")
            tryCompare(app, "caPinned", true, timeout)
            type(phone, "usernameField", "kim")
            type(phone, "passwordField", core.password)
            click(phone, "signInButton")
            tryVerify(function() { return !app.busy && app.message.length > 0 }, timeout)
            verify(app.needsSignIn)
            compare(core.phoneFiles().length, 0, core.phoneFiles().join())

            // The real code: the address is filled in, the CA pinned, and the sign-in works.
            find("usernameField", phone).text = ""
            // Copied from a message: with the field empty, one tap pastes and uses it.
            field.text = code
            field.selectAll()
            field.copy()
            field.text = ""
            compare(find("useEnrolmentButton", phone).text, "Paste code")
            click(phone, "useEnrolmentButton")
            tryCompare(app, "caPinned", true, timeout)
            compare(field.text, "")
            compare(find("serverField", phone).text, core.serverAddress)
            compare(app.caFile, "")
            verify(find("caPinnedText", phone).visible)
            verify(app.caFingerprint.length === 95, app.caFingerprint)
            signInAs(phone, app, phoneSynced, "kim")
            compare(app.userName, "kim")
            verify(core.phoneFiles().indexOf("ca.pem") >= 0, core.phoneFiles().join())
        }
    }
}
