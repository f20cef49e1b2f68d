import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A time of day: typed as HH:MM, or picked on hour and minute wheels (one-minute steps) with
// "Now" for the device's time. `text` follows the owner; `edited(text)` reports every change
// the user makes. `now` returns the time now as "HH:MM" (the owner passes its clock).
ColumnLayout {
    id: root
    property string label
    property bool required: false
    property string text
    property string error
    property string field
    property string inputName
    property var now: function() { return Qt.formatTime(new Date(), "HH:mm") }
    readonly property alias input: input
    signal edited(string text)

    spacing: 2

    function pad(n) { return (n < 10 ? "0" : "") + n }
    function setTime(text) {
        input.text = text
        root.edited(text)
    }
    // The wheels start at the time in the field, or now.
    property int startHour: 9
    property int startMinute: 0
    function openPicker() {
        const parts = /^(\d{1,2}):(\d{2})$/.exec(input.text.trim())
        const base = parts ? parts : /^(\d{1,2}):(\d{2})$/.exec(root.now())
        root.startHour = base ? Math.min(23, parseInt(base[1], 10)) : 9
        root.startMinute = base ? Math.min(59, parseInt(base[2], 10)) : 0
        picker.open()
    }

    FieldLabel { label: root.label; required: root.required }
    RowLayout {
        spacing: 4
        Layout.fillWidth: true
        TextField {
            id: input
            objectName: root.inputName
            text: root.text
            placeholderText: qsTr("HH:MM")
            inputMethodHints: Qt.ImhPreferNumbers | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            implicitHeight: Theme.touch + 4
            Layout.fillWidth: true
            Accessible.name: root.label
            onTextChanged: if (text !== root.text) root.edited(text)
        }
        Button {
            objectName: root.inputName + "Picker"
            text: qsTr("Pick")
            implicitWidth: Math.max(Theme.touch, implicitContentWidth + leftPadding + rightPadding)
            implicitHeight: Theme.touch + 4
            Accessible.name: qsTr("Pick the time: %1").arg(root.label)
            onClicked: root.openPicker()
        }
    }
    FieldError {
        text: root.error
        field: root.field
        target: input
        Layout.fillWidth: true
    }

    Popup {
        id: picker
        objectName: root.inputName + "Popup"
        modal: true
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent ? parent.width - 32 : 320, 340)
        padding: 16
        // A Tumbler positions itself only once it is shown.
        onOpened: {
            hours.currentIndex = root.startHour
            minutes.currentIndex = root.startMinute
        }
        background: Rectangle {
            color: "white"
            radius: 4
            border.color: Theme.muted
        }

        contentItem: ColumnLayout {
            spacing: 8
            Label {
                text: root.label
                font.bold: true
                font.pixelSize: Theme.bodySize
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            RowLayout {
                Layout.alignment: Qt.AlignHCenter
                Tumbler {
                    id: hours
                    objectName: root.inputName + "Hours"
                    model: 24
                    visibleItemCount: 5
                    Accessible.name: qsTr("Hour")
                    delegate: Label {
                        required property int index
                        text: root.pad(index)
                        font.pixelSize: Theme.titleSize
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                        opacity: 1.0 - Math.abs(Tumbler.displacement) / 3
                    }
                }
                Label { text: ":"; font.pixelSize: Theme.titleSize }
                Tumbler {
                    id: minutes
                    objectName: root.inputName + "Minutes"
                    model: 60
                    visibleItemCount: 5
                    Accessible.name: qsTr("Minute")
                    delegate: Label {
                        required property int index
                        text: root.pad(index)
                        font.pixelSize: Theme.titleSize
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                        opacity: 1.0 - Math.abs(Tumbler.displacement) / 3
                    }
                }
            }
            Flow {
                spacing: 8
                Layout.fillWidth: true
                Button {
                    objectName: root.inputName + "Now"
                    text: qsTr("Now")
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Now")
                    onClicked: {
                        root.setTime(root.now())
                        picker.close()
                    }
                }
                Button {
                    objectName: root.inputName + "Set"
                    text: qsTr("Set time")
                    highlighted: true
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Set time")
                    onClicked: {
                        root.setTime(root.pad(hours.currentIndex) + ":" + root.pad(minutes.currentIndex))
                        picker.close()
                    }
                }
                Button {
                    text: qsTr("Cancel")
                    flat: true
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Cancel")
                    onClicked: picker.close()
                }
            }
        }
    }
}
