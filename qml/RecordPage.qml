import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Sitebook

// One person's record: outcome, times, penalty, ratings, work undertaken, skills, feedback for
// the officer and a case note. Saving an enforceable outcome asks for confirmation first.
Page {
    id: page
    required property AppController app
    signal back()
    signal done()

    readonly property RecordController record: page.app.record
    // Correcting refused work, a skill or a note shows that section alone ("" : everything).
    readonly property string part: page.record.correctionPart

    function requestSave() {
        if (page.part === "" && page.record.enforceable)
            enforceableDialog.open()
        else
            page.record.save()
    }
    function scrollTo(fraction) {
        flick.contentY = Math.max(0, (flick.contentHeight - flick.height) * fraction)
    }
    function closeDialogs() {
        enforceableDialog.close()
    }
    function errorFor(key) {
        const e = page.record.errors[key]
        return e === undefined ? "" : e
    }

    Connections {
        target: page.record
        function onSaved() { page.done() }
    }

    OutcomeCodeModel { id: outcomeCodes }

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
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Label {
                    objectName: "personName"
                    text: page.record.personName
                    color: "white"
                    font.pixelSize: Theme.bodySize
                    font.bold: true
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    text: page.record.crn + "  ·  " + page.record.scheduled
                    color: "white"
                    opacity: 0.85
                    font.pixelSize: Theme.px(12)
                    Layout.fillWidth: true
                }
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
                objectName: "saveError"
                text: page.record.errorSummary
                Layout.fillWidth: true
            }
            Button {
                objectName: "saveButton"
                text: page.record.busy ? qsTr("Saving…")
                      : page.record.correcting ? qsTr("Resubmit") : qsTr("Save record")
                enabled: page.record.loaded && !page.record.busy
                highlighted: true
                implicitHeight: Theme.touch + 8
                Layout.fillWidth: true
                Accessible.name: page.record.correcting ? qsTr("Resubmit the corrected change")
                                                        : qsTr("Save record")
                onClicked: page.requestSave()
            }
        }
    }

    Flickable {
        id: flick
        objectName: "recordFlickable"
        anchors.fill: parent
        contentWidth: width
        contentHeight: form.implicitHeight + 2 * Theme.margin
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: form
            x: Theme.margin
            y: Theme.margin
            width: flick.width - 2 * Theme.margin
            spacing: 8

            PlacementFlags {
                flags: page.record.placementFlags
                Layout.fillWidth: true
            }
            Rectangle {
                objectName: "correctionBanner"
                visible: page.record.correcting
                color: Theme.warningBackground
                radius: 4
                implicitHeight: correctionText.implicitHeight + 16
                Layout.fillWidth: true
                Label {
                    id: correctionText
                    x: 8
                    y: 8
                    width: parent.width - 16
                    wrapMode: Text.Wrap
                    text: "⚠ " + qsTr("Correcting a refused change. Server's reason: %1").arg(page.record.correctionReason)
                          + "\n" + (page.part === "" ? qsTr("The form shows what was refused. Correct it, then send it again.")
                                                      : qsTr("Only the refused part is shown. Correct it, then send it again."))
                }
            }
            Label {
                visible: page.record.alreadyRecorded && !page.record.correcting
                text: qsTr("An outcome is already recorded. Saving again replaces it; work, skills and the note are added.")
                color: Theme.muted
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallSize
                Layout.fillWidth: true
            }

            // --- Outcome
            SectionHeading { text: qsTr("What happened?"); visible: page.part === "" }
            Repeater {
                model: page.part === "" ? outcomeCodes : null
                delegate: RadioDelegate {
                    id: choice
                    required property string code
                    required property string label
                    required property string hint
                    required property bool enforceable
                    objectName: "outcome_" + code
                    Layout.fillWidth: true
                    implicitHeight: Math.max(56, choiceBody.implicitHeight + 16)
                    checked: page.record.outcomeCode === code
                    text: label
                    Accessible.name: label
                    Accessible.description: hint
                    onClicked: page.record.outcomeCode = code
                    contentItem: ColumnLayout {
                        id: choiceBody
                        spacing: 2
                        Label {
                            text: choice.label
                            font.pixelSize: Theme.bodySize
                            font.bold: choice.checked
                            wrapMode: Text.Wrap
                            rightPadding: choice.indicator.width + 8
                            Layout.fillWidth: true
                        }
                        Label {
                            text: choice.hint
                            color: Theme.muted
                            font.pixelSize: Theme.smallSize
                            wrapMode: Text.Wrap
                            rightPadding: choice.indicator.width + 8
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: choice.enforceable
                            text: qsTr("⚠ The officer will be alerted")
                            color: Theme.warning
                            font.pixelSize: Theme.px(12)
                            font.bold: true
                        }
                    }
                }
            }
            FieldError { text: page.errorFor("outcome.code"); Layout.fillWidth: true }

            // --- Times and ratings (attended outcomes only)
            ColumnLayout {
                visible: page.part === "" && page.record.attended
                spacing: 8
                Layout.fillWidth: true

                SectionHeading { text: qsTr("Times") }
                RowLayout {
                    spacing: Theme.spacing
                    Layout.fillWidth: true
                    ColumnLayout {
                        Layout.fillWidth: true
                        Label { text: qsTr("Arrived"); font.bold: true }
                        TextField {
                            objectName: "arrivalField"
                            text: page.record.arrival
                            placeholderText: qsTr("HH:MM")
                            inputMethodHints: Qt.ImhPreferNumbers
                            implicitHeight: Theme.touch + 4
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Arrival time")
                            onTextChanged: if (text !== page.record.arrival) page.record.arrival = text
                        }
                        FieldError { text: page.errorFor("outcome.arrival"); Layout.fillWidth: true }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        Label { text: qsTr("Finished"); font.bold: true }
                        TextField {
                            objectName: "finishField"
                            text: page.record.finish
                            placeholderText: qsTr("HH:MM")
                            inputMethodHints: Qt.ImhPreferNumbers
                            implicitHeight: Theme.touch + 4
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Finish time")
                            onTextChanged: if (text !== page.record.finish) page.record.finish = text
                        }
                        FieldError { text: page.errorFor("outcome.finish"); Layout.fillWidth: true }
                    }
                }
                Label { text: qsTr("Penalty time (minutes not credited)"); font.bold: true }
                SpinBox {
                    objectName: "penaltyField"
                    from: 0
                    to: 720
                    stepSize: 5
                    editable: true
                    value: page.record.penaltyMinutes
                    implicitHeight: Theme.touch + 4
                    Accessible.name: qsTr("Penalty minutes")
                    onValueModified: page.record.penaltyMinutes = value
                }
                FieldError { text: page.errorFor("outcome.penalty_minutes"); Layout.fillWidth: true }

                Label { text: qsTr("Quality of work"); font.bold: true }
                ChoiceBox {
                    objectName: "workQualityBox"
                    kind: ChoiceModel.Ratings
                    value: page.record.workQuality
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Quality of work")
                    onPicked: (v) => page.record.workQuality = v
                }
                FieldError { objectName: "workQualityError"; text: page.errorFor("outcome.work_quality"); Layout.fillWidth: true }

                Label { text: qsTr("Behaviour"); font.bold: true }
                ChoiceBox {
                    objectName: "behaviourBox"
                    kind: ChoiceModel.Ratings
                    value: page.record.behaviour
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Behaviour")
                    onPicked: (v) => page.record.behaviour = v
                }
                FieldError { text: page.errorFor("outcome.behaviour"); Layout.fillWidth: true }
            }

            // --- Work undertaken (attended outcomes, or correcting refused work)
            ColumnLayout {
                objectName: "workSection"
                visible: page.part === "" ? page.record.attended : page.part === "work"
                spacing: 8
                Layout.fillWidth: true

                SectionHeading { text: qsTr("Work undertaken") }
                ChoiceBox {
                    objectName: "workCategoryBox"
                    kind: ChoiceModel.WorkCategories
                    value: page.record.workCategory
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Kind of work")
                    onPicked: (v) => page.record.workCategory = v
                }
                TextArea {
                    objectName: "workDescriptionField"
                    text: page.record.workDescription
                    placeholderText: qsTr("What did they do? e.g. cleared brambles along the river path")
                    wrapMode: TextEdit.Wrap
                    Layout.fillWidth: true
                    Layout.minimumHeight: 72
                    Accessible.name: qsTr("Description of the work")
                    onTextChanged: if (text !== page.record.workDescription) page.record.workDescription = text
                }
                FieldError { text: page.errorFor("work.description"); Layout.fillWidth: true }
                RowLayout {
                    spacing: Theme.spacing
                    Layout.fillWidth: true
                    TextField {
                        objectName: "workQuantityField"
                        text: page.record.workQuantity
                        placeholderText: qsTr("Amount, e.g. 12")
                        inputMethodHints: Qt.ImhFormattedNumbersOnly
                        implicitHeight: Theme.touch + 4
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Amount of work")
                        onTextChanged: if (text !== page.record.workQuantity) page.record.workQuantity = text
                    }
                    TextField {
                        objectName: "workUnitField"
                        text: page.record.workUnit
                        placeholderText: qsTr("Unit, e.g. bags")
                        implicitHeight: Theme.touch + 4
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Unit of the amount")
                        onTextChanged: if (text !== page.record.workUnit) page.record.workUnit = text
                    }
                }
                FieldError { text: page.errorFor("work.quantity") || page.errorFor("work.unit"); Layout.fillWidth: true }
                FieldError { text: page.errorFor("work.category"); Layout.fillWidth: true }
            }

            // --- Skills (attended outcomes, or correcting a refused skill)
            ColumnLayout {
                objectName: "skillSection"
                visible: page.part === "" ? page.record.attended : page.part === "skill"
                spacing: 8
                Layout.fillWidth: true

                SectionHeading { text: qsTr("Skills observed") }
                Flow {
                    spacing: 8
                    Layout.fillWidth: true
                    Repeater {
                        model: page.record.skills
                        delegate: Button {
                            required property int index
                            required property string label
                            required property bool selected
                            objectName: "skill_" + index
                            checkable: true
                            checked: selected
                            highlighted: selected
                            text: (selected ? "✓ " : "") + label
                            implicitHeight: Theme.touch
                            Accessible.name: label
                            Accessible.checked: selected
                            onClicked: page.record.skills.setSelected(index, !selected)
                        }
                    }
                }
                Repeater {
                    model: page.record.skills
                    delegate: RowLayout {
                        required property int index
                        required property string label
                        required property bool selected
                        required property string level
                        visible: selected
                        Layout.fillWidth: true
                        Label {
                            text: label
                            font.bold: true
                            elide: Text.ElideRight
                            Layout.preferredWidth: parent.width * 0.45
                        }
                        ChoiceBox {
                            kind: ChoiceModel.SkillLevels
                            value: level
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Level for %1").arg(label)
                            onPicked: (v) => page.record.skills.setLevel(index, v)
                        }
                    }
                }
                FieldError { text: page.errorFor("skill.skill") || page.errorFor("skill.level"); Layout.fillWidth: true }
            }

            // --- Feedback
            ColumnLayout {
                objectName: "feedbackSection"
                visible: page.part === ""
                spacing: 8
                Layout.fillWidth: true
                SectionHeading { text: qsTr("Feedback for the officer") }
                Repeater {
                    model: [
                        { key: "feedbackProgress", error: "feedback.progress", label: qsTr("Progress"), hint: qsTr("How are they getting on?") },
                        { key: "feedbackStrengths", error: "feedback.strengths", label: qsTr("Strengths"), hint: qsTr("What went well?") },
                        { key: "feedbackConcerns", error: "feedback.concerns", label: qsTr("Concerns"), hint: qsTr("Anything worrying?") },
                        { key: "feedbackSupportNeeds", error: "feedback.support_needs", label: qsTr("Support needs"), hint: qsTr("Help they may need, e.g. reading, transport") },
                        { key: "feedbackIncidents", error: "feedback.incidents", label: qsTr("Incidents"), hint: qsTr("Anything that happened on site") }
                    ]
                    delegate: ColumnLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: 2
                        Label { text: modelData.label; font.bold: true }
                        TextArea {
                            objectName: modelData.key + "Field"
                            text: page.record[modelData.key]
                            placeholderText: modelData.hint
                            wrapMode: TextEdit.Wrap
                            Layout.fillWidth: true
                            Layout.minimumHeight: Theme.touch + 8
                            Accessible.name: modelData.label
                            onTextChanged: if (text !== page.record[modelData.key]) page.record[modelData.key] = text
                        }
                        FieldError { text: page.errorFor(modelData.error); Layout.fillWidth: true }
                    }
                }
                Switch {
                    objectName: "alertSwitch"
                    text: qsTr("Alert the officer")
                    checked: page.record.alertOfficer
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Alert the officer")
                    onToggled: page.record.alertOfficer = checked
                }
                TextField {
                    objectName: "alertReasonField"
                    visible: page.record.alertOfficer
                    text: page.record.alertReason
                    placeholderText: qsTr("Why should the officer look at this soon?")
                    implicitHeight: Theme.touch + 4
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Reason for the alert")
                    onTextChanged: if (text !== page.record.alertReason) page.record.alertReason = text
                }
                FieldError { objectName: "alertReasonError"; text: page.errorFor("feedback.alert_reason"); Layout.fillWidth: true }
            }

            // --- Case note
            ColumnLayout {
                objectName: "noteSection"
                visible: page.part === "" || page.part === "note"
                spacing: 8
                Layout.fillWidth: true
                SectionHeading { text: qsTr("Case note") }
                TextArea {
                    objectName: "noteField"
                    text: page.record.noteText
                    placeholderText: qsTr("Optional. Saved notes cannot be changed; a correction is a new note.")
                    wrapMode: TextEdit.Wrap
                    Layout.fillWidth: true
                    Layout.minimumHeight: 96
                    Accessible.name: qsTr("Case note")
                    onTextChanged: if (text !== page.record.noteText) page.record.noteText = text
                }
                FieldError { text: page.errorFor("note.text"); Layout.fillWidth: true }
                Switch {
                    objectName: "sensitiveSwitch"
                    text: qsTr("Sensitive note")
                    checked: page.record.noteSensitive
                    // A refused note marked sensitive stays sensitive when it is corrected.
                    enabled: !(page.part === "note" && page.record.noteSensitive)
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Sensitive note")
                    onToggled: page.record.noteSensitive = checked
                }
                Label {
                    visible: page.record.noteSensitive
                    text: qsTr("Only staff with access to sensitive notes will see it. It can never be made non-sensitive.")
                    color: Theme.muted
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallSize
                    Layout.fillWidth: true
                }
            }
            Item { Layout.preferredHeight: Theme.margin }
        }
    }

    BusyIndicator {
        anchors.centerIn: parent
        running: !page.record.loaded && page.record.busy
        visible: running
    }

    Dialog {
        id: enforceableDialog
        objectName: "enforceableDialog"
        modal: true
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 32, 380)
        title: qsTr("The officer will be alerted")

        Label {
            width: parent.width
            wrapMode: Text.Wrap
            text: qsTr("“%1” is an enforceable outcome. Saving it tells %2's responsible officer, who must decide what happens next.")
                      .arg(outcomeCodes.labelFor(page.record.outcomeCode)).arg(page.record.personName)
        }

        footer: DialogButtonBox {
            Button {
                objectName: "cancelEnforceable"
                text: qsTr("Go back")
                flat: true
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Go back")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
            Button {
                objectName: "confirmEnforceable"
                text: qsTr("Save and alert")
                highlighted: true
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Save and alert the officer")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
        onAccepted: page.record.save()
    }
}
