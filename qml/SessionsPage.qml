import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sitebook

// The day's sessions for this supervisor; the date can be moved a day at a time.
Page {
    id: page
    required property AppController app
    signal sessionChosen(int row)

    readonly property SessionListModel sessions: page.app.sessions

    property alias menu: appMenu

    // The widest word of the date (at large text on a small phone "Wednesday" alone may not fit
    // between the day buttons): when it does not fit, the date takes a line of its own below.
    TextMetrics {
        id: dateWord
        font.pixelSize: Theme.bodySize
        font.bold: true
        text: page.sessions.dateText.split(" ").reduce((a, b) => b.length > a.length ? b : a, "")
    }
    readonly property bool dateBelow: page.width - 3 * Theme.touch < dateWord.advanceWidth * 1.1 + 8

    header: ToolBar {
        contentItem: ColumnLayout {
            spacing: 0
            RowLayout {
                Layout.fillWidth: true
                spacing: 0
                ToolButton {
                    text: "‹"
                    font.pixelSize: Theme.px(28)
                    implicitWidth: Theme.touch
                    implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
                    Accessible.name: qsTr("Previous day")
                    onClicked: page.sessions.shiftDays(-1)
                }
                ColumnLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    Label {
                        objectName: "dateLabel"
                        visible: !page.dateBelow
                        text: page.sessions.dateText
                        color: "white"
                        font.pixelSize: Theme.bodySize
                        font.bold: true
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        topPadding: 4
                        Layout.fillWidth: true
                    }
                    Label {
                        text: qsTr("My sessions")
                        color: "white"
                        opacity: 0.85
                        font.pixelSize: Theme.px(12)
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        bottomPadding: 4
                        Layout.fillWidth: true
                    }
                }
                ToolButton {
                    text: "›"
                    font.pixelSize: Theme.px(28)
                    implicitWidth: Theme.touch
                    implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
                    Accessible.name: qsTr("Next day")
                    onClicked: page.sessions.shiftDays(1)
                }
                ToolButton {
                    objectName: "menuButton"
                    text: "☰"
                    font.pixelSize: Theme.px(22)
                    implicitWidth: Theme.touch
                    implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
                    Accessible.name: qsTr("Menu")
                    onClicked: appMenu.open()
                }
            }
            Label {
                objectName: "dateLabelBelow"
                visible: page.dateBelow
                text: page.sessions.dateText
                color: "white"
                font.pixelSize: Theme.bodySize
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                leftPadding: Theme.margin
                rightPadding: Theme.margin
                bottomPadding: 6
                Layout.fillWidth: true
            }
        }
    }

    AppMenu {
        id: appMenu
        app: page.app
        AppMenu.Entry {
            objectName: "todayItem"
            text: qsTr("Today")
            onClicked: {
                page.sessions.date = page.app.today
                appMenu.close()
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Button {
            objectName: "todayButton"
            visible: page.sessions.date.getTime() !== page.app.today.getTime()
            text: qsTr("Back to today")
            flat: true
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            Accessible.name: qsTr("Back to today")
            onClicked: page.sessions.date = page.app.today
        }

        ListView {
            id: list
            objectName: "sessionList"
            // A readable column on a tablet rather than cards across the whole width.
            Layout.fillWidth: true
            Layout.maximumWidth: Math.max(Theme.px(720), 600)
            Layout.alignment: Qt.AlignHCenter
            Layout.fillHeight: true
            clip: true
            model: page.sessions
            spacing: 8
            topMargin: 8
            bottomMargin: 8
            ScrollIndicator.vertical: ScrollIndicator {}

            delegate: ItemDelegate {
                id: card
                required property int index
                required property string sessionId
                required property string projectName
                required property string projectCode
                required property string projectType
                required property string location
                required property string start
                required property string end
                required property int people
                required property int recorded
                required property bool hiVis

                objectName: "session_" + index
                width: ListView.view.width
                implicitHeight: Math.max(Theme.touch, body.implicitHeight + 24)
                Accessible.name: qsTr("%1, %2 to %3, %4 of %5 recorded").arg(projectName).arg(start).arg(end).arg(recorded).arg(people)
                onClicked: page.sessionChosen(index)

                contentItem: ColumnLayout {
                    id: body
                    spacing: 4
                    Label {
                        text: card.start + "–" + card.end
                        font.pixelSize: Theme.bodySize
                        font.bold: true
                        color: Theme.primary
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: card.projectName
                        textFormat: Text.PlainText
                        font.pixelSize: Theme.titleSize
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: card.location
                        textFormat: Text.PlainText
                        visible: text.length > 0
                        color: Theme.muted
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: card.projectType + " · " + card.projectCode
                        color: Theme.muted
                        font.pixelSize: Theme.smallSize
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: card.recorded === card.people
                              ? qsTr("✓ All %n recorded", "", card.people)
                              : qsTr("%1 of %n recorded", "", card.people).arg(card.recorded)
                        color: card.recorded === card.people ? Theme.ok : Theme.warning
                        font.pixelSize: Theme.smallSize
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    // The hi-vis warning on its own band, so it wraps and is never cut.
                    Rectangle {
                        visible: card.hiVis
                        color: Theme.warningBackground
                        radius: 4
                        implicitHeight: hiVisText.implicitHeight
                        Layout.fillWidth: true
                        Label {
                            id: hiVisText
                            objectName: "hiVisWarning"
                            width: parent.width
                            text: qsTr("⚠ Hi-vis required")
                            color: Theme.warning
                            font.pixelSize: Theme.smallSize
                            font.bold: true
                            wrapMode: Text.Wrap
                            padding: 6
                        }
                    }
                }
            }

            Label {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.margin
                visible: list.count === 0 && !page.sessions.loading
                text: page.sessions.error.length > 0 ? page.sessions.error
                                                      : qsTr("No sessions on this day.")
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                color: Theme.muted
                font.pixelSize: Theme.bodySize
            }
            BusyIndicator {
                anchors.centerIn: parent
                running: page.sessions.loading && list.count === 0
                visible: running
            }
        }
    }
}
