import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sitebook

// Changes the server refused, each with its reason. An outcome, feedback, work undertaken, a
// skill or a case note is corrected in the record form (prefilled with what was refused; work,
// a skill or a note shows that section alone), an enforcement decision in the decision form of
// the person's page; either resubmits it. Any change can be discarded (after confirmation): it
// is dropped and the record returns to the server's version. Each item names the person, the
// session and what was refused, from the device's own copy of the change; one that cannot be
// corrected here says why and what to do instead.
Page {
    id: page
    required property AppController app
    signal back()
    signal correctionChosen(string opId, string appointmentId, string reason)
    title: qsTr("Needs attention")
    Component.onCompleted: page.app.attention.reload()

    // A refused enforcement decision: the person's page, its decision form prefilled.
    function correctDecision(opId, personId, appointmentId, refused, reason) {
        page.app.person.loadDecisionCorrection(opId, personId, appointmentId,
                                               refused.action || "", refused.note || "", reason)
        page.StackView.view.push(personPage)
    }

    Component {
        id: personPage
        PersonPage {
            app: page.app
            onBack: StackView.view.pop()
            StackView.onRemoved: page.app.person.clear()
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
                text: page.title
                color: "white"
                font.bold: true
                font.pixelSize: Theme.titleSize
                wrapMode: Text.Wrap
                topPadding: 4
                bottomPadding: 4
                rightPadding: Theme.margin
                Layout.fillWidth: true
            }
        }
    }

    ListView {
        id: list
        objectName: "attentionList"
        anchors.fill: parent
        model: page.app.attention
        clip: true
        header: Label {
            width: list.width
            padding: Theme.margin
            wrapMode: Text.Wrap
            text: list.count === 0 ? qsTr("✓ Nothing needs attention.")
                                   : qsTr("The server did not accept these changes. Correct and resubmit them, or discard them.")
        }
        delegate: ItemDelegate {
            id: item
            required property string opId
            required property string summary
            required property string code
            required property string message
            required property string when
            required property string appointmentId
            required property bool correctable
            required property string kind
            required property string personId
            required property var refused
            required property string personName
            required property string sessionText
            required property string refusedText
            required property string blockedReason
            width: ListView.view.width
            Accessible.name: (personName !== "" ? personName + ". " : "")
                             + (refusedText !== "" ? refusedText : summary)
            contentItem: ColumnLayout {
                spacing: 4
                Label {
                    objectName: "attentionPerson"
                    text: "⚠ " + (item.personName !== "" ? item.personName
                                                          : qsTr("Someone no longer on this phone"))
                    textFormat: Text.PlainText
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "attentionSession"
                    visible: item.sessionText !== ""
                    text: item.sessionText
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "attentionRefused"
                    text: item.refusedText !== "" ? item.refusedText : item.summary
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("Server's reason: %1").arg(item.message !== "" ? item.message : item.code)
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("Recorded %1").arg(item.when)
                    color: Theme.muted
                    font.pixelSize: Theme.smallSize
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "attentionBlocked"
                    visible: !item.correctable && item.blockedReason !== ""
                    text: item.blockedReason
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    font.bold: true
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "resubmitButton"
                    visible: item.correctable
                    text: qsTr("Correct and resubmit")
                    highlighted: true
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Correct and resubmit")
                    onClicked: {
                        const reason = item.message !== "" ? item.message : item.code
                        if (item.kind === "enforcement_decision")
                            page.correctDecision(item.opId, item.personId, item.appointmentId, item.refused, reason)
                        else
                            page.correctionChosen(item.opId, item.appointmentId, reason)
                    }
                }
                Button {
                    objectName: "discardButton"
                    text: qsTr("Discard this change")
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Discard this change")
                    onClicked: {
                        confirm.opId = item.opId
                        confirm.lost = [item.personName, item.sessionText,
                                        item.refusedText !== "" ? item.refusedText : item.summary]
                                       .filter(function(line) { return line !== "" }).join("\n")
                        confirm.open()
                    }
                }
            }
        }
    }

    Dialog {
        id: confirm
        objectName: "discardDialog"
        property string opId
        property string lost  // what the change recorded, one line each
        modal: true
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 380)
        title: qsTr("Discard this change?")
        ColumnLayout {
            width: parent.width
            spacing: 8
            Label {
                text: qsTr("This will be lost:")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "discardLost"
                text: confirm.lost
                textFormat: Text.PlainText
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("It will not be sent. The record goes back to what the server holds. This cannot be undone.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
        footer: DialogButtonBox {
            Button {
                objectName: "confirmDiscardButton"
                text: qsTr("Discard")
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Discard")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                text: qsTr("Keep")
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Keep")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        onAccepted: page.app.attention.discard(opId, qsTr("Discarded on the needs-attention screen"))
    }
}
