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

    // The decision form for an appointment, with a decision already chosen.
    function openDecision(appointmentId, action, note) {
        decision.appointmentId = appointmentId
        warn.checked = action === "" || action === "warning_issued"
        refer.checked = action === "refer_for_breach"
        nfa.checked = action === "no_further_action"
        noteField.text = note
        decision.open()
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

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            ToolButton {
                text: "‹ " + qsTr("Back")
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Back")
                onClicked: page.back()
            }
            Label {
                text: page.person.name + "  " + page.person.crn
                font.bold: true
                font.pixelSize: Theme.titleSize
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
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
            SectionHeading { text: qsTr("Hours") }
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
                Layout.leftMargin: Theme.margin
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
                text: qsTr("Solid: hours credited. Dashed: the pace that completes the order 12 months after sentence (%1).").arg(page.person.sentenceDate)
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallSize
                color: Theme.muted
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
            }

            SectionHeading { text: qsTr("Needs a decision"); visible: page.person.items.length > 0 }
            Repeater {
                model: page.person.items
                delegate: ColumnLayout {
                    required property var modelData
                    spacing: 2
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: Theme.margin
                    Label {
                        text: modelData.kindIcon + " " + modelData.kindText
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label { text: modelData.message; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    Label {
                        visible: modelData.dueText !== ""
                        text: (modelData.overdue ? "⚠ " : "◷ ") + modelData.dueText
                        color: modelData.overdue ? Theme.danger : Theme.muted
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: modelData.breachReferralRequired
                        text: "⚠ " + qsTr("Breach referral required: a warning was given on this order within 12 months")
                        color: Theme.danger
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Button {
                        objectName: "decideButton"
                        visible: modelData.kind === "enforcement_due"
                        text: qsTr("Record a decision")
                        implicitHeight: Theme.touch
                        Accessible.name: qsTr("Record a decision")
                        onClicked: page.openDecision(modelData.appointmentId, "", "")
                    }
                }
            }

            SectionHeading { text: qsTr("Appointments and feedback") }
            Repeater {
                model: page.person.timeline
                delegate: ColumnLayout {
                    required property var modelData
                    spacing: 2
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: Theme.margin
                    Label {
                        text: modelData.date + "  " + modelData.project + "  "
                              + (modelData.outcomeCode !== "" ? (modelData.enforceable ? "⚠ " : "✓ ") + modelData.outcomeCode
                                                              : "○ " + qsTr("no outcome"))
                              + (modelData.creditedMinutes > 0 ? "  +" + Math.floor(modelData.creditedMinutes / 60) + "h" + (modelData.creditedMinutes % 60 ? " " + modelData.creditedMinutes % 60 + "m" : "") : "")
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: modelData.hasFeedback
                        text: qsTr("Feedback: %1").arg(modelData.feedback) + (modelData.concerns ? "\n" + qsTr("Concerns: %1").arg(modelData.concerns) : "")
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: modelData.alert === true
                        text: "⚠ " + qsTr("Supervisor's alert: %1").arg(modelData.alertReason)
                        color: Theme.warning
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: !modelData.hasFeedback && modelData.outcomeCode !== ""
                        text: qsTr("No feedback")
                        color: Theme.muted
                    }
                }
            }

            SectionHeading { text: qsTr("Case notes") }
            Label {
                visible: page.person.notes.length === 0
                text: qsTr("No case notes.")
                color: Theme.muted
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
                        text: Qt.formatDateTime(modelData.createdAt, "d MMM yyyy HH:mm")
                              + (modelData.sensitive ? "  🔒 " + qsTr("Sensitive") : "")
                        font.bold: true
                    }
                    Label {
                        visible: modelData.amends !== undefined
                        text: "✎ " + qsTr("Amends: “%1”").arg(modelData.amendsText || "")
                        color: Theme.muted
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label { text: modelData.text; wrapMode: Text.Wrap; Layout.fillWidth: true }
                }
            }
            Item { Layout.preferredHeight: Theme.margin }
        }
    }

    Dialog {
        id: decision
        objectName: "decisionDialog"
        property string appointmentId
        modal: true
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 400)
        title: qsTr("Enforcement decision")
        ColumnLayout {
            width: parent.width
            Label {
                objectName: "decisionCorrectionBanner"
                visible: page.person.correctingDecision
                         && decision.appointmentId === page.person.correctionAppointmentId
                text: "⚠ " + qsTr("Correcting a refused decision. Server's reason: %1").arg(page.person.correctionReason)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            RadioButton { id: warn; objectName: "warningChoice"; text: qsTr("Warning issued"); checked: true }
            RadioButton { id: refer; objectName: "referChoice"; text: qsTr("Refer for breach") }
            RadioButton { id: nfa; objectName: "nfaChoice"; text: qsTr("No further action") }
            TextField {
                id: noteField
                objectName: "decisionNoteField"
                placeholderText: qsTr("Reason (optional)")
                Layout.fillWidth: true
                Accessible.name: qsTr("Reason")
            }
            FieldError {
                objectName: "decisionError"
                text: page.person.decisionError
                Layout.fillWidth: true
            }
        }
        footer: DialogButtonBox {
            Button {
                objectName: "saveDecisionButton"
                text: page.person.correctingDecision
                      && decision.appointmentId === page.person.correctionAppointmentId
                      ? qsTr("Resubmit decision") : qsTr("Save decision")
                implicitHeight: Theme.touch
                enabled: !page.person.busy
                onClicked: page.person.recordDecision(decision.appointmentId,
                                                      warn.checked ? "warning_issued" : refer.checked ? "refer_for_breach" : "no_further_action",
                                                      noteField.text)
            }
            Button {
                text: qsTr("Cancel")
                implicitHeight: Theme.touch
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        Connections {
            target: page.person
            function onDecisionSaved() { decision.close() }
        }
    }
}
