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
    implicitHeight: Math.max(Theme.touch, content.implicitHeight + content.anchors.topMargin
                                                   + content.anchors.bottomMargin)
    color: Theme.stripBackground
    Accessible.role: Accessible.StatusBar
    Accessible.name: stateLabel.text + ". " + pendingLabel.text + ". " + detailLabel.text
                     + (offlineLabel.text !== "" ? ". " + offlineLabel.text : "")

    // The buttons sit beside the texts while that leaves the texts a fair line; with large text
    // or a narrow window they move onto a line of their own below (and wrap there),
    // so the strip stays one compact row at normal text size and grows instead of cutting text.
    readonly property real buttonsWidth: {
        let w = 0, n = 0
        for (const b of [attentionButton, signInButton, syncNowButton]) {
            if (b.visible) {
                w += b.implicitWidth
                ++n
            }
        }
        return w + Math.max(0, n - 1) * buttons.spacing
    }
    readonly property bool stacked: buttonsWidth > 0
        && content.width - icon.implicitWidth - buttonsWidth - 2 * content.columnSpacing < Theme.px(160)

    GridLayout {
        id: content
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: 4
        anchors.topMargin: 6
        anchors.bottomMargin: 6
        columns: strip.stacked ? 2 : 3
        columnSpacing: 8
        rowSpacing: 0
        Label {
            id: icon
            objectName: "syncIcon"
            readonly property bool offlineWarned: !!strip.app && strip.app.offlineWarning !== ""
            text: strip.sync && strip.sync.running ? "⟳"
                  : offlineWarned ? "⚠"
                  : strip.sync && strip.sync.allSent ? "✓"
                  : strip.failed || (strip.sync && strip.sync.needsAttention > 0) ? "⚠" : "⇅"
            font.pixelSize: Theme.titleSize
            color: strip.sync && strip.sync.allSent && !strip.sync.running && !offlineWarned
                   ? Theme.ok : Theme.warning
            Layout.row: 0
            Layout.column: 0
            Layout.alignment: Qt.AlignVCenter
            Accessible.ignored: true
        }
        ColumnLayout {
            id: texts
            objectName: "syncTexts"
            spacing: 0
            Layout.row: 0
            Layout.column: 1
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignVCenter
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
                wrapMode: Text.Wrap
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
                wrapMode: Text.Wrap
            }
            // The maximum offline period is near: the lock comes in so many days.
            Label {
                id: offlineLabel
                objectName: "offlineWarning"
                text: strip.app ? strip.app.offlineWarning : ""
                visible: text !== ""
                font.pixelSize: Theme.smallSize
                font.bold: true
                color: Theme.warning
                Layout.fillWidth: true
                wrapMode: Text.Wrap
            }
        }
        Flow {
            id: buttons
            visible: strip.buttonsWidth > 0
            spacing: Theme.px(8)  // flat buttons: keep their labels apart as two things to tap
            Layout.row: strip.stacked ? 1 : 0
            Layout.column: strip.stacked ? 0 : 2
            Layout.columnSpan: strip.stacked ? 2 : 1
            Layout.fillWidth: strip.stacked
            Layout.preferredWidth: strip.stacked ? -1 : Math.ceil(strip.buttonsWidth)
            Layout.minimumWidth: strip.stacked ? 0 : Math.ceil(strip.buttonsWidth)
            Layout.alignment: Qt.AlignVCenter
            Button {
                id: attentionButton
                objectName: "attentionButton"
                visible: strip.sync && strip.sync.needsAttention > 0
                text: strip.sync ? "⚠ " + qsTr("To fix: %1").arg(strip.sync.needsAttention) : ""
                flat: true
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Changes that need attention")
                onClicked: strip.attentionChosen()
            }
            Button {
                id: signInButton
                objectName: "signInAgainStripButton"
                visible: strip.app && strip.app.sessionEnded
                text: qsTr("Sign in")
                flat: true
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Sign in again to sync")
                onClicked: strip.signInChosen()
            }
            Button {
                id: syncNowButton
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
