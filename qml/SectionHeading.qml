import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Label {
    font.pixelSize: Theme.titleSize - 2
    font.bold: true
    color: Theme.primary
    topPadding: Theme.spacing
    Layout.fillWidth: true
    wrapMode: Text.Wrap
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
