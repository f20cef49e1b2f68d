import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// GOV.UK's error summary: "There is a problem", then every problem in the words shown beside
// its field, each a link that jumps to that field (`chosen(field)`). `errors` is a list of
// {field, message} in the order of the form.
Rectangle {
    id: root
    property var errors: []
    signal chosen(string field)

    visible: root.errors.length > 0
    color: "white"
    border.color: Theme.error
    border.width: 4
    implicitHeight: body.implicitHeight + 32
    Accessible.role: Accessible.AlertMessage
    Accessible.name: qsTr("There is a problem")

    ColumnLayout {
        id: body
        x: 16
        y: 16
        width: root.width - 32
        spacing: 4
        Label {
            text: qsTr("There is a problem")
            font.bold: true
            font.pixelSize: Theme.titleSize
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Repeater {
            model: root.errors
            delegate: ItemDelegate {
                id: link
                required property var modelData
                required property int index
                objectName: "errorLink_" + index
                Layout.fillWidth: true
                implicitHeight: Math.max(Theme.touch, linkText.implicitHeight + 12)
                padding: 0
                Accessible.name: modelData.message
                onClicked: root.chosen(modelData.field)
                contentItem: Label {
                    id: linkText
                    text: link.modelData.message
                    color: Theme.error
                    font.underline: true
                    font.bold: true
                    font.pixelSize: Theme.bodySize
                    wrapMode: Text.Wrap
                    verticalAlignment: Text.AlignVCenter
                }
            }
        }
    }
}
