import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A validation message shown under the field it is about: an icon, then the words. `field` is
// the key of the problem (e.g. "outcome.arrival") so the error summary can jump here; `target`
// is the control to focus when it does.
RowLayout {
    id: root
    property string text
    property string field
    property Item target: null
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
        font.bold: true
        Layout.fillWidth: true
    }
}
