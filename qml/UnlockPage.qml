import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sitebook

// Every start and after inactivity: the PIN unlocks the encrypted data. Wrong PINs show what
// is left before a delay, then a countdown.
Page {
    id: page
    required property AppController app
    title: qsTr("Unlock Sitebook")

    readonly property bool waiting: page.app.lockedOutSeconds > 0

    function submit() {
        if (!page.waiting && !page.app.busy)
            page.app.unlock(pin.text)
    }

    Connections {
        target: page.app
        function onMessageChanged() {
            pin.text = ""
        }
    }

    // Scrolls when large text does not fit the screen.
    Flickable {
        id: scroll
        anchors.fill: parent
        contentHeight: Math.max(height, column.implicitHeight + 2 * Theme.margin)
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: column
            y: Theme.margin
            height: scroll.contentHeight - 2 * Theme.margin
            anchors.horizontalCenter: parent.horizontalCenter
            // A readable column on a tablet.
            width: Math.min(scroll.width - 2 * Theme.margin, Math.max(Theme.px(480), 480))
            spacing: Theme.spacing

            Item { Layout.fillHeight: true }
            Label {
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
                text: qsTr("Sitebook is locked")
                font.pixelSize: Theme.px(24)
                font.bold: true
                color: Theme.primary
                Layout.alignment: Qt.AlignHCenter
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
                text: qsTr("Enter your PIN")
                font.pixelSize: Theme.bodySize
                Layout.alignment: Qt.AlignHCenter
            }
            PinField {
                id: pin
                objectName: "pinField"
                enabled: !page.waiting && !page.app.busy
                Accessible.name: qsTr("PIN")
                Layout.fillWidth: true
                onAccepted: page.submit()
            }
            FieldError {
                objectName: "unlockMessage"
                text: page.app.message
                Layout.fillWidth: true
            }
            Button {
                id: unlockButton
                objectName: "unlockButton"
                text: page.waiting ? qsTr("Wait %n second(s)", "", page.app.lockedOutSeconds)
                                   : (page.app.busy ? qsTr("Checking…") : qsTr("Unlock"))
                enabled: !page.waiting && !page.app.busy
                highlighted: true
                implicitHeight: Math.max(Theme.touch + 8, implicitContentHeight + topPadding + bottomPadding)
                Layout.fillWidth: true
                Accessible.name: qsTr("Unlock")
                onClicked: page.submit()
                contentItem: Label {
                    text: unlockButton.text
                    font.pixelSize: Theme.baseSize
                    font.bold: true
                    color: unlockButton.enabled ? "white" : Theme.muted
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
            }
            BusyIndicator {
                running: page.app.busy
                visible: running
                Layout.alignment: Qt.AlignHCenter
            }
            Item { Layout.fillHeight: true }
            Label {
                objectName: "protectionText"
                text: page.app.protectionSentence
                visible: text.length > 0
                color: Theme.muted
                font.pixelSize: Theme.smallSize
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
        }
    }
}
