import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sitebook

// The responsible officer's start: what needs a decision, and the caseload with hours progress.
Page {
    id: page
    required property AppController app
    signal personChosen(string personId)
    title: qsTr("My caseload")

    header: ColumnLayout {
        spacing: 0
        ToolBar {
            Layout.fillWidth: true
            Label {
                anchors.fill: parent
                anchors.leftMargin: Theme.margin
                verticalAlignment: Text.AlignVCenter
                text: page.app.userName !== "" ? qsTr("Sitebook — %1").arg(page.app.userName) : qsTr("Sitebook")
                font.bold: true
                font.pixelSize: Theme.titleSize
            }
        }
        TabBar {
            id: tabs
            objectName: "officerTabs"
            Layout.fillWidth: true
            TabButton {
                text: qsTr("Needs a decision (%1)").arg(page.app.inbox.count)
                implicitHeight: Theme.touch
            }
            TabButton {
                text: qsTr("Caseload (%1)").arg(page.app.caseload.count)
                implicitHeight: Theme.touch
            }
        }
    }
    property alias currentTab: tabs.currentIndex

    StackLayout {
        anchors.fill: parent
        currentIndex: tabs.currentIndex

        ListView {
            id: inboxList
            objectName: "inboxList"
            model: page.app.inbox
            clip: true
            header: Label {
                width: inboxList.width
                padding: Theme.margin
                visible: inboxList.count === 0
                height: visible ? implicitHeight : 0
                text: qsTr("✓ Nothing needs a decision.")
            }
            delegate: ItemDelegate {
                id: row
                required property string personId
                required property string personName
                required property string crn
                required property string kindIcon
                required property string kindText
                required property string message
                required property string dueText
                required property bool overdue
                required property bool breachReferralRequired
                width: ListView.view.width
                Accessible.name: kindText + ", " + personName + ". " + message + " " + dueText
                onClicked: page.personChosen(personId)
                contentItem: RowLayout {
                    spacing: 12
                    Label {
                        text: row.kindIcon
                        font.pixelSize: Theme.px(24)
                        Layout.alignment: Qt.AlignTop
                        Accessible.ignored: true
                    }
                    ColumnLayout {
                        spacing: 2
                        Layout.fillWidth: true
                        Label {
                            text: row.kindText + " · " + row.personName + " (" + row.crn + ")"
                            font.bold: true
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                            Layout.maximumWidth: parent.width
                        }
                        Label {
                            text: row.message
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                            Layout.maximumWidth: parent.width
                        }
                        Label {
                            visible: row.dueText !== ""
                            text: (row.overdue ? "⚠ " : "◷ ") + row.dueText
                            color: row.overdue ? Theme.danger : Theme.muted
                            font.bold: row.overdue
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                            Layout.maximumWidth: parent.width
                        }
                        Label {
                            visible: row.breachReferralRequired
                            text: "⚠ " + qsTr("Breach referral required: a warning was given on this order within 12 months")
                            color: Theme.danger
                            font.bold: true
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                            Layout.maximumWidth: parent.width
                        }
                    }
                }
            }
        }

        ListView {
            id: caseloadList
            objectName: "caseloadList"
            model: page.app.caseload
            clip: true
            header: Label {
                width: caseloadList.width
                padding: Theme.margin
                visible: caseloadList.count === 0
                height: visible ? implicitHeight : 0
                wrapMode: Text.Wrap
                text: qsTr("No progress has been received yet. Sync to fetch your caseload.")
            }
            delegate: ItemDelegate {
                id: person
                required property string personId
                required property string name
                required property string crn
                required property int requiredMinutes
                required property int creditedMinutes
                required property int eteAllowanceMinutes
                required property int eteCreditedMinutes
                required property string hoursText
                required property string eteText
                required property int openItems
                required property bool completed
                width: ListView.view.width
                Accessible.name: name + ", " + hoursText
                onClicked: page.personChosen(personId)
                contentItem: ColumnLayout {
                    spacing: 4
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            text: person.name
                            font.bold: true
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                        }
                        Label { text: person.crn; color: Theme.muted }
                    }
                    ProgressBar {
                        from: 0
                        to: Math.max(1, person.requiredMinutes)
                        value: person.creditedMinutes
                        Layout.fillWidth: true
                        Accessible.name: person.hoursText
                    }
                    Label {
                        text: (person.completed ? "✓ " + qsTr("Completed") + " · " : "") + person.hoursText
                        font.pixelSize: Theme.smallSize
                    }
                    ProgressBar {
                        visible: person.eteAllowanceMinutes > 0
                        from: 0
                        to: Math.max(1, person.eteAllowanceMinutes)
                        value: person.eteCreditedMinutes
                        Layout.fillWidth: true
                        Accessible.name: person.eteText
                    }
                    Label {
                        visible: person.eteText !== ""
                        text: person.eteText
                        font.pixelSize: Theme.smallSize
                        color: Theme.muted
                    }
                    Label {
                        visible: person.openItems > 0
                        text: "⚠ " + qsTr("Needs a decision: %1").arg(person.openItems)
                        color: Theme.warning
                        font.pixelSize: Theme.smallSize
                    }
                }
            }
        }
    }
}
