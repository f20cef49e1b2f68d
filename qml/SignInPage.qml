import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Sitebook

// First start with a server: sign in with the organisation's username and password. The PIN
// is chosen next; the server decides who you are (supervisor or officer). The server and its
// CA come from an enrolment code pasted here, or are entered by hand (the CA as a file). Each
// field writes its own property as it is typed, so no field resets another.
Page {
    id: page
    required property AppController app
    title: qsTr("Sign in")
    readonly property bool sideBySide: width - 2 * Theme.margin >= Theme.px(340)

    function submit() {
        page.app.signIn(username.text, password.text)
        password.text = ""
    }
    function useCode() {
        if (page.app.useEnrolmentCode(enrolment.text)) {
            enrolment.text = ""
            username.forceActiveFocus()
        }
    }

    FileDialog {
        id: caDialog
        title: qsTr("Choose the server's certificate file")
        nameFilters: [qsTr("Certificates (*.pem *.crt *.cer)"), qsTr("All files (*)")]
        onAccepted: page.app.caFile = selectedFile
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
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.primary
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                objectName: "signedOutNotice"
                visible: text.length > 0
                text: page.app.notice
                color: Theme.ok
                font.bold: true
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            Label {
                text: qsTr("Sign in once with signal. After that Sitebook works without it and sends your changes when signal returns.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            Label {
                text: qsTr("Enrolment code")
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            Label {
                text: qsTr("If you were given an enrolment code, paste it here. It fills in the server and the certificate that proves it is yours.")
                color: Theme.muted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            // Field and button side by side when they fit, the button below on a narrow
            // screen or with large text.
            GridLayout {
                columns: page.sideBySide ? 2 : 1
                columnSpacing: Theme.spacing
                rowSpacing: 4
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                TextField {
                    id: enrolment
                    objectName: "enrolmentField"
                    placeholderText: "sitebook:enrol?…"
                    inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Enrolment code")
                    Layout.fillWidth: true
                    onAccepted: page.useCode()
                }
                // Empty field: one tap pastes the code copied from a message and uses it.
                Button {
                    objectName: "useEnrolmentButton"
                    Layout.fillWidth: !page.sideBySide
                    text: enrolment.text.length > 0 ? qsTr("Use code") : qsTr("Paste code")
                    enabled: enrolment.text.length > 0 || enrolment.canPaste
                    implicitHeight: Theme.touch
                    Accessible.name: enrolment.text.length > 0 ? qsTr("Use the enrolment code")
                                                               : qsTr("Paste the enrolment code")
                    onClicked: {
                        if (enrolment.text.length === 0)
                            enrolment.paste()
                        page.useCode()
                    }
                }
            }
            FieldError {
                objectName: "enrolmentError"
                text: page.app.messageField === "enrolment" ? page.app.message : ""
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            Label {
                text: qsTr("Server")
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            TextField {
                id: server
                objectName: "serverField"
                // Stays bound: the app's address changes only from this field or a code.
                text: page.app.serverAddress
                onTextEdited: page.app.serverAddress = text
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
            Label {
                text: qsTr("Server certificate (CA file)")
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            Label {
                objectName: "caPinnedText"
                visible: page.app.caPinned
                text: "✓ " + qsTr("From the enrolment code. Fingerprint (SHA-256): %1").arg(page.app.caFingerprint)
                color: Theme.ok
                wrapMode: Text.WrapAnywhere
                textFormat: Text.PlainText
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            GridLayout {
                columns: page.sideBySide ? 2 : 1
                columnSpacing: Theme.spacing
                rowSpacing: 4
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                TextField {
                    id: ca
                    objectName: "caField"
                    text: page.app.caFile
                    onTextEdited: page.app.caFile = text
                    placeholderText: page.app.caPinned ? qsTr("Or choose a file instead") : ""
                    inputMethodHints: Qt.ImhNoAutoUppercase
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Server certificate file")
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "chooseCaButton"
                    Layout.fillWidth: !page.sideBySide
                    text: qsTr("Choose…")
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Choose the server's certificate file")
                    onClicked: caDialog.open()
                }
            }
            FieldError {
                text: page.app.messageField === "ca" ? page.app.message : ""
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
            }
            Label {
                text: qsTr("Username")
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
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
            Label {
                text: qsTr("Password")
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            TextField {
                id: password
                objectName: "passwordField"
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
