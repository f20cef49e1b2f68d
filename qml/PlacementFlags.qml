import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A person's placement flags, e.g. "no lone working with children": icon plus words on a
// tinted band, so the warning does not rely on colour.
ColumnLayout {
    id: root
    property var flags: []
    visible: flags.length > 0
    spacing: 4

    Repeater {
        model: root.flags
        delegate: Rectangle {
            required property string modelData
            Layout.fillWidth: true
            implicitHeight: flagRow.implicitHeight + 8
            radius: 4
            color: Theme.warningBackground
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Placement flag: %1").arg(modelData)
            RowLayout {
                id: flagRow
                anchors.fill: parent
                anchors.leftMargin: 8
                anchors.rightMargin: 8
                spacing: 6
                Label {
                    text: "⚠"
                    color: Theme.warning
                    font.pixelSize: Theme.bodySize
                    Layout.alignment: Qt.AlignTop
                    Accessible.ignored: true
                }
                Label {
                    text: modelData
                    textFormat: Text.PlainText
                    color: Theme.warning
                    font.pixelSize: Theme.smallSize
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }
    }
}
