import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Sitebook

// One person's record: outcome, times, penalty, ratings, work undertaken, skills, feedback for
// the officer and a case note. Saving an enforceable outcome asks for confirmation first.
// What is typed is kept as a draft on the device (RecordController); a failed save lists every
// problem at the top ("There is a problem"), each jumping to its field. On a wide screen the
// form keeps a readable width.
Page {
    id: page
    required property AppController app
    signal back()
    signal done()

    readonly property RecordController record: page.app.record
    // Correcting refused work, a skill or a note shows that section alone ("" : everything).
    readonly property string part: page.record.correctionPart

    function requestSave() {
        page.showSummary = true
        if (page.part === "" && page.record.enforceable && page.record.recordsOutcome())
            enforceableDialog.open()
        else
            page.record.save()
    }
    // After a save is refused, the summary of problems is brought into view.
    property bool showSummary: false
    // Finds the FieldError for `field` below `item` (depth first).
    function fieldItem(item, field) {
        if (!item)
            return null
        if (item.field === field && item.visible)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = page.fieldItem(item.children[i], field)
            if (found)
                return found
        }
        return null
    }
    // The error summary's links: scrolls the field's message into view and focuses the field.
    function jumpTo(field) {
        const target = page.fieldItem(form, field)
        if (!target)
            return
        const y = target.mapToItem(form, 0, 0).y + form.y
        flick.contentY = Math.max(0, Math.min(y - flick.height / 3, flick.contentHeight - flick.height))
        if (target.target)
            target.target.forceActiveFocus()
    }
    function scrollTo(fraction) {
        flick.contentY = Math.max(0, (flick.contentHeight - flick.height) * fraction)
    }
    function closeDialogs() {
        enforceableDialog.close()
        discardDialog.close()
    }
    function errorFor(key) {
        const e = page.record.errors[key]
        return e === undefined ? "" : e
    }

    Connections {
        target: page.record
        function onSaved() { page.done() }
        function onErrorsChanged() {
            if (page.showSummary && page.record.errorList.length > 0)
                flick.contentY = 0
            page.showSummary = false
        }
    }

    OutcomeCodeModel { id: outcomeCodes }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            spacing: 0
            ToolButton {
                objectName: "recordBackButton"
                text: "‹"
                font.pixelSize: Theme.px(28)
                implicitWidth: Theme.touch
                implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
                Accessible.name: qsTr("Back to the roster; what you typed is kept as a draft")
                onClicked: page.back()
            }
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Label {
                    objectName: "personName"
                    text: page.record.personName
                    textFormat: Text.PlainText
                    color: "white"
                    font.pixelSize: Theme.bodySize
                    font.bold: true
                    wrapMode: Text.Wrap
                    topPadding: 4
                    Layout.fillWidth: true
                }
                Label {
                    text: page.record.crn + "  ·  " + page.record.scheduled
                    textFormat: Text.PlainText
                    color: "white"
                    opacity: 0.85
                    font.pixelSize: Theme.px(12)
                    wrapMode: Text.Wrap
                    bottomPadding: 4
                    Layout.fillWidth: true
                }
            }
        }
    }

    footer: Pane {
        padding: 8
        Material.elevation: 4
        ColumnLayout {
            // As wide as the form on a tablet, so Save sits under it.
            width: Math.min(parent.width, Theme.px(640))
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: 4
            // The draft's state above Save: it never moves the form while typing. Beside its
            // button when there is room, above it with large text.
            GridLayout {
                visible: page.record.loaded && !page.record.correcting
                columns: width > Theme.px(360) ? 2 : 1
                columnSpacing: 4
                rowSpacing: 0
                Layout.fillWidth: true
                Label {
                    objectName: "draftStatus"
                    text: page.record.hasDraft
                          ? (page.record.draftSavedAt.length > 0
                             ? qsTr("✎ Draft kept on this device at %1, not saved yet").arg(page.record.draftSavedAt)
                             : qsTr("✎ Draft kept on this device, not saved yet"))
                          : qsTr("What you type is kept on this device as a draft until you save.")
                    color: page.record.hasDraft ? Theme.warning : Theme.muted
                    font.pixelSize: Theme.px(12)
                    wrapMode: Text.Wrap
                    verticalAlignment: Text.AlignVCenter
                    Layout.fillWidth: true
                    Layout.minimumHeight: Theme.touch
                }
                Button {
                    objectName: "discardDraftButton"
                    visible: page.record.hasDraft
                    text: qsTr("Discard draft")
                    flat: true
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Discard draft")
                    onClicked: discardDialog.open()
                }
            }
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
            objectName: "recordForm"
            // A readable width on a tablet; the whole width on a phone.
            width: Math.min(flick.width - 2 * Theme.margin, Theme.px(640))
            x: (flick.width - width) / 2
            y: Theme.margin
            spacing: 8

            ErrorSummary {
                objectName: "errorSummary"
                errors: page.record.errorList
                Layout.fillWidth: true
                onChosen: (field) => page.jumpTo(field)
            }

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
            // A draft brought back when the form opened (known at load, so nothing shifts later).
            Rectangle {
                objectName: "draftBanner"
                visible: page.record.draftRestored && page.record.hasDraft && !page.record.correcting
                color: Theme.warningBackground
                radius: 4
                implicitHeight: draftText.implicitHeight + 16
                Layout.fillWidth: true
                Label {
                    id: draftText
                    objectName: "draftText"
                    x: 8
                    y: 8
                    width: parent.width - 16
                    text: qsTr("Draft: what you typed earlier is back, not saved yet.")
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallSize
                }
            }
            Label {
                objectName: "alreadyRecordedText"
                visible: page.record.alreadyRecorded && !page.record.correcting
                text: qsTr("Already recorded. What was recorded is shown below: change it and save to correct it. Saved case notes cannot be changed; a new note is added.")
                color: Theme.muted
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallSize
                Layout.fillWidth: true
            }

            // --- Outcome
            SectionHeading { text: qsTr("What happened?"); visible: page.part === "" }
            Label {
                visible: page.part === "" && !page.record.alreadyRecorded
                text: qsTr("Only a case note for now? Write it below and save it without choosing.")
                color: Theme.muted
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallSize
                Layout.fillWidth: true
            }
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
                        width: choice.availableWidth
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
                            wrapMode: Text.Wrap
                            rightPadding: choice.indicator.width + 8
                            Layout.fillWidth: true
                        }
                    }
                }
            }
            FieldError { field: "outcome.code"; text: page.errorFor("outcome.code"); Layout.fillWidth: true }

            // --- Times and ratings (attended outcomes only)
            ColumnLayout {
                visible: page.part === "" && page.record.attended
                spacing: 8
                Layout.fillWidth: true

                SectionHeading { text: qsTr("Times") }
                GridLayout {
                    columns: form.width > Theme.px(420) ? 2 : 1
                    columnSpacing: Theme.spacing
                    rowSpacing: 8
                    Layout.fillWidth: true
                    TimeField {
                        objectName: "arrivalTime"
                        inputName: "arrivalField"
                        label: qsTr("Arrived")
                        required: true
                        text: page.record.arrival
                        error: page.errorFor("outcome.arrival")
                        field: "outcome.arrival"
                        now: () => page.record.timeNow()
                        Layout.fillWidth: true
                        onEdited: (t) => page.record.arrival = t
                    }
                    TimeField {
                        objectName: "finishTime"
                        inputName: "finishField"
                        label: qsTr("Finished")
                        required: true
                        text: page.record.finish
                        error: page.errorFor("outcome.finish")
                        field: "outcome.finish"
                        now: () => page.record.timeNow()
                        Layout.fillWidth: true
                        onEdited: (t) => page.record.finish = t
                    }
                }
                FieldLabel { label: qsTr("Penalty time (minutes not credited)") }
                SpinBox {
                    id: penaltyField
                    objectName: "penaltyField"
                    from: 0
                    to: 720
                    stepSize: 5
                    editable: true
                    inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                    value: page.record.penaltyMinutes
                    implicitHeight: Theme.touch + 4
                    Accessible.name: qsTr("Penalty minutes")
                    onValueModified: page.record.penaltyMinutes = value
                }
                FieldError { field: "outcome.penalty_minutes"; target: penaltyField; text: page.errorFor("outcome.penalty_minutes"); Layout.fillWidth: true }

                FieldLabel { label: qsTr("Quality of work"); required: true }
                ChoiceBox {
                    id: workQualityBox
                    objectName: "workQualityBox"
                    kind: ChoiceModel.Ratings
                    value: page.record.workQuality
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Quality of work")
                    onPicked: (v) => page.record.workQuality = v
                }
                FieldError { objectName: "workQualityError"; field: "outcome.work_quality"; target: workQualityBox; text: page.errorFor("outcome.work_quality"); Layout.fillWidth: true }

                FieldLabel { label: qsTr("Behaviour"); required: true }
                ChoiceBox {
                    id: behaviourBox
                    objectName: "behaviourBox"
                    kind: ChoiceModel.Ratings
                    value: page.record.behaviour
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Behaviour")
                    onPicked: (v) => page.record.behaviour = v
                }
                FieldError { field: "outcome.behaviour"; target: behaviourBox; text: page.errorFor("outcome.behaviour"); Layout.fillWidth: true }
            }

            // --- Work undertaken (attended outcomes, or correcting refused work)
            ColumnLayout {
                objectName: "workSection"
                visible: page.part === "" ? page.record.attended : page.part === "work"
                spacing: 8
                Layout.fillWidth: true

                SectionHeading { text: qsTr("Work undertaken") }
                Label {
                    visible: page.record.editingWork && !page.record.correcting
                    text: qsTr("The work recorded earlier. Changes correct that entry.")
                    color: Theme.muted
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallSize
                    Layout.fillWidth: true
                }
                FieldLabel { label: qsTr("Kind of work") }
                ChoiceBox {
                    id: workCategoryBox
                    objectName: "workCategoryBox"
                    kind: ChoiceModel.WorkCategories
                    value: page.record.workCategory
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Kind of work")
                    onPicked: (v) => page.record.workCategory = v
                }
                FieldError { field: "work.category"; target: workCategoryBox; text: page.errorFor("work.category"); Layout.fillWidth: true }
                FieldLabel { label: qsTr("What did they do?") }
                Label {
                    text: qsTr("For example: cleared brambles along the river path")
                    color: Theme.muted
                    font.pixelSize: Theme.smallSize
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                TextArea {
                    id: workDescriptionField
                    objectName: "workDescriptionField"
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                    text: page.record.workDescription
                    wrapMode: TextEdit.Wrap
                    Layout.fillWidth: true
                    Layout.minimumHeight: 72
                    Accessible.name: qsTr("Description of the work")
                    onTextChanged: if (text !== page.record.workDescription) page.record.workDescription = text
                }
                FieldError { field: "work.description"; target: workDescriptionField; text: page.errorFor("work.description"); Layout.fillWidth: true }
                GridLayout {
                    columns: 2
                    columnSpacing: Theme.spacing
                    rowSpacing: 2
                    Layout.fillWidth: true
                    FieldLabel { label: qsTr("Amount"); Layout.preferredWidth: 1 }
                    FieldLabel { label: qsTr("Unit"); Layout.preferredWidth: 1 }
                    TextField {
                        id: workQuantityField
                        objectName: "workQuantityField"
                        text: page.record.workQuantity
                        placeholderText: qsTr("For example: 12")
                        inputMethodHints: Qt.ImhFormattedNumbersOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                        implicitHeight: Theme.touch + 4
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Accessible.name: qsTr("Amount of work")
                        onTextChanged: if (text !== page.record.workQuantity) page.record.workQuantity = text
                    }
                    TextField {
                        id: workUnitField
                        objectName: "workUnitField"
                        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                        text: page.record.workUnit
                        placeholderText: qsTr("For example: bags")
                        implicitHeight: Theme.touch + 4
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Accessible.name: qsTr("Unit of the amount")
                        onTextChanged: if (text !== page.record.workUnit) page.record.workUnit = text
                    }
                }
                FieldError { field: "work.quantity"; target: workQuantityField; text: page.errorFor("work.quantity"); Layout.fillWidth: true }
                FieldError { field: "work.unit"; target: workUnitField; text: page.errorFor("work.unit"); Layout.fillWidth: true }
                Repeater {
                    model: page.record.otherWork
                    delegate: Label {
                        required property var modelData
                        text: qsTr("Also recorded: %1").arg(modelData.text)
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        color: Theme.muted
                        font.pixelSize: Theme.smallSize
                        Layout.fillWidth: true
                    }
                }
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
                            required property bool recorded
                            objectName: "skill_" + index
                            checkable: true
                            checked: selected
                            highlighted: selected
                            text: (selected ? "✓ " : "") + label
                                  + (recorded ? " " + qsTr("(recorded)") : "")
                            implicitHeight: Theme.touch
                            Accessible.name: recorded ? qsTr("%1, recorded").arg(label) : label
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
                            wrapMode: Text.Wrap
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
                FieldError { field: "skill.skill"; text: page.errorFor("skill.skill"); Layout.fillWidth: true }
                FieldError { field: "skill.level"; text: page.errorFor("skill.level"); Layout.fillWidth: true }
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
                    // A column, not a layout: its height follows its wrapped texts at once.
                    delegate: Column {
                        id: feedbackItem
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: 2
                        FieldLabel { label: feedbackItem.modelData.label; width: feedbackItem.width }
                        Label {
                            text: feedbackItem.modelData.hint
                            color: Theme.muted
                            font.pixelSize: Theme.smallSize
                            wrapMode: Text.Wrap
                            width: feedbackItem.width
                        }
                        TextArea {
                            id: feedbackField
                            objectName: feedbackItem.modelData.key + "Field"
                            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                            text: page.record[feedbackItem.modelData.key]
                            wrapMode: TextEdit.Wrap
                            width: feedbackItem.width
                            height: Math.max(implicitHeight, Theme.touch + 8)
                            Accessible.name: feedbackItem.modelData.label
                            onTextChanged: if (text !== page.record[feedbackItem.modelData.key]) page.record[feedbackItem.modelData.key] = text
                        }
                        FieldError {
                            field: feedbackItem.modelData.error
                            target: feedbackField
                            text: page.errorFor(feedbackItem.modelData.error)
                            width: feedbackItem.width
                        }
                    }
                }
                Switch {
                    objectName: "alertSwitch"
                    text: qsTr("Alert the officer")
                    checked: page.record.alertOfficer
                    implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
                    Layout.fillWidth: true
                    contentItem: Label {
                        text: parent.text
                        leftPadding: parent.indicator.width + parent.spacing
                        wrapMode: Text.Wrap
                        verticalAlignment: Text.AlignVCenter
                    }
                    Accessible.name: qsTr("Alert the officer")
                    onToggled: page.record.alertOfficer = checked
                }
                FieldLabel {
                    visible: page.record.alertOfficer
                    label: qsTr("Why should the officer look at this soon?")
                    required: true
                }
                Label {
                    visible: page.record.alertOfficer
                    text: qsTr("For example: said he may lose his tenancy")
                    color: Theme.muted
                    font.pixelSize: Theme.smallSize
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                TextField {
                    id: alertReasonField
                    objectName: "alertReasonField"
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                    visible: page.record.alertOfficer
                    text: page.record.alertReason
                    implicitHeight: Theme.touch + 4
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Reason for the alert")
                    onTextChanged: if (text !== page.record.alertReason) page.record.alertReason = text
                }
                FieldError { objectName: "alertReasonError"; field: "feedback.alert_reason"; target: alertReasonField; text: page.errorFor("feedback.alert_reason"); Layout.fillWidth: true }
            }

            // --- Case note
            ColumnLayout {
                objectName: "noteSection"
                visible: page.part === "" || page.part === "note"
                spacing: 8
                Layout.fillWidth: true
                SectionHeading { text: qsTr("Case note") }
                Repeater {
                    model: page.part === "" ? page.record.recordedNotes : []
                    delegate: Label {
                        required property var modelData
                        text: qsTr("Saved at %1: %2").arg(modelData.time).arg(modelData.text)
                              + (modelData.sensitive ? " " + qsTr("(sensitive)") : "")
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.smallSize
                        Layout.fillWidth: true
                    }
                }
                FieldLabel {
                    label: page.record.recordedNotes.length > 0 ? qsTr("Add a note") : qsTr("Note (optional)")
                }
                Label {
                    text: qsTr("A saved note cannot be changed; to correct one, add a new note.")
                    color: Theme.muted
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallSize
                    Layout.fillWidth: true
                }
                TextArea {
                    id: noteField
                    objectName: "noteField"
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                    text: page.record.noteText
                    wrapMode: TextEdit.Wrap
                    Layout.fillWidth: true
                    Layout.minimumHeight: 96
                    Accessible.name: qsTr("Case note")
                    onTextChanged: if (text !== page.record.noteText) page.record.noteText = text
                }
                FieldError { field: "note.text"; target: noteField; text: page.errorFor("note.text"); Layout.fillWidth: true }
                Switch {
                    objectName: "sensitiveSwitch"
                    text: qsTr("Sensitive note")
                    checked: page.record.noteSensitive
                    // A refused note marked sensitive stays sensitive when it is corrected.
                    enabled: !(page.part === "note" && page.record.noteSensitive)
                    implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
                    Layout.fillWidth: true
                    contentItem: Label {
                        text: parent.text
                        leftPadding: parent.indicator.width + parent.spacing
                        wrapMode: Text.Wrap
                        verticalAlignment: Text.AlignVCenter
                    }
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
                RowLayout {
                    visible: page.part === ""
                    spacing: Theme.spacing
                    Layout.fillWidth: true
                    Button {
                        objectName: "saveNoteButton"
                        text: qsTr("Save note")
                        enabled: page.record.loaded && !page.record.busy && page.record.noteText.trim().length > 0
                        implicitHeight: Theme.touch
                        Accessible.name: qsTr("Save the note now, on its own")
                        onClicked: page.record.saveNote()
                    }
                    Label {
                        objectName: "noteSavedText"
                        visible: page.record.noteSaved
                        text: "✓ " + qsTr("Note saved")
                        color: Theme.ok
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
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
        id: discardDialog
        objectName: "discardDraftDialog"
        modal: true
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 32, 380)
        title: qsTr("Discard this draft?")

        Label {
            width: parent.width
            wrapMode: Text.Wrap
            text: page.record.alreadyRecorded
                  ? qsTr("What you typed since it was recorded will be lost. The record stays as it was saved.")
                  : qsTr("What you typed for %1 will be lost. Nothing has been recorded.").arg(page.record.personName)
        }

        footer: DialogButtonBox {
            Button {
                text: qsTr("Keep the draft")
                flat: true
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Keep the draft")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
            Button {
                objectName: "confirmDiscardDraft"
                text: qsTr("Discard draft")
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Discard the draft")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
        onAccepted: page.record.discardDraft()
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
