import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sitebook

// Always on screen while unlocked: what is waiting to be sent, said honestly.
Rectangle {
    id: strip
    property AppController app
    implicitHeight: Math.max(Theme.touch, content.implicitHeight + 12)
    color: Theme.stripBackground
    Accessible.role: Accessible.StatusBar
    Accessible.name: pendingLabel.text + ". " + syncLabel.text

    RowLayout {
        id: content
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        spacing: 8
        Label {
            text: strip.app && strip.app.pendingCount > 0 ? "⇅" : "✓"
            font.pixelSize: Theme.titleSize
            color: strip.app && strip.app.pendingCount > 0 ? Theme.warning : Theme.ok
            Accessible.ignored: true
        }
        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            Label {
                id: pendingLabel
                objectName: "pendingText"
                text: strip.app ? strip.app.pendingText : ""
                font.pixelSize: Theme.smallSize
                font.bold: true
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
            Label {
                id: syncLabel
                text: strip.app ? strip.app.syncText : ""
                font.pixelSize: 12
                color: Theme.muted
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
        }
    }
}
