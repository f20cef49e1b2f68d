import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sitebook

// Always on screen while unlocked: online or not, what is unsent or refused and since when,
// when the last sync was, progress during a sync and the last error, and what needs attention.
// A ✓ only when nothing is unsent or refused. When sending failed, "Retry" replaces "Sync now"
// and a tap on the text shows the whole message.
Rectangle {
    id: strip
    property AppController app
    readonly property SyncController sync: app ? app.sync : null
    readonly property bool failed: !!strip.sync && strip.sync.configured && strip.sync.errorText !== ""
    signal attentionChosen()
    signal signInChosen()
    implicitHeight: Math.max(Theme.touch, content.implicitHeight + 12)
    color: Theme.stripBackground
    Accessible.role: Accessible.StatusBar
    Accessible.name: stateLabel.text + ". " + pendingLabel.text + ". " + detailLabel.text

    RowLayout {
        id: content
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: 4
        spacing: 8
        Label {
            objectName: "syncIcon"
            text: strip.sync && strip.sync.running ? "⟳"
                  : strip.sync && strip.sync.allSent ? "✓"
                  : strip.failed || (strip.sync && strip.sync.needsAttention > 0) ? "⚠" : "⇅"
            font.pixelSize: Theme.titleSize
            color: strip.sync && strip.sync.allSent && !strip.sync.running ? Theme.ok : Theme.warning
            Accessible.ignored: true
        }
        ColumnLayout {
            id: texts
            objectName: "syncTexts"
            spacing: 0
            Layout.fillWidth: true
            Accessible.role: strip.failed ? Accessible.Button : Accessible.StaticText
            Accessible.name: strip.failed ? qsTr("Show what went wrong") : ""
            TapHandler {
                enabled: strip.failed
                onTapped: errorDialog.open()
            }
            Label {
                id: stateLabel
                objectName: "syncState"
                text: strip.sync ? strip.sync.stateText : ""
                font.pixelSize: Theme.px(12)
                font.bold: true
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
            Label {
                id: pendingLabel
                objectName: "pendingText"
                text: strip.sync ? strip.sync.queueText : strip.app ? strip.app.pendingText : ""
                font.pixelSize: Theme.smallSize
                Layout.fillWidth: true
                wrapMode: Text.Wrap
            }
            Label {
                id: detailLabel
                objectName: "syncDetail"
                text: !strip.sync || !strip.sync.configured ? ""
                      : strip.sync.running ? strip.sync.progressText
                      : strip.failed ? strip.sync.errorSummary + " " + qsTr("Tap for details.")
                      : strip.sync.lastSyncedText
                visible: text !== ""
                font.pixelSize: Theme.px(12)
                color: Theme.muted
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
        }
        Button {
            objectName: "attentionButton"
            visible: strip.sync && strip.sync.needsAttention > 0
            text: strip.sync ? "⚠ " + qsTr("To fix: %1").arg(strip.sync.needsAttention) : ""
            flat: true
            implicitHeight: Theme.touch
            Accessible.name: qsTr("Changes that need attention")
            onClicked: strip.attentionChosen()
        }
        Button {
            objectName: "signInAgainStripButton"
            visible: strip.app && strip.app.sessionEnded
            text: qsTr("Sign in")
            flat: true
            implicitHeight: Theme.touch
            Accessible.name: qsTr("Sign in again to sync")
            onClicked: strip.signInChosen()
        }
        Button {
            objectName: "syncNowButton"
            visible: strip.sync && strip.sync.configured && !(strip.app && strip.app.sessionEnded)
            enabled: strip.sync && !strip.sync.running
            text: strip.sync && strip.sync.sendFailed ? qsTr("Retry") : qsTr("Sync now")
            flat: true
            implicitHeight: Theme.touch
            Accessible.name: text
            onClicked: strip.sync.syncNow()
        }
    }

    // The whole message, selectable, so it can be read out or copied to the office.
    Dialog {
        id: errorDialog
        objectName: "syncErrorDialog"
        modal: true
        // Above the strip, centred on it (the strip spans the app's width).
        width: Math.min(strip.width - 32, 420)
        x: Math.round((strip.width - width) / 2)
        y: -height - Theme.margin
        title: qsTr("Changes not sent")
        ColumnLayout {
            width: parent.width
            spacing: 8
            Label {
                text: strip.sync ? strip.sync.queueText : ""
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "syncErrorSummary"
                text: strip.sync ? strip.sync.errorSummary : ""
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("What the app was told:")
                font.pixelSize: Theme.smallSize
                color: Theme.muted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            TextEdit {
                objectName: "syncErrorDetail"
                text: strip.sync ? strip.sync.errorDetail : ""
                textFormat: TextEdit.PlainText
                readOnly: true
                selectByMouse: true
                wrapMode: TextEdit.Wrap
                font.pixelSize: Theme.smallSize
                color: Theme.muted
                Layout.fillWidth: true
                Accessible.role: Accessible.EditableText
                Accessible.name: qsTr("Full message")
            }
        }
        footer: DialogButtonBox {
            Button {
                objectName: "syncErrorRetryButton"
                text: qsTr("Retry")
                implicitHeight: Theme.touch
                enabled: strip.sync && !strip.sync.running
                Accessible.name: qsTr("Retry")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                text: qsTr("Close")
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Close")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        onAccepted: strip.sync.syncNow()
    }
}
