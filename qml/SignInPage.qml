import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sitebook

// First start with a server: sign in with the organisation's username and password. The PIN
// is chosen next; the server decides who you are (supervisor or officer).
Page {
    id: page
    required property AppController app
    title: qsTr("Sign in")

    function submit() {
        page.app.serverAddress = server.text
        page.app.caFile = ca.text
        page.app.signIn(username.text, password.text)
        password.text = ""
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: scroll.availableWidth
            spacing: Theme.spacing
            Item { Layout.preferredHeight: 24 }
            Label {
                text: qsTr("Sign in to Sitebook")
                font.pixelSize: Theme.px(26)
                font.bold: true
                color: Theme.primary
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                text: qsTr("Sign in once with signal. After that Sitebook works without it and sends your changes when signal returns.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            Label { text: qsTr("Server"); font.bold: true; Layout.leftMargin: Theme.margin }
            TextField {
                id: server
                objectName: "serverField"
                text: page.app.serverAddress
                placeholderText: "sync.example.org:443"
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Server")
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            FieldError {
                text: page.app.messageField === "server" ? page.app.message : ""
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
            }
            Label { text: qsTr("Server certificate (CA file)"); font.bold: true; Layout.leftMargin: Theme.margin }
            TextField {
                id: ca
                objectName: "caField"
                text: page.app.caFile
                inputMethodHints: Qt.ImhNoAutoUppercase
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Server certificate file")
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            FieldError {
                text: page.app.messageField === "ca" ? page.app.message : ""
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
            }
            Label { text: qsTr("Username"); font.bold: true; Layout.leftMargin: Theme.margin }
            TextField {
                id: username
                objectName: "usernameField"
                inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Username")
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                onAccepted: password.forceActiveFocus()
            }
            FieldError {
                text: page.app.messageField === "username" ? page.app.message : ""
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
            }
            Label { text: qsTr("Password"); font.bold: true; Layout.leftMargin: Theme.margin }
            TextField {
                id: password
                objectName: "passwordField"
                echoMode: TextInput.Password
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Password")
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                onAccepted: page.submit()
            }
            FieldError {
                objectName: "signInError"
                text: page.app.messageField === "password" || page.app.messageField === "" ? page.app.message : ""
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            Button {
                objectName: "signInButton"
                text: page.app.busy ? qsTr("Signing in…") : qsTr("Sign in")
                enabled: !page.app.busy
                highlighted: true
                implicitHeight: Theme.touch + 8
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                Accessible.name: qsTr("Sign in")
                onClicked: page.submit()
            }
            BusyIndicator {
                running: page.app.busy
                visible: running
                Layout.alignment: Qt.AlignHCenter
            }
        }
    }
}
