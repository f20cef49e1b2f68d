import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sitebook

// One person for the responsible officer: hours progress and a chart of credited hours against
// the pace needed, what needs a decision (with the enforcement decision form), the appointment
// timeline with the supervisor's feedback, and case notes (amendments show what they amend).
Page {
    id: page
    required property AppController app
    readonly property PersonController person: app.person
    signal back()
    title: person.name

    // The decision form for an appointment. Nothing is chosen unless a refused decision is being
    // corrected (`action` then holds the refused choice).
    function openDecision(appointmentId, action, note) {
        decision.appointmentId = appointmentId
        decision.absence = page.outcomeOf(appointmentId) === "UACP" || action === "absence_acceptable"
        warn.checked = action === "warning_issued"
        refer.checked = action === "refer_for_breach"
        nfa.checked = action === "no_further_action"
        acceptable.checked = action === "absence_acceptable"
        // A refused acceptable absence keeps the reason it was judged acceptable for.
        const code = action === "absence_acceptable" ? page.person.correctionReclassifiedAs : ""
        for (let i = 0; i < reasonRepeater.count; ++i)
            reasonRepeater.itemAt(i).checked = code !== "" && reasonRepeater.itemAt(i).code === code
        noteField.text = note
        decision.decidedOn = page.person.ukToday()
        decision.open()
    }
    // The outcome code of an appointment on the timeline ("" if none).
    function outcomeOf(appointmentId) {
        const t = page.person.timeline
        for (let i = 0; i < t.length; ++i) {
            if (t[i].appointmentId === appointmentId)
                return t[i].outcomeCode
        }
        return ""
    }
    // What the officer just did, until the page is left ("Recorded, sending").
    property string recordedText: ""
    Connections {
        target: page.person
        function onDecisionSaved() {
            page.recordedText = qsTr("Recorded, sending. It leaves this list now and goes to the server with the next sync.")
        }
    }

    // Correcting a refused decision: the form opens prefilled once the person is shown (once;
    // "Cancel" leaves the page as it is).
    property bool correctionShown: false
    Connections {
        target: page.person
        function onLoaded() {
            if (page.person.correctingDecision && !page.correctionShown) {
                page.correctionShown = true
                page.openDecision(page.person.correctionAppointmentId,
                                  page.person.correctionAction, page.person.correctionNote)
            }
        }
    }

    // The name, then the CRN, each wrapping beside the back button.
    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            spacing: 0
            ToolButton {
                objectName: "backButton"
                text: "‹"
                font.pixelSize: Theme.px(28)
                implicitWidth: Theme.touch
                implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
                Layout.alignment: Qt.AlignTop
                Accessible.name: qsTr("Back")
                onClicked: page.back()
            }
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Label {
                    objectName: "personTitle"
                    text: page.person.name
                    textFormat: Text.PlainText
                    color: "white"
                    font.bold: true
                    font.pixelSize: Theme.titleSize
                    wrapMode: Text.Wrap
                    topPadding: 4
                    rightPadding: Theme.margin
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "personCrn"
                    text: page.person.crn
                    textFormat: Text.PlainText
                    color: "white"
                    opacity: 0.85
                    font.pixelSize: Theme.smallSize
                    wrapMode: Text.Wrap
                    bottomPadding: 4
                    rightPadding: Theme.margin
                    Layout.fillWidth: true
                }
            }
        }
    }

    // A section heading in line with the page's text.
    component Heading: SectionHeading {
        leftPadding: Theme.margin
        rightPadding: Theme.margin
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: scroll.availableWidth
            spacing: Theme.spacing

            PlacementFlags {
                flags: page.person.placementFlags
                Layout.fillWidth: true
            }
            Heading { text: qsTr("Hours") }
            ProgressBar {
                from: 0
                to: Math.max(1, page.person.requiredMinutes)
                value: page.person.creditedMinutes
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                Accessible.name: page.person.hoursText
            }
            Label {
                text: page.person.hoursText + (page.person.eteText !== "" ? " · " + page.person.eteText : "")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            Canvas {
                id: chart
                objectName: "creditChart"
                Layout.fillWidth: true
                Layout.preferredHeight: 160
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                Accessible.role: Accessible.Chart
                Accessible.name: qsTr("Credited hours over time (solid) against the pace needed to finish within 12 months (dashed)")
                property var points: page.person.credits
                onPointsChanged: requestPaint()
                onWidthChanged: requestPaint()
                onPaint: {
                    const ctx = getContext("2d")
                    ctx.reset()
                    const start = Date.parse(page.person.sentenceDate)
                    const required = page.person.requiredMinutes
                    if (isNaN(start) || required <= 0)
                        return
                    const day = 86400000
                    const span = 365 * day
                    const x = t => (t - start) / span * width
                    const y = m => height - Math.min(1, m / required) * (height - 4)
                    ctx.strokeStyle = "#9e9e9e"
                    ctx.lineWidth = 1
                    ctx.strokeRect(0, 0, width, height)
                    ctx.setLineDash([6, 4])
                    ctx.beginPath()
                    ctx.moveTo(0, height)
                    ctx.lineTo(width, y(required))
                    ctx.stroke()
                    ctx.setLineDash([])
                    ctx.strokeStyle = Theme.primary
                    ctx.lineWidth = 3
                    ctx.beginPath()
                    ctx.moveTo(0, height)
                    for (let i = 0; i < points.length; ++i)
                        ctx.lineTo(x(Date.parse(points[i].date)), y(points[i].minutes))
                    ctx.stroke()
                }
            }
            Label {
                text: qsTr("Solid: hours credited. Dashed: the pace that completes the order 12 months after sentence (%1).").arg(page.person.sentenceDateText)
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallSize
                color: Theme.muted
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }

            Label {
                objectName: "recordedNotice"
                visible: page.recordedText !== ""
                text: "✓ " + page.recordedText
                color: Theme.ok
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }
            Heading { text: qsTr("Needs a decision"); visible: page.person.items.length > 0 }
            Repeater {
                objectName: "itemRepeater"
                model: page.person.items
                delegate: ColumnLayout {
                    id: itemRow
                    required property var modelData
                    spacing: 2
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: Theme.margin
                    Label {
                        text: itemRow.modelData.kindIcon + " " + itemRow.modelData.kindText
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: itemRow.modelData.messageText
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "alertReason"
                        visible: itemRow.modelData.kind === "supervisor_alert"
                        text: qsTr("Supervisor's reason: %1").arg(itemRow.modelData.reason)
                        textFormat: Text.PlainText
                        color: Theme.warning
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: itemRow.modelData.dueText !== ""
                        text: (itemRow.modelData.overdue ? "⚠ " : "◷ ") + itemRow.modelData.dueText
                        color: itemRow.modelData.overdue ? Theme.danger : Theme.muted
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: itemRow.modelData.breachReferralRequired
                        text: "⚠ " + qsTr("Breach referral required: a warning was given on this order within 12 months")
                        color: Theme.danger
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    // Conflicting outcomes: each version, and the control that confirms it.
                    Repeater {
                        model: itemRow.modelData.kind === "conflict" ? itemRow.modelData.versions : []
                        delegate: ColumnLayout {
                            id: versionRow
                            required property var modelData
                            required property int index
                            spacing: 2
                            Layout.fillWidth: true
                            Label {
                                text: qsTr("Version %1: %2 (%3)").arg(versionRow.index + 1)
                                      .arg(versionRow.modelData.description).arg(versionRow.modelData.code)
                                      + (versionRow.modelData.times !== "" ? ", " + versionRow.modelData.times : "")
                                      + (versionRow.modelData.penaltyMinutes > 0
                                         ? ", " + qsTr("penalty %1 min").arg(versionRow.modelData.penaltyMinutes) : "")
                                textFormat: Text.PlainText
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            WrappingButton {
                                objectName: "confirmVersion_" + versionRow.index
                                text: qsTr("This outcome is right")
                                enabled: !page.person.busy
                                Accessible.name: qsTr("This outcome is right: version %1, %2").arg(versionRow.index + 1).arg(versionRow.modelData.description)
                                onClicked: page.person.confirmOutcome(itemRow.modelData.appointmentId,
                                                                      versionRow.modelData.outcomeJson)
                            }
                        }
                    }
                    WrappingButton {
                        objectName: "acknowledgeButton"
                        visible: itemRow.modelData.kind === "supervisor_alert"
                        text: qsTr("I have read this alert")
                        enabled: !page.person.busy
                        Accessible.name: qsTr("I have read this alert")
                        onClicked: page.person.acknowledgeAlert(itemRow.modelData.feedbackId)
                    }
                    WrappingButton {
                        objectName: "decideButton"
                        visible: itemRow.modelData.kind === "enforcement_due"
                        text: qsTr("Record a decision")
                        Accessible.name: qsTr("Record a decision")
                        onClicked: page.openDecision(itemRow.modelData.appointmentId, "", "")
                    }
                }
            }
            FieldError {
                objectName: "itemError"
                text: decision.opened ? "" : page.person.decisionError
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }

            Heading { text: qsTr("Decisions"); visible: page.person.decisions.length > 0 }
            Repeater {
                model: page.person.decisions
                delegate: ColumnLayout {
                    id: decisionRow
                    required property var modelData
                    spacing: 2
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: Theme.margin
                    Label {
                        text: page.actionText(decisionRow.modelData.action) + " · " + decisionRow.modelData.decidedOnText
                              + (decisionRow.modelData.reclassifiedAs !== ""
                                 ? " · " + qsTr("now %1 (%2)").arg(decisionRow.modelData.reclassifiedText).arg(decisionRow.modelData.reclassifiedAs) : "")
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: decisionRow.modelData.note !== ""
                        text: decisionRow.modelData.note
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "decisionState"
                        text: decisionRow.modelData.sending ? "◷ " + qsTr("Recorded, sending") : "✓ " + qsTr("Sent")
                        color: decisionRow.modelData.sending ? Theme.muted : Theme.ok
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }

            Heading { text: qsTr("Appointments and feedback") }
            Repeater {
                model: page.person.timeline
                delegate: ColumnLayout {
                    required property var modelData
                    spacing: 2
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: Theme.margin
                    Label {
                        textFormat: Text.PlainText
                        text: (modelData.dateText !== "" ? modelData.dateText + "  " : "") + modelData.project + "  "
                              + (modelData.outcomeCode !== "" ? (modelData.enforceable ? "⚠ " : "✓ ") + modelData.outcomeCode
                                                              : "○ " + qsTr("no outcome"))
                              + (modelData.creditedText !== "" ? "  " + modelData.creditedText : "")
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: modelData.hasFeedback
                        text: qsTr("Feedback: %1").arg(modelData.feedback) + (modelData.concerns ? "\n" + qsTr("Concerns: %1").arg(modelData.concerns) : "")
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: modelData.alert === true
                        text: "⚠ " + qsTr("Supervisor's alert: %1").arg(modelData.alertReason)
                        textFormat: Text.PlainText
                        color: Theme.warning
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: !modelData.hasFeedback && modelData.outcomeCode !== ""
                        text: qsTr("No feedback")
                        color: Theme.muted
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }

            Heading { text: qsTr("Case notes") }
            Label {
                visible: page.person.notes.length === 0
                text: qsTr("No case notes.")
                color: Theme.muted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
            }
            Repeater {
                model: page.person.notes
                delegate: ColumnLayout {
                    required property var modelData
                    spacing: 2
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: Theme.margin
                    Label {
                        text: modelData.createdText
                              + (modelData.sensitive ? "  🔒 " + qsTr("Sensitive") : "")
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: modelData.amends !== undefined
                        text: "✎ " + qsTr("Amends: “%1”").arg(modelData.amendsText || "")
                        textFormat: Text.PlainText
                        color: Theme.muted
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: modelData.text
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }
            Item { Layout.preferredHeight: Theme.margin }
        }
    }

    // The plain-language name of a decision action.
    function actionText(action) {
        switch (action) {
        case "warning_issued": return qsTr("Warning issued")
        case "refer_for_breach": return qsTr("Refer for breach")
        case "no_further_action": return qsTr("No further action")
        case "absence_acceptable": return qsTr("Absence judged acceptable")
        }
        return action
    }

    // A button as wide as its words, whose words wrap on a narrow screen instead of running off
    // it.
    component WrappingButton: Button {
        id: wrapping
        Layout.fillWidth: true
        Layout.maximumWidth: implicitWidth
        implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
        contentItem: Label {
            text: wrapping.text
            font: wrapping.font
            color: wrapping.enabled ? Theme.primary : Theme.muted
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
    }

    // A radio button whose words wrap instead of running off the dialog.
    component WrappingRadio: RadioButton {
        id: radio
        Layout.fillWidth: true
        implicitHeight: Math.max(Theme.touch, contentItem.implicitHeight + topPadding + bottomPadding)
        Accessible.name: text
        contentItem: Label {
            text: radio.text
            wrapMode: Text.Wrap
            leftPadding: radio.indicator.width + radio.spacing
            verticalAlignment: Text.AlignVCenter
        }
    }

    Dialog {
        id: decision
        objectName: "decisionDialog"
        property string appointmentId
        // The date of the decision ("YYYY-MM-DD"): today in the UK unless the officer moves it
        // to an earlier day (a decision made before it was recorded here).
        property string decidedOn
        // The outcome is an unacceptable absence: it can be judged acceptable after review.
        property bool absence: false
        readonly property string action: warn.checked ? "warning_issued"
                                       : refer.checked ? "refer_for_breach"
                                       : nfa.checked ? "no_further_action"
                                       : acceptable.checked ? "absence_acceptable" : ""
        readonly property string reasonCode: {
            for (let i = 0; i < reasonRepeater.count; ++i) {
                const item = reasonRepeater.itemAt(i)
                if (item && item.checked)
                    return item.code
            }
            return ""
        }
        modal: true
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 480)
        // Kept inside the window; the form scrolls when it is taller.
        margins: 16
        // A plain opaque card: the style's elevated background was not drawn for a popup this
        // tall, leaving the page visible through the form.
        background: Rectangle {
            color: "white"
            radius: 4
            border.color: Theme.muted
        }
        title: qsTr("Enforcement decision")
        // A popup does not inherit the shell's text size.
        font.pixelSize: Theme.baseSize
        ScrollView {
            id: decisionScroll
            anchors.fill: parent
            implicitHeight: decisionColumn.implicitHeight
            contentWidth: availableWidth
            clip: true
            ColumnLayout {
                id: decisionColumn
                width: decisionScroll.availableWidth
                Label {
                    objectName: "decisionCorrectionBanner"
                    visible: page.person.correctingDecision
                             && decision.appointmentId === page.person.correctionAppointmentId
                    text: "⚠ " + qsTr("Correcting a refused decision. Server's reason: %1").arg(page.person.correctionReason)
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("What did you decide?")
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                ButtonGroup { id: actions }
                WrappingRadio { id: warn; objectName: "warningChoice"; text: qsTr("Warning issued"); ButtonGroup.group: actions }
                WrappingRadio { id: refer; objectName: "referChoice"; text: qsTr("Refer for breach"); ButtonGroup.group: actions }
                WrappingRadio { id: nfa; objectName: "nfaChoice"; text: qsTr("No further action"); ButtonGroup.group: actions }
                WrappingRadio {
                    id: acceptable
                    objectName: "acceptableChoice"
                    visible: decision.absence
                    text: qsTr("Absence judged acceptable (evidence seen)")
                    ButtonGroup.group: actions
                }
                ColumnLayout {
                    visible: acceptable.checked
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Label {
                        text: qsTr("Why was the absence acceptable?")
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    ButtonGroup { id: reasons }
                    Repeater {
                        id: reasonRepeater
                        objectName: "reasonRepeater"
                        model: [
                            { code: "AAME", text: qsTr("Medical (for example a sick note)") },
                            { code: "AAEM", text: qsTr("Employment (work or a job interview)") },
                            { code: "AAFC", text: qsTr("Family emergency or caring") },
                            { code: "AACL", text: qsTr("Court appearance") },
                            { code: "AASD", text: qsTr("Stood down (the session was cancelled)") }
                        ]
                        delegate: WrappingRadio {
                            required property var modelData
                            readonly property string code: modelData.code
                            objectName: "reason_" + modelData.code
                            text: modelData.text
                            ButtonGroup.group: reasons
                        }
                    }
                }
                Label {
                    text: qsTr("Date of decision")
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "decisionDateText"
                    text: page.person.dateText(decision.decidedOn)
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Date of decision: %1").arg(text)
                }
                Flow {
                    spacing: 8
                    Layout.fillWidth: true
                    Button {
                        objectName: "decisionDayBeforeButton"
                        text: qsTr("Day before")
                        implicitHeight: Theme.touch
                        Accessible.name: qsTr("Date of decision: the day before")
                        onClicked: decision.decidedOn = page.person.addDays(decision.decidedOn, -1)
                    }
                    Button {
                        objectName: "decisionDayAfterButton"
                        text: qsTr("Day after")
                        implicitHeight: Theme.touch
                        // Up to today: a decision is not dated in the future.
                        enabled: decision.decidedOn < page.person.ukToday()
                        Accessible.name: qsTr("Date of decision: the day after")
                        onClicked: decision.decidedOn = page.person.addDays(decision.decidedOn, 1)
                    }
                }
                Label {
                    text: decision.action === "absence_acceptable" ? qsTr("Evidence seen")
                        : decision.action === "no_further_action" ? qsTr("Why no further action is needed")
                        : qsTr("Note (optional)")
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                TextArea {
                    id: noteField
                    objectName: "decisionNoteField"
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                    wrapMode: TextEdit.Wrap
                    placeholderText: decision.action === "absence_acceptable"
                                     ? qsTr("For example: GP fit note dated 3 March") : ""
                    Layout.fillWidth: true
                    Accessible.name: decision.action === "absence_acceptable" ? qsTr("Evidence seen")
                                   : qsTr("Reason")
                }
                FieldError {
                    objectName: "decisionError"
                    text: page.person.decisionError
                    Layout.fillWidth: true
                }
            }
        }
        footer: DialogButtonBox {
            Button {
                objectName: "saveDecisionButton"
                text: page.person.correctingDecision
                      && decision.appointmentId === page.person.correctionAppointmentId
                      ? qsTr("Resubmit decision") : qsTr("Record")
                implicitHeight: Theme.touch
                enabled: !page.person.busy
                Accessible.name: text
                onClicked: {
                    if (decision.action === "absence_acceptable")
                        page.person.recordAbsenceAcceptable(decision.appointmentId, decision.reasonCode,
                                                            noteField.text, decision.decidedOn)
                    else
                        page.person.recordDecision(decision.appointmentId, decision.action, noteField.text,
                                                   decision.decidedOn)
                }
            }
            Button {
                text: qsTr("Cancel")
                implicitHeight: Theme.touch
                Accessible.name: text
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        Connections {
            target: page.person
            function onDecisionSaved() { decision.close() }
        }
    }
}
