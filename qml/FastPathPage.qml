import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Sitebook

// The group path: everyone still unrecorded who is here attended and complied. Times, ratings
// and the work the group did are entered once for all of them; per person, a line for their
// officer, and behind "Changes for …" their own times, a skill seen, or recording them
// separately. Saved in one go, or not at all.
Page {
    id: page
    required property AppController app
    signal back()
    signal done()
    signal personChosen(string appointmentId)

    readonly property FastPathModel fast: page.app.fastPath

    function errorFor(key) {
        const e = page.fast.errors[key]
        return e === undefined ? "" : e
    }

    Connections {
        target: page.fast
        function onSaved() { page.done() }
    }

    // The skills taxonomy, for each person's "skill seen" choice.
    SkillModel { id: skills }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            spacing: 0
            ToolButton {
                text: "‹"
                font.pixelSize: Theme.px(28)
                implicitWidth: Theme.touch
                implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
                Accessible.name: qsTr("Back to the roster without saving")
                onClicked: page.back()
            }
            Label {
                text: qsTr("Everyone attended and complied")
                color: "white"
                font.pixelSize: Theme.bodySize
                font.bold: true
                wrapMode: Text.Wrap
                topPadding: 4
                bottomPadding: 4
                Layout.fillWidth: true
                Layout.rightMargin: Theme.margin
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
            Label {
                objectName: "withoutFeedbackText"
                visible: page.fast.withoutFeedbackCount > 0 && page.fast.errorSummary.length === 0
                text: qsTr("%n person(s) without a line or a skill: their officer will see feedback as missing.", "", page.fast.withoutFeedbackCount)
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallSize
                color: Theme.muted
                Layout.fillWidth: true
            }
            Button {
                objectName: "fastPathSaveButton"
                text: page.fast.busy ? qsTr("Saving…") : qsTr("Save %n record(s)", "", page.fast.attendingCount)
                enabled: !page.fast.busy && page.fast.attendingCount > 0
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
            FieldError {
                objectName: "notStartedError"
                text: page.fast.notStarted
                Layout.fillWidth: true
                Layout.margins: Theme.margin
                Layout.bottomMargin: 0
            }
            Label {
                text: qsTr("Records “Attended – Complied” for the %n person(s) marked as here, with the same times and the same work. Change anything for one person below.", "", page.fast.attendingCount)
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallSize
                color: Theme.muted
                Layout.fillWidth: true
                Layout.margins: Theme.margin
                Layout.bottomMargin: 0
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
                    Label { text: qsTr("Arrived"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    TextField {
                        objectName: "groupArrivalField"
                        text: page.fast.arrival
                        implicitHeight: Theme.touch + 4
                        Layout.fillWidth: true
                        inputMethodHints: Qt.ImhPreferNumbers | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                        Accessible.name: qsTr("Arrival time for everyone")
                        onTextChanged: if (text !== page.fast.arrival) page.fast.arrival = text
                    }
                    FieldError { text: page.errorFor("outcome.arrival"); Layout.fillWidth: true }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    Label { text: qsTr("Finished"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    TextField {
                        objectName: "groupFinishField"
                        text: page.fast.finish
                        implicitHeight: Theme.touch + 4
                        Layout.fillWidth: true
                        inputMethodHints: Qt.ImhPreferNumbers | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
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
                // A column, not a layout: its height follows its wrapped label at once.
                Column {
                    id: workQualityCell
                    spacing: 4
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Label { text: qsTr("Quality of work"); font.bold: true; wrapMode: Text.Wrap; width: workQualityCell.width }
                    ChoiceBox {
                        kind: ChoiceModel.Ratings
                        value: page.fast.workQuality
                        width: workQualityCell.width
                        Accessible.name: qsTr("Quality of work for everyone")
                        onPicked: (v) => page.fast.workQuality = v
                    }
                }
                // A column, not a layout: its height follows its wrapped label at once.
                Column {
                    id: behaviourCell
                    spacing: 4
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Label { text: qsTr("Behaviour"); font.bold: true; wrapMode: Text.Wrap; width: behaviourCell.width }
                    ChoiceBox {
                        kind: ChoiceModel.Ratings
                        value: page.fast.behaviour
                        width: behaviourCell.width
                        Accessible.name: qsTr("Behaviour for everyone")
                        onPicked: (v) => page.fast.behaviour = v
                    }
                }
            }

            // --- The work the group did, recorded for everyone here.
            ColumnLayout {
                spacing: 4
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                SectionHeading { text: qsTr("Work the group did") }
                Label { text: qsTr("Kind of work (required)"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
                ChoiceBox {
                    objectName: "groupWorkCategoryBox"
                    kind: ChoiceModel.WorkCategories
                    value: page.fast.workCategory
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Kind of work the group did")
                    onPicked: (v) => page.fast.workCategory = v
                }
                FieldError { text: page.errorFor("work.category"); Layout.fillWidth: true }
                Label { text: qsTr("What they did (required)"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
                Label {
                    text: qsTr("For example: litter pick along the canal towpath")
                    color: Theme.muted
                    font.pixelSize: Theme.smallSize
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                TextField {
                    objectName: "groupWorkDescriptionField"
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                    text: page.fast.workDescription
                    implicitHeight: Theme.touch + 4
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Description of the work the group did")
                    onTextChanged: if (text !== page.fast.workDescription) page.fast.workDescription = text
                }
                FieldError { text: page.errorFor("work.description"); Layout.fillWidth: true }
                GridLayout {
                    columns: Theme.fontScale > 1.25 ? 1 : 2
                    columnSpacing: Theme.spacing
                    Layout.fillWidth: true
                    ColumnLayout {
                        Layout.fillWidth: true
                        Label { text: qsTr("Amount"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
                        TextField {
                            objectName: "groupWorkQuantityField"
                            text: page.fast.workQuantity
                            placeholderText: qsTr("e.g. 12")
                            implicitHeight: Theme.touch + 4
                            Layout.fillWidth: true
                            inputMethodHints: Qt.ImhFormattedNumbersOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                            Accessible.name: qsTr("Amount of work the group did")
                            onTextChanged: if (text !== page.fast.workQuantity) page.fast.workQuantity = text
                        }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        Label { text: qsTr("Counted in"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
                        TextField {
                            objectName: "groupWorkUnitField"
                            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                            text: page.fast.workUnit
                            placeholderText: qsTr("e.g. bags")
                            implicitHeight: Theme.touch + 4
                            Layout.fillWidth: true
                            Accessible.name: qsTr("What the amount counts")
                            onTextChanged: if (text !== page.fast.workUnit) page.fast.workUnit = text
                        }
                    }
                }
                FieldError { text: page.errorFor("work.quantity") || page.errorFor("work.unit"); Layout.fillWidth: true }
                SectionHeading { text: qsTr("Each person") }
            }
            Item { Layout.preferredHeight: 4 }
        }

        delegate: Pane {
            id: card
            required property int index
            required property string appointmentId
            required property string name
            required property var placementFlags
            required property bool attending
            required property string arrival
            required property string finish
            required property string feedback
            required property string skill
            required property string skillLevel
            required property string error
            property bool showChanges: false
            width: ListView.view.width
            Material.elevation: 1
            padding: Theme.margin
            opacity: card.attending ? 1 : 0.75

            ColumnLayout {
                anchors.fill: parent
                spacing: 4
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Label {
                        text: card.name
                        textFormat: Text.PlainText
                        font.pixelSize: Theme.bodySize
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Switch {
                        objectName: "here_" + card.index
                        checked: card.attending
                        text: qsTr("Here")
                        implicitHeight: Theme.touch
                        Accessible.name: qsTr("%1 attended").arg(card.name)
                        onToggled: page.fast.setAttending(card.index, checked)
                    }
                }
                PlacementFlags { flags: card.placementFlags; Layout.fillWidth: true }
                Label {
                    visible: !card.attending
                    text: qsTr("Not recorded with the group: record them from the roster.")
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallSize
                    color: Theme.muted
                    Layout.fillWidth: true
                }
                TextField {
                    objectName: "feedback_" + card.index
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                    visible: card.attending
                    text: card.feedback
                    placeholderText: qsTr("A line for their officer")
                    implicitHeight: Theme.touch + 4
                    Layout.fillWidth: true
                    Accessible.name: qsTr("A line of feedback about %1 for their officer").arg(card.name)
                    onTextChanged: if (text !== card.feedback) page.fast.setText(card.index, "feedback", text)
                }
                Label {
                    visible: card.attending && card.skill.length > 0
                    text: qsTr("Skill seen: %1").arg(skillBox.currentText)
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallSize
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "changes_" + card.index
                    visible: card.attending
                    flat: true
                    text: card.showChanges ? qsTr("Hide changes for %1").arg(card.name)
                                           : qsTr("Changes for %1: times, a skill, or record separately").arg(card.name)
                    implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
                    Layout.fillWidth: true
                    Accessible.name: text
                    contentItem: Label {
                        text: parent.text
                        wrapMode: Text.Wrap
                        color: Theme.primary
                        font.pixelSize: Theme.smallSize
                    }
                    onClicked: card.showChanges = !card.showChanges
                }
                ColumnLayout {
                    visible: card.attending && card.showChanges
                    spacing: 4
                    Layout.fillWidth: true
                    GridLayout {
                        columns: Theme.fontScale > 1.25 ? 1 : 2
                        columnSpacing: Theme.spacing
                        Layout.fillWidth: true
                        ColumnLayout {
                            Layout.fillWidth: true
                            Label { text: qsTr("Arrived"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
                            TextField {
                                objectName: "arrival_" + card.index
                                text: card.arrival
                                placeholderText: page.fast.arrival
                                implicitHeight: Theme.touch + 4
                                Layout.fillWidth: true
                                inputMethodHints: Qt.ImhPreferNumbers | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                                Accessible.name: qsTr("Arrival time for %1").arg(card.name)
                                onTextChanged: if (text !== card.arrival) page.fast.setText(card.index, "arrival", text)
                            }
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            Label { text: qsTr("Finished"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
                            TextField {
                                objectName: "finish_" + card.index
                                text: card.finish
                                placeholderText: page.fast.finish
                                implicitHeight: Theme.touch + 4
                                Layout.fillWidth: true
                                inputMethodHints: Qt.ImhPreferNumbers | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                                Accessible.name: qsTr("Finish time for %1").arg(card.name)
                                onTextChanged: if (text !== card.finish) page.fast.setText(card.index, "finish", text)
                            }
                        }
                    }
                    Label { text: qsTr("Skill seen"); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    ComboBox {
                        id: skillBox
                        objectName: "skill_" + card.index
                        model: skills
                        textRole: "label"
                        valueRole: "skill"
                        currentIndex: card.skill.length > 0 ? indexOfValue(card.skill) : -1
                        displayText: currentIndex < 0 ? qsTr("None") : currentText
                        implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Skill seen in %1").arg(card.name)
                        onActivated: page.fast.setText(card.index, "skill", currentValue)
                    }
                    ChoiceBox {
                        objectName: "skillLevel_" + card.index
                        visible: card.skill.length > 0
                        kind: ChoiceModel.SkillLevels
                        value: card.skillLevel
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Level of the skill seen in %1").arg(card.name)
                        onPicked: (v) => page.fast.setText(card.index, "skillLevel", v)
                    }
                    Button {
                        objectName: "separately_" + card.index
                        text: qsTr("Record %1 separately").arg(card.name)
                        implicitHeight: Theme.touch
                        Layout.fillWidth: true
                        Accessible.name: text
                        contentItem: Label {
                            text: parent.text
                            wrapMode: Text.Wrap
                            horizontalAlignment: Text.AlignHCenter
                            font.pixelSize: Theme.smallSize
                        }
                        onClicked: {
                            page.fast.setAttending(card.index, false)
                            page.personChosen(card.appointmentId)
                        }
                    }
                }
                FieldError { objectName: "personError_" + card.index; text: card.error; Layout.fillWidth: true }
            }
        }
    }
}
