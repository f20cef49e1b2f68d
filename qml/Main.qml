import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Sitebook

ApplicationWindow {
    id: window
    required property AppController app
    width: 412
    height: 860
    visible: true
    title: qsTr("Sitebook")
    Material.theme: Material.Light
    Material.primary: Theme.primary
    Material.accent: Theme.accent

    AppShell {
        anchors.fill: parent
        app: window.app
    }
}
