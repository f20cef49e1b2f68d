import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sitebook

// Everything inside the window: the PIN screens, or (unlocked) the page stack above the status
// strip; the privacy cover on top. Content exists only while unlocked: locking destroys it.
// A Control, so the text size reaches every control below it.
Control {
    id: shell
    objectName: "appShell"
    property AppController app
    padding: 0
    // The user's text size: every screen's fonts (Theme) and the controls' own text.
    font.pixelSize: Theme.baseSize
    Binding {
        target: Theme
        property: "fontScale"
        value: shell.app ? shell.app.fontScale : 1
    }

    readonly property StackView stack: unlockedLoader.item ? unlockedLoader.item.stack : null

    // The roster and the record form that are open, kept in memory while the device is locked
    // so that unlocking returns to them (the form comes back from its draft). Never stored.
    property var openRoster: null
    property string openAppointment: ""

    // Navigation entry points, used by the pages and by the screenshot tool and tests.
    function openSession(row) {
        const m = shell.app.sessions
        const i = m.index(row, 0)
        shell.pushRoster({
            sessionId: m.data(i, SessionListModel.SessionIdRole),
            projectName: m.data(i, SessionListModel.ProjectNameRole),
            times: m.data(i, SessionListModel.StartRole) + "–" + m.data(i, SessionListModel.EndRole),
            sessionStart: m.data(i, SessionListModel.StartRole),
            sessionEnd: m.data(i, SessionListModel.EndRole)
        })
    }
    function pushRoster(properties) {
        shell.openRoster = properties
        shell.stack.push(rosterPage, properties)
    }
    function openRecord(appointmentId) {
        shell.openAppointment = appointmentId
        shell.app.record.load(appointmentId)
        shell.stack.push(recordPage)
    }
    // After unlock: the roster and record form that were open when the device locked.
    function reopenAfterUnlock() {
        if (!shell.stack || shell.app.officer || !shell.openRoster)
            return
        shell.stack.push(rosterPage, shell.openRoster, StackView.Immediate)
        if (shell.openAppointment.length > 0) {
            shell.app.record.load(shell.openAppointment)
            shell.stack.push(recordPage, {}, StackView.Immediate)
        }
    }
    function openFastPath() {
        const roster = shell.stack.currentItem
        shell.app.fastPath.start(roster.sessionStart, roster.sessionEnd, shell.app.sessions.date)
        shell.stack.push(fastPathPage)
    }
    function openAttention() {
        shell.stack.push(attentionPage)
    }
    // The server ended the sign-in: the password screen, over whatever is open (nothing on the
    // pages below is lost). It closes itself once signed in again.
    function openSignInAgain() {
        if (shell.stack && !(shell.stack.currentItem instanceof SignInAgainPage))
            shell.stack.push(signInAgainPage)
    }
    // Correcting a refused change: the record form, prefilled with what was refused.
    function openCorrection(opId, appointmentId, reason) {
        shell.app.record.loadCorrection(opId, appointmentId, reason)
        shell.stack.push(recordPage)
    }
    // The officer's start page on top of the stack, on the given tab (0: inbox, 1: caseload);
    // for an officer it is already the first page.
    function openCaseload(tab) {
        if (!(shell.stack.currentItem instanceof OfficerHomePage))
            shell.stack.push(officerHomePage)
        shell.stack.currentItem.currentTab = tab
    }
    function openPerson(personId) {
        shell.app.person.load(personId)
        shell.stack.push(personPage)
    }
    // The menu of a home screen (sessions, officer's start), for the screenshot tool.
    function openMenu() {
        if (shell.stack && shell.stack.currentItem.menu)
            shell.stack.currentItem.menu.open()
    }
    function closeMenu() {
        if (shell.stack && shell.stack.currentItem.menu)
            shell.stack.currentItem.menu.close()
    }
    function goBack() {
        if (shell.stack && shell.stack.depth > 1)
            shell.stack.pop()
    }
    function scrollForm(fraction) {
        if (shell.stack.currentItem.scrollTo)
            shell.stack.currentItem.scrollTo(fraction)
    }
    function requestSave() {
        shell.stack.currentItem.requestSave()
    }
    function closeDialogs() {
        if (shell.stack.currentItem.closeDialogs)
            shell.stack.currentItem.closeDialogs()
    }

    Component.onCompleted: if (shell.app) shell.app.noteActivity()

    Loader {
        id: lockedLoader
        anchors.fill: parent
        active: shell.app && (shell.app.state !== AppController.Unlocked || shell.app.offlineLocked)
        sourceComponent: !shell.app ? null
                         : shell.app.state === AppController.Unlocked ? offlineLockedComponent
                         : shell.app.state === AppController.FirstRun
                           ? (shell.app.needsSignIn ? signInComponent : firstRunComponent)
                         : shell.app.state === AppController.Locked ? unlockComponent
                         : startingComponent
    }

    Loader {
        id: unlockedLoader
        anchors.fill: parent
        active: shell.app && shell.app.state === AppController.Unlocked && !shell.app.offlineLocked
        sourceComponent: ColumnLayout {
            property alias stack: stackView
            spacing: 0
            StackView {
                id: stackView
                objectName: "stack"
                Layout.fillWidth: true
                Layout.fillHeight: true
                initialItem: shell.app.officer ? officerHomePage : sessionsPage
            }
            StatusStrip {
                objectName: "statusStrip"
                app: shell.app
                Layout.fillWidth: true
                onAttentionChosen: shell.openAttention()
                onSignInChosen: shell.openSignInAgain()
            }
            Connections {
                target: shell.app
                function onSessionEndedChanged() {
                    if (shell.app.sessionEnded)
                        shell.openSignInAgain()
                    else if (stackView.currentItem instanceof SignInAgainPage)
                        stackView.pop()
                }
            }
            Component.onCompleted: {
                Qt.callLater(shell.reopenAfterUnlock)
                if (shell.app.sessionEnded)
                    Qt.callLater(shell.openSignInAgain)
            }
        }
    }

    Component {
        id: startingComponent
        Item {
            BusyIndicator {
                anchors.centerIn: parent
                running: true
            }
        }
    }
    Component {
        id: offlineLockedComponent
        OfflineLockedPage { app: shell.app }
    }
    Component {
        id: signInComponent
        SignInPage { app: shell.app }
    }
    Component {
        id: attentionPage
        AttentionPage {
            app: shell.app
            onBack: shell.goBack()
            onCorrectionChosen: (opId, appointmentId, reason) =>
                                shell.openCorrection(opId, appointmentId, reason)
        }
    }
    Component {
        id: signInAgainPage
        SignInAgainPage {
            app: shell.app
            onBack: shell.goBack()
        }
    }
    Component {
        id: officerHomePage
        OfficerHomePage {
            app: shell.app
            onPersonChosen: (personId) => shell.openPerson(personId)
        }
    }
    Component {
        id: personPage
        PersonPage {
            app: shell.app
            onBack: shell.goBack()
            StackView.onRemoved: shell.app.person.clear()
        }
    }
    Component {
        id: firstRunComponent
        FirstRunPage { app: shell.app }
    }
    Component {
        id: unlockComponent
        UnlockPage { app: shell.app }
    }
    Component {
        id: sessionsPage
        SessionsPage {
            app: shell.app
            onSessionChosen: (row) => shell.openSession(row)
        }
    }
    Component {
        id: rosterPage
        RosterPage {
            app: shell.app
            onBack: {
                shell.openRoster = null
                shell.openAppointment = ""
                shell.goBack()
            }
            onPersonChosen: (appointmentId) => shell.openRecord(appointmentId)
            onFastPathChosen: shell.openFastPath()
            StackView.onRemoved: shell.app.roster.clear()
        }
    }
    Component {
        id: recordPage
        RecordPage {
            app: shell.app
            onBack: {
                shell.openAppointment = ""
                shell.goBack()
            }
            onDone: {
                shell.openAppointment = ""
                shell.goBack()
            }
            StackView.onRemoved: shell.app.record.clear()
        }
    }
    Component {
        id: fastPathPage
        FastPathPage {
            app: shell.app
            onBack: shell.goBack()
            onDone: shell.goBack()
            onPersonChosen: (appointmentId) => shell.openRecord(appointmentId)
            StackView.onRemoved: shell.app.fastPath.clear()
        }
    }

    Dialog {
        id: setupDone
        objectName: "setupDoneDialog"
        visible: shell.app && shell.app.state === AppController.Unlocked && shell.app.justCreated
        modal: true
        closePolicy: Popup.NoAutoClose
        anchors.centerIn: parent
        width: Math.min(shell.width - 32, 380)
        title: qsTr("Sitebook is ready")

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing
            Label {
                text: qsTr("How your data is protected on this device:")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "protectionSentence"
                text: shell.app ? shell.app.protectionSentence : ""
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("Sitebook locks itself after %n minute(s) without use.", "",
                           shell.app ? Math.round(shell.app.lockAfterSeconds / 60) : 5)
                wrapMode: Text.Wrap
                color: Theme.muted
                Layout.fillWidth: true
            }
        }
        footer: DialogButtonBox {
            Button {
                objectName: "setupContinueButton"
                text: qsTr("Continue")
                highlighted: true
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Continue")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
        onAccepted: shell.app.acknowledgeSetup()
    }

    // Signing out (AppController.signOut()): the confirmation, with any unsent changes.
    SignOutDialog {
        app: shell.app
    }

    // Open dialogs and menus live in the window's overlay, above every page and the cover:
    // while the cover is up they are not drawn either (they stay open underneath).
    Binding {
        target: shell.Overlay.overlay
        property: "opacity"
        value: 0
        when: !!shell.app && shell.app.covered
        restoreMode: Binding.RestoreBindingOrValue
    }
    PrivacyCover {
        objectName: "privacyCover"
        anchors.fill: parent
        visible: shell.app && shell.app.covered
        z: 1000
    }
}
