import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Sitebook

// Everyone still unrecorded on the roster attended and complied: one set of times and ratings,
// and a line of feedback for each person's officer.
Page {
    id: page
    required property AppController app
    signal back()
    signal done()

    readonly property FastPathModel fast: page.app.fastPath

    function errorFor(key) {
        const e = page.fast.errors[key]
        return e === undefined ? "" : e
    }

    Connections {
        target: page.fast
        function onSaved() { page.done() }
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            ToolButton {
                text: "‹"
                font.pixelSize: Theme.px(28)
                implicitWidth: Theme.touch
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Back to the roster without saving")
                onClicked: page.back()
            }
            Label {
                text: qsTr("Everyone attended and complied")
                color: "white"
                font.pixelSize: Theme.bodySize
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
    }

    footer: Pane {
        padding: 8
        Material.elevation: 4
        ColumnLayout {
            anchors.fill: parent
            spacing: 4
            FieldError {
                objectName: "fastPathError"
                text: page.fast.errorSummary
                Layout.fillWidth: true
            }
            Button {
                objectName: "fastPathSaveButton"
                text: page.fast.busy ? qsTr("Saving…") : qsTr("Save %n record(s)", "", page.fast.count)
                enabled: !page.fast.busy && page.fast.count > 0
                highlighted: true
                implicitHeight: Theme.touch + 8
                Layout.fillWidth: true
                Accessible.name: text
                onClicked: page.fast.save()
            }
        }
    }

    ListView {
        id: list
        objectName: "fastPathList"
        anchors.fill: parent
        clip: true
        model: page.fast
        spacing: 4
        ScrollIndicator.vertical: ScrollIndicator {}

        header: ColumnLayout {
            width: list.width
            spacing: 8
            Label {
                text: qsTr("Records “Attended – Complied” for the %n person(s) below. The feedback is still asked for each of them.", "", page.fast.count)
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallSize
                color: Theme.muted
                Layout.fillWidth: true
                Layout.margins: Theme.margin
                Layout.bottomMargin: 0
            }
            RowLayout {
                spacing: Theme.spacing
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                ColumnLayout {
                    Layout.fillWidth: true
                    Label { text: qsTr("Arrived"); font.bold: true }
                    TextField {
                        text: page.fast.arrival
                        implicitHeight: Theme.touch + 4
                        Layout.fillWidth: true
                        inputMethodHints: Qt.ImhPreferNumbers
                        Accessible.name: qsTr("Arrival time for everyone")
                        onTextChanged: if (text !== page.fast.arrival) page.fast.arrival = text
                    }
                    FieldError { text: page.errorFor("outcome.arrival"); Layout.fillWidth: true }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    Label { text: qsTr("Finished"); font.bold: true }
                    TextField {
                        text: page.fast.finish
                        implicitHeight: Theme.touch + 4
                        Layout.fillWidth: true
                        inputMethodHints: Qt.ImhPreferNumbers
                        Accessible.name: qsTr("Finish time for everyone")
                        onTextChanged: if (text !== page.fast.finish) page.fast.finish = text
                    }
                    FieldError { text: page.errorFor("outcome.finish"); Layout.fillWidth: true }
                }
            }
            // Side by side at standard text size; one above the other with larger text.
            GridLayout {
                columns: Theme.fontScale > 1.25 ? 1 : 2
                columnSpacing: Theme.spacing
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Label { text: qsTr("Quality of work"); font.bold: true }
                    ChoiceBox {
                        kind: ChoiceModel.Ratings
                        value: page.fast.workQuality
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Quality of work for everyone")
                        onPicked: (v) => page.fast.workQuality = v
                    }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Label { text: qsTr("Behaviour"); font.bold: true }
                    ChoiceBox {
                        kind: ChoiceModel.Ratings
                        value: page.fast.behaviour
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Behaviour for everyone")
                        onPicked: (v) => page.fast.behaviour = v
                    }
                }
            }
            Item { Layout.preferredHeight: 4 }
        }

        delegate: Pane {
            id: card
            required property int index
            required property string name
            required property var placementFlags
            required property string progress
            required property string strengths
            required property string concerns
            required property string error
            width: ListView.view.width
            Material.elevation: 1
            padding: Theme.margin

            ColumnLayout {
                anchors.fill: parent
                spacing: 4
                Label {
                    text: card.name
                    font.pixelSize: Theme.bodySize
                    font.bold: true
                    Layout.fillWidth: true
                }
                PlacementFlags { flags: card.placementFlags; Layout.fillWidth: true }
                TextField {
                    objectName: "progress_" + card.index
                    text: card.progress
                    placeholderText: qsTr("Progress (required)")
                    implicitHeight: Theme.touch + 4
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Progress for %1").arg(card.name)
                    onTextChanged: if (text !== card.progress) page.fast.setText(card.index, "progress", text)
                }
                TextField {
                    text: card.strengths
                    placeholderText: qsTr("Strengths")
                    implicitHeight: Theme.touch + 4
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Strengths for %1").arg(card.name)
                    onTextChanged: if (text !== card.strengths) page.fast.setText(card.index, "strengths", text)
                }
                TextField {
                    text: card.concerns
                    placeholderText: qsTr("Concerns")
                    implicitHeight: Theme.touch + 4
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Concerns for %1").arg(card.name)
                    onTextChanged: if (text !== card.concerns) page.fast.setText(card.index, "concerns", text)
                }
                FieldError { text: card.error; Layout.fillWidth: true }
            }
        }
    }
}
