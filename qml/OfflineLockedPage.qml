import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sitebook

// The phone has not reached the server for the maximum offline period: the PIN opened the
// store, but no record is shown until the user signs in again with their password, online.
// Nothing recorded is lost; after the grace the phone deletes its Sitebook data by itself.
Page {
    id: page
    required property AppController app
    title: qsTr("Sign in to see your records")

    function submit() {
        page.app.signInAgain(password.text)
        password.text = ""
    }

    ScrollView {
        id: scroll
        objectName: "offlineLockedScroll"
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: scroll.availableWidth
            spacing: Theme.spacing
            Item { Layout.preferredHeight: 16 }
            Label {
                text: "⚠ " + page.title
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
                objectName: "offlineLockText"
                text: page.app ? page.app.offlineLockText : ""
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            Label {
                text: qsTr("Username: %1").arg(page.app ? page.app.accountName : "")
                textFormat: Text.PlainText
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            Label {
                text: qsTr("Password")
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
            }
            TextField {
                id: password
                objectName: "offlinePasswordField"
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
                objectName: "offlineLockedError"
                text: page.app ? page.app.message : ""
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            Button {
                objectName: "offlineSignInButton"
                text: page.app && page.app.busy ? qsTr("Signing in…") : qsTr("Sign in")
                enabled: page.app && !page.app.busy
                highlighted: true
                implicitHeight: Theme.touch + 8
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                Accessible.name: qsTr("Sign in")
                onClicked: page.submit()
            }
            BusyIndicator {
                running: page.app && page.app.busy
                visible: running
                Layout.alignment: Qt.AlignHCenter
            }
        }
    }
}
