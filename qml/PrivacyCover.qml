import QtQuick
import QtQuick.Controls

// Hides every screen while the app is not in the foreground.
Rectangle {
    color: Theme.primary
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Sitebook content hidden")

    // Swallow input so nothing under the cover can be used.
    MouseArea {
        anchors.fill: parent
    }

    Column {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: Theme.spacing
        Label {
            width: parent.width
            text: qsTr("Sitebook")
            color: "white"
            font.pixelSize: Theme.px(28)
            font.bold: true
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
        }
        Label {
            width: parent.width
            text: qsTr("Content hidden")
            color: "white"
            font.pixelSize: Theme.bodySize
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
        }
    }
}
