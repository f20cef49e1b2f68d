import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A validation message shown under the field it is about: an icon, then the words.
RowLayout {
    id: root
    property string text
    visible: text.length > 0
    spacing: 6
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    Label {
        text: "⚠"
        color: Theme.error
        font.pixelSize: Theme.bodySize
        Layout.alignment: Qt.AlignTop
        Accessible.ignored: true
    }
    Label {
        text: root.text
        color: Theme.error
        wrapMode: Text.Wrap
        font.pixelSize: Theme.smallSize
        Layout.fillWidth: true
    }
}
