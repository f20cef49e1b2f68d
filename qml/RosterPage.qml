import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sitebook

// One session's people, sorted by surname, with what is recorded for each and their
// placement flags.
Page {
    id: page
    required property AppController app
    required property string sessionId
    required property string projectName
    required property string times
    required property string sessionStart
    required property string sessionEnd
    signal back()
    signal personChosen(string appointmentId)
    signal fastPathChosen()

    readonly property RosterModel roster: page.app.roster

    Component.onCompleted: page.roster.sessionId = page.sessionId

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            spacing: 0
            ToolButton {
                text: "‹"
                font.pixelSize: Theme.px(28)
                implicitWidth: Theme.touch
                implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
                Accessible.name: qsTr("Back to sessions")
                onClicked: page.back()
            }
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Label {
                    text: page.projectName
                    textFormat: Text.PlainText
                    color: "white"
                    font.pixelSize: Theme.bodySize
                    font.bold: true
                    wrapMode: Text.Wrap
                    topPadding: 4
                    rightPadding: Theme.margin
                    Layout.fillWidth: true
                }
                Label {
                    text: page.times
                    color: "white"
                    opacity: 0.85
                    font.pixelSize: Theme.px(12)
                    wrapMode: Text.Wrap
                    bottomPadding: 4
                    rightPadding: Theme.margin
                    Layout.fillWidth: true
                }
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Label {
            objectName: "rosterSummary"
            text: qsTr("%1 of %n recorded", "", page.roster.count).arg(page.roster.recordedCount)
            font.pixelSize: Theme.smallSize
            color: Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Layout.maximumWidth: list.Layout.maximumWidth
            Layout.alignment: Qt.AlignHCenter
            Layout.margins: Theme.margin
            Layout.bottomMargin: 4
        }
        Button {
            id: fastPath
            objectName: "fastPathButton"
            visible: page.roster.count > page.roster.recordedCount
            text: qsTr("Everyone attended and complied…")
            implicitHeight: Math.max(52, implicitContentHeight + topPadding + bottomPadding)
            Layout.fillWidth: true
            Layout.maximumWidth: list.Layout.maximumWidth
            Layout.alignment: Qt.AlignHCenter
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            Accessible.name: qsTr("Everyone attended and complied")
            onClicked: page.fastPathChosen()
            contentItem: Label {
                text: fastPath.text
                font.pixelSize: Theme.baseSize
                font.bold: true
                color: Theme.primary
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
        }

        ListView {
            id: list
            objectName: "rosterList"
            // A readable column on a tablet rather than rows across the whole width.
            Layout.fillWidth: true
            Layout.maximumWidth: Math.max(Theme.px(720), 600)
            Layout.alignment: Qt.AlignHCenter
            Layout.fillHeight: true
            clip: true
            model: page.roster
            ScrollIndicator.vertical: ScrollIndicator {}

            delegate: ItemDelegate {
                id: row
                required property int index
                required property string appointmentId
                required property string name
                required property string crn
                required property string scheduled
                required property var placementFlags
                required property bool recorded
                required property bool enforceable
                required property string outcomeLabel
                required property bool hasFeedback
                required property bool hasDraft

                objectName: "person_" + index
                width: ListView.view.width
                implicitHeight: Math.max(64, rowBody.implicitHeight + 20)
                Accessible.name: qsTr("%1, %2").arg(name).arg(outcomeLabel)
                onClicked: page.personChosen(appointmentId)

                contentItem: ColumnLayout {
                    id: rowBody
                    spacing: 4
                    RowLayout {
                        spacing: Theme.spacing
                        Layout.fillWidth: true
                        Label {
                            objectName: "personName"
                            text: row.name
                            textFormat: Text.PlainText
                            font.pixelSize: Theme.bodySize + 1
                            font.bold: true
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            text: row.crn
                            textFormat: Text.PlainText
                            color: Theme.muted
                            font.pixelSize: Theme.smallSize
                            Layout.alignment: Qt.AlignTop
                        }
                    }
                    RowLayout {
                        spacing: 6
                        Layout.fillWidth: true
                        Label {
                            text: !row.recorded ? "○" : (row.enforceable ? "⚠" : "✓")
                            color: !row.recorded ? Theme.muted : (row.enforceable ? Theme.error : Theme.ok)
                            font.pixelSize: Theme.bodySize
                            Layout.alignment: Qt.AlignTop
                            Accessible.ignored: true
                        }
                        Label {
                            objectName: "outcomeLabel"
                            text: row.outcomeLabel
                            color: !row.recorded ? Theme.muted : (row.enforceable ? Theme.error : Theme.ok)
                            font.pixelSize: Theme.smallSize
                            font.bold: row.recorded
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }
                    Label {
                        objectName: "draftBadge"
                        visible: row.hasDraft
                        text: "✎ " + qsTr("Draft")
                        color: Theme.warning
                        font.pixelSize: Theme.smallSize
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Draft: typed, not saved yet")
                    }
                    Label {
                        visible: row.recorded && !row.hasFeedback
                        text: "✎ " + qsTr("No feedback")
                        color: Theme.warning
                        font.pixelSize: Theme.smallSize
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    PlacementFlags {
                        flags: row.placementFlags
                        Layout.fillWidth: true
                    }
                }
            }

            Label {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.margin
                visible: list.count === 0 && !page.roster.loading
                text: page.roster.error.length > 0 ? page.roster.error
                                                    : qsTr("Nobody is booked on this session.")
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                color: Theme.muted
            }
        }
    }
}
