import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sitebook

// Changes the server refused, each with its reason. An outcome, feedback, work undertaken, a
// skill or a case note is corrected in the record form (prefilled with what was refused; work,
// a skill or a note shows that section alone), an enforcement decision in the decision form of
// the person's page; either resubmits it. Any change can be discarded (after confirmation): it
// is dropped and the record returns to the server's version.
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
                font.bold: true
                font.pixelSize: Theme.titleSize
                elide: Text.ElideRight
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
            width: ListView.view.width
            contentItem: ColumnLayout {
                spacing: 4
                Label {
                    text: "⚠ " + summary
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("Server's reason: %1").arg(message !== "" ? message : code)
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("Recorded %1").arg(when)
                    color: Theme.muted
                    font.pixelSize: Theme.smallSize
                }
                Button {
                    objectName: "resubmitButton"
                    visible: correctable
                    text: qsTr("Correct and resubmit")
                    highlighted: true
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Correct and resubmit")
                    onClicked: {
                        const reason = message !== "" ? message : code
                        if (kind === "enforcement_decision")
                            page.correctDecision(opId, personId, appointmentId, refused, reason)
                        else
                            page.correctionChosen(opId, appointmentId, reason)
                    }
                }
                Button {
                    objectName: "discardButton"
                    text: qsTr("Discard this change")
                    implicitHeight: Theme.touch
                    Accessible.name: qsTr("Discard this change")
                    onClicked: {
                        confirm.opId = opId
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
        modal: true
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 380)
        title: qsTr("Discard this change?")
        Label {
            width: parent.width
            wrapMode: Text.Wrap
            text: qsTr("It will not be sent again. The record goes back to what the server holds. This cannot be undone.")
        }
        footer: DialogButtonBox {
            Button {
                objectName: "confirmDiscardButton"
                text: qsTr("Discard")
                implicitHeight: Theme.touch
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                text: qsTr("Keep")
                implicitHeight: Theme.touch
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        onAccepted: page.app.attention.discard(opId, qsTr("Discarded on the needs-attention screen"))
    }
}
