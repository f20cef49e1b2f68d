import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The label above a field, always visible (never a placeholder only). A required field says so
// in words, not by a sign alone.
Label {
    id: root
    property bool required: false
    property string label
    text: root.required ? qsTr("%1 (required)").arg(root.label) : root.label
    font.bold: true
    font.pixelSize: Theme.bodySize
    wrapMode: Text.Wrap
    Layout.fillWidth: true
}
