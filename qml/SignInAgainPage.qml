import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sitebook

// The server ended this phone's sign-in (it expired or was revoked): the password only, with
// the server and username of the device shown. Everything recorded stays on the phone and is
// sent once signed in again; "Not now" goes back to work offline.
Page {
    id: page
    required property AppController app
    signal back()
    title: qsTr("Sign in again")

    function submit() {
        page.app.signInAgain(password.text)
        password.text = ""
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            ToolButton {
                objectName: "notNowButton"
                text: "‹ " + qsTr("Not now")
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Not now: keep working offline")
                onClicked: page.back()
            }
            Label {
                text: page.title
                font.bold: true
                font.pixelSize: Theme.titleSize
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
    }

    ScrollView {
        id: scroll
        objectName: "signInAgainScroll"
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: scroll.availableWidth
            spacing: Theme.spacing
            Item { Layout.preferredHeight: 8 }
            Label {
                text: "⚠ " + qsTr("Your sign-in has ended")
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.warning
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                objectName: "keptText"
                text: qsTr("The server needs your password before Sitebook can sync again. Nothing is lost: everything you recorded stays on this phone.")
                      + " " + (page.app ? page.app.pendingText : "")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            Label { text: qsTr("Server"); font.bold: true; Layout.leftMargin: Theme.margin }
            Label {
                objectName: "accountServer"
                text: page.app ? page.app.accountServer : ""
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            Label { text: qsTr("Username"); font.bold: true; Layout.leftMargin: Theme.margin }
            Label {
                objectName: "accountName"
                text: page.app ? page.app.accountName : ""
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            Label { text: qsTr("Password"); font.bold: true; Layout.leftMargin: Theme.margin }
            TextField {
                id: password
                objectName: "passwordAgainField"
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                echoMode: TextInput.Password
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Password")
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                onAccepted: page.submit()
            }
            FieldError {
                objectName: "signInAgainError"
                text: page.app ? page.app.message : ""
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            Button {
                objectName: "signInAgainButton"
                text: page.app && page.app.busy ? qsTr("Signing in…") : qsTr("Sign in and sync")
                enabled: page.app && !page.app.busy
                highlighted: true
                implicitHeight: Theme.touch + 8
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                Accessible.name: qsTr("Sign in and sync")
                onClicked: page.submit()
            }
            BusyIndicator {
                running: page.app && page.app.busy
                visible: running
                Layout.alignment: Qt.AlignHCenter
            }
            // Someone else takes the phone over: signing out first (with the warning about
            // anything unsent), then the sign-in page.
            Button {
                objectName: "switchUserButton"
                text: qsTr("Not %1? Sign out").arg(page.app ? page.app.accountName : "")
                flat: true
                enabled: page.app && !page.app.busy
                implicitHeight: Theme.touch
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                Accessible.name: qsTr("Sign out and let someone else sign in")
                onClicked: page.app.signOut()
            }
        }
    }
}
