import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sitebook

// Always on screen while unlocked: online or not, what is waiting to be sent, when the last
// sync was, progress during a sync and the last error, and what needs attention.
Rectangle {
    id: strip
    property AppController app
    readonly property SyncController sync: app ? app.sync : null
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
            text: strip.sync && strip.sync.running ? "⟳"
                  : strip.sync && strip.sync.errorText !== "" ? "⚠"
                  : strip.app && strip.app.pendingCount > 0 ? "⇅" : "✓"
            font.pixelSize: Theme.titleSize
            color: strip.sync && strip.sync.errorText !== "" ? Theme.warning
                   : strip.app && strip.app.pendingCount > 0 ? Theme.warning : Theme.ok
            Accessible.ignored: true
        }
        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
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
                text: strip.app ? strip.app.pendingText : ""
                font.pixelSize: Theme.smallSize
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
            Label {
                id: detailLabel
                objectName: "syncDetail"
                text: !strip.sync || !strip.sync.configured ? ""
                      : strip.sync.running ? strip.sync.progressText
                      : strip.sync.errorText !== "" ? strip.sync.errorText
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
            text: qsTr("Sync now")
            flat: true
            implicitHeight: Theme.touch
            Accessible.name: qsTr("Sync now")
            onClicked: strip.sync.syncNow()
        }
    }
}
