import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sitebook

// First start on this phone: choose the PIN that protects the encrypted data.
Page {
    id: page
    required property AppController app
    title: qsTr("Set up Sitebook")

    function submit() {
        page.app.createPin(pin.text, confirmation.text)
    }

    Connections {
        target: page.app
        function onMessageChanged() {
            if (page.app.messageField === "confirmation")
                confirmation.text = ""
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            // A readable column on a tablet.
            width: Math.min(scroll.availableWidth, Math.max(Theme.px(560), 560))
            x: (scroll.availableWidth - width) / 2
            spacing: Theme.spacing

            Item { Layout.preferredHeight: 24 }
            Label {
                text: qsTr("Welcome to Sitebook")
                font.pixelSize: Theme.px(26)
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
                objectName: "pinRule"
                text: page.app.pinRule
                wrapMode: Text.Wrap
                font.pixelSize: Theme.bodySize
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            Label {
                text: qsTr("New PIN")
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            PinField {
                id: pin
                objectName: "pinField"
                Accessible.name: qsTr("New PIN")
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                onAccepted: confirmation.forceActiveFocus()
            }
            FieldError {
                objectName: "pinError"
                text: page.app.messageField === "pin" ? page.app.message : ""
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            Label {
                text: qsTr("Enter the PIN again")
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            PinField {
                id: confirmation
                objectName: "confirmField"
                Accessible.name: qsTr("Enter the PIN again")
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                onAccepted: page.submit()
            }
            FieldError {
                objectName: "confirmError"
                text: page.app.messageField === "confirmation" ? page.app.message : ""
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            FieldError {
                text: page.app.messageField === "" ? page.app.message : ""
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            Button {
                id: createButton
                objectName: "createPinButton"
                text: page.app.busy ? qsTr("Setting up…") : qsTr("Set PIN and start")
                enabled: !page.app.busy
                highlighted: true
                implicitHeight: Math.max(Theme.touch + 8, implicitContentHeight + topPadding + bottomPadding)
                contentItem: Label {
                    text: createButton.text
                    font.pixelSize: Theme.baseSize
                    font.bold: true
                    color: createButton.enabled ? "white" : Theme.muted
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                Accessible.name: qsTr("Set PIN and start")
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
