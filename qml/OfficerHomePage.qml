import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sitebook

// The responsible officer's start: what needs a decision, and the caseload with hours
// progress, search and filters. On a wide screen the list stays on the left and the chosen
// person's page opens beside it; on a phone the person's page opens over the list.
Page {
    id: page
    required property AppController app
    signal personChosen(string personId)
    title: qsTr("My caseload")

    property alias currentTab: tabs.currentIndex
    property alias menu: appMenu
    // List and person side by side once the list keeps a readable width at this text size.
    readonly property bool wide: width >= Math.max(840, Theme.px(640))
    readonly property int listWidth: Math.round(Math.min(Math.max(width * 0.4, Theme.px(320)),
                                                         width * 0.5))
    // The person shown beside the list (wide screens only).
    property string selectedPerson: ""

    function choose(personId) {
        if (page.wide) {
            page.selectedPerson = personId
            page.app.person.load(personId)
        } else {
            page.personChosen(personId)
        }
    }
    onWideChanged: if (!wide && selectedPerson !== "") closePerson()
    function closePerson() {
        page.selectedPerson = ""
        page.app.person.clear()
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            spacing: 0
            Label {
                objectName: "officerTitle"
                text: page.app.userName !== "" ? qsTr("Sitebook — %1").arg(page.app.userName)
                                               : qsTr("Sitebook")
                color: "white"
                font.bold: true
                font.pixelSize: Theme.titleSize
                wrapMode: Text.Wrap
                verticalAlignment: Text.AlignVCenter
                leftPadding: Theme.margin
                topPadding: 4
                bottomPadding: 4
                Layout.fillWidth: true
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
    }

    AppMenu {
        id: appMenu
        app: page.app
    }

    // A tab whose words wrap instead of being cut short; the two tabs share a row while both
    // fit, and stack when the text is large.
    component Tab: ItemDelegate {
        id: tab
        property int tabIndex: 0
        checkable: true
        checked: tabs.currentIndex === tabIndex
        width: implicitWidth <= tabs.width / 2 ? tabs.width / 2 : tabs.width
        implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
        leftPadding: 8
        rightPadding: 8
        Accessible.role: Accessible.PageTab
        Accessible.name: tab.text
        onClicked: tabs.currentIndex = tabIndex
        contentItem: Label {
            text: tab.text
            font.pixelSize: Theme.baseSize
            font.bold: tab.checked
            color: tab.checked ? Theme.accent : Theme.muted
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            color: tab.pressed ? Theme.stripBackground : "transparent"
            Rectangle {
                anchors.bottom: parent.bottom
                width: parent.width
                height: 3
                color: Theme.accent
                visible: tab.checked
            }
        }
    }
    // A filter of the caseload, chosen or not; its words wrap on a narrow screen.
    component FilterChip: Button {
        id: chip
        property string value: ""
        checkable: true
        checked: page.app.caseload.filter === value
        width: Math.min(implicitWidth, parent ? parent.width : implicitWidth)
        implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
        Accessible.name: chip.text
        Accessible.checkable: true
        Accessible.checked: chip.checked
        onClicked: page.app.caseload.filter = value
        leftPadding: 14
        rightPadding: 14
        topPadding: 6
        bottomPadding: 6
        background: Rectangle {
            radius: Math.min(height / 2, 24)
            color: chip.checked ? Theme.primary : "transparent"
            border.color: Theme.primary
            border.width: 1
        }
        contentItem: Label {
            text: chip.text
            font.pixelSize: Theme.smallSize
            color: chip.checked ? "white" : Theme.primary
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        ColumnLayout {
            spacing: 0
            Layout.fillHeight: true
            Layout.fillWidth: !page.wide
            Layout.preferredWidth: page.wide ? page.listWidth : -1
            Layout.maximumWidth: page.wide ? page.listWidth : Number.POSITIVE_INFINITY

            Flow {
                id: tabs
                objectName: "officerTabs"
                property int currentIndex: 0
                Layout.fillWidth: true
                Accessible.role: Accessible.PageTabList
                Tab {
                    objectName: "inboxTab"
                    tabIndex: 0
                    text: qsTr("Needs a decision (%1)").arg(page.app.inbox.count)
                }
                Tab {
                    objectName: "caseloadTab"
                    tabIndex: 1
                    text: qsTr("Caseload (%1)").arg(page.app.caseload.totalCount)
                }
            }

            StackLayout {
                currentIndex: tabs.currentIndex
                Layout.fillWidth: true
                Layout.fillHeight: true

                ListView {
                    id: inboxList
                    objectName: "inboxList"
                    model: page.app.inbox
                    clip: true
                    ScrollIndicator.vertical: ScrollIndicator {}
                    header: Label {
                        width: inboxList.width
                        padding: Theme.margin
                        visible: inboxList.count === 0
                        height: visible ? implicitHeight : 0
                        wrapMode: Text.Wrap
                        text: qsTr("✓ Nothing needs a decision.")
                    }
                    delegate: ItemDelegate {
                        id: row
                        required property int index
                        required property string personId
                        required property string personName
                        required property string crn
                        required property string kind
                        required property string kindIcon
                        required property string kindText
                        required property string message
                        required property string reason
                        required property var versions
                        required property string messageText
                        required property string dueDateText
                        required property bool overdue
                        required property bool breachReferralRequired
                        readonly property string dueWords: dueDateText === "" ? ""
                            : overdue ? qsTr("Respond by %1 (passed)").arg(dueDateText)
                                      : qsTr("Respond by %1").arg(dueDateText)
                        // A supervisor's alert: why they raised it, as they wrote it.
                        readonly property string reasonWords: kind === "supervisor_alert" && reason !== ""
                            ? qsTr("Supervisor's reason: %1").arg(reason) : ""
                        // A conflict: the outcomes recorded, on one line ("Attended (ATTC) or ...").
                        readonly property string versionWords: kind === "conflict" && versions && versions.length > 0
                            ? qsTr("Outcomes recorded: %1").arg(versions.map(function(v) {
                                  return v.description + " (" + v.code + ")" + (v.times !== "" ? " " + v.times : "")
                              }).join(qsTr(" or ")))
                            : ""
                        objectName: "inboxItem_" + index
                        width: ListView.view.width
                        highlighted: page.wide && page.selectedPerson === personId
                        implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
                        leftPadding: Theme.margin
                        rightPadding: Theme.margin
                        Accessible.name: kindText + ", " + personName + ", " + crn + ". " + messageText
                                         + (reasonWords !== "" ? ". " + reasonWords : "")
                                         + (versionWords !== "" ? ". " + versionWords : "")
                                         + (dueWords !== "" ? ". " + dueWords : "")
                        onClicked: page.choose(personId)
                        contentItem: RowLayout {
                            spacing: Theme.spacing
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
                                    objectName: "itemKind"
                                    text: row.kindText
                                    font.bold: true
                                    font.pixelSize: Theme.bodySize
                                    wrapMode: Text.Wrap
                                    Layout.fillWidth: true
                                }
                                Label {
                                    objectName: "itemPerson"
                                    text: row.personName + " · " + row.crn
                                    textFormat: Text.PlainText
                                    wrapMode: Text.Wrap
                                    Layout.fillWidth: true
                                }
                                Label {
                                    objectName: "itemMessage"
                                    text: row.messageText
                                    textFormat: Text.PlainText
                                    color: Theme.muted
                                    wrapMode: Text.Wrap
                                    Layout.fillWidth: true
                                }
                                Label {
                                    objectName: "itemReason"
                                    visible: row.reasonWords !== ""
                                    text: row.reasonWords
                                    textFormat: Text.PlainText
                                    color: Theme.warning
                                    wrapMode: Text.Wrap
                                    Layout.fillWidth: true
                                }
                                Label {
                                    objectName: "itemVersions"
                                    visible: row.versionWords !== ""
                                    text: row.versionWords
                                    textFormat: Text.PlainText
                                    wrapMode: Text.Wrap
                                    Layout.fillWidth: true
                                }
                                Label {
                                    objectName: "itemDue"
                                    visible: row.dueWords !== ""
                                    text: (row.overdue ? "⚠ " : "◷ ") + row.dueWords
                                    color: row.overdue ? Theme.danger : Theme.muted
                                    font.bold: row.overdue
                                    wrapMode: Text.Wrap
                                    Layout.fillWidth: true
                                }
                                Label {
                                    visible: row.breachReferralRequired
                                    text: "⚠ " + qsTr("Breach referral required: a warning was given on this order within 12 months")
                                    color: Theme.danger
                                    font.bold: true
                                    wrapMode: Text.Wrap
                                    Layout.fillWidth: true
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
                    // No current row: a current row would take the keyboard focus from the
                    // search field in the header each time the rows change.
                    currentIndex: -1
                    keyNavigationEnabled: false
                    ScrollIndicator.vertical: ScrollIndicator {}
                    // Search and filters scroll with the list, so the people keep the room.
                    header: ColumnLayout {
                        width: caseloadList.width
                        spacing: 0
                        // A header that grows or shrinks (text size, the empty message)
                        // would otherwise leave the list scrolled part-way into it.
                        onImplicitHeightChanged: Qt.callLater(caseloadList.positionViewAtBeginning)

                        Label {
                            text: qsTr("Search by name or CRN")
                            font.pixelSize: Theme.smallSize
                            font.bold: true
                            wrapMode: Text.Wrap
                            leftPadding: Theme.margin
                            rightPadding: Theme.margin
                            topPadding: Theme.spacing
                            Layout.fillWidth: true
                        }
                        TextField {
                            id: searchField
                            objectName: "caseloadSearch"
                            text: page.app.caseload.search
                            font.pixelSize: Theme.bodySize
                            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                            implicitHeight: Math.max(Theme.touch, contentHeight + topPadding + bottomPadding)
                            Layout.fillWidth: true
                            Layout.leftMargin: Theme.margin
                            Layout.rightMargin: Theme.margin
                            Accessible.name: qsTr("Search by name or CRN")
                            onTextEdited: page.app.caseload.search = text
                        }
                        Flow {
                            id: chips
                            objectName: "caseloadFilters"
                            spacing: 8
                            Layout.fillWidth: true
                            Layout.margins: Theme.margin
                            Layout.topMargin: 8
                            Layout.bottomMargin: 8
                            FilterChip {
                                objectName: "filterAll"
                                value: ""
                                text: qsTr("Everyone (%1)").arg(page.app.caseload.totalCount)
                            }
                            FilterChip {
                                objectName: "filterBehindPace"
                                value: "behindPace"
                                text: qsTr("Behind pace (%1)").arg(page.app.caseload.behindPaceCount)
                            }
                            FilterChip {
                                objectName: "filterOverdue"
                                value: "overdue"
                                text: qsTr("Overdue items (%1)").arg(page.app.caseload.overdueCount)
                            }
                            FilterChip {
                                objectName: "filterAlerts"
                                value: "alerts"
                                text: qsTr("Alerts (%1)").arg(page.app.caseload.alertsCount)
                            }
                        }
                        Label {
                            visible: caseloadList.count === 0
                            padding: Theme.margin
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                            text: page.app.caseload.totalCount === 0
                                  ? qsTr("No progress has been received yet. Sync to fetch your caseload.")
                                  : qsTr("Nobody in your caseload matches. Clear the search or choose Everyone.")
                        }
                    }
                    delegate: ItemDelegate {
                        id: person
                        required property int index
                        required property string personId
                        required property string name
                        required property string crn
                        required property int requiredMinutes
                        required property int creditedMinutes
                        required property int eteAllowanceMinutes
                        required property int eteCreditedMinutes
                        required property string hoursText
                        required property string eteText
                        required property string projectedText
                        required property int openItems
                        required property int overdueItems
                        required property int alerts
                        required property bool behindPace
                        required property bool completed
                        objectName: "caseloadPerson_" + index
                        width: ListView.view.width
                        highlighted: page.wide && page.selectedPerson === personId
                        implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
                        leftPadding: Theme.margin
                        rightPadding: Theme.margin
                        Accessible.name: name + ", " + crn + ", " + hoursText
                        onClicked: page.choose(personId)
                        contentItem: ColumnLayout {
                            spacing: 4
                            Label {
                                objectName: "personName"
                                text: person.name
                                textFormat: Text.PlainText
                                font.bold: true
                                font.pixelSize: Theme.bodySize
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Label {
                                text: person.crn
                                textFormat: Text.PlainText
                                color: Theme.muted
                                font.pixelSize: Theme.smallSize
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
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
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
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
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Label {
                                visible: person.projectedText !== ""
                                text: (person.behindPace ? "⚠ " + qsTr("Behind pace") + " · " : "")
                                      + person.projectedText
                                color: person.behindPace ? Theme.warning : Theme.muted
                                font.bold: person.behindPace
                                font.pixelSize: Theme.smallSize
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Label {
                                visible: person.openItems > 0
                                text: "⚠ " + qsTr("Needs a decision: %1").arg(person.openItems)
                                      + (person.overdueItems > 0
                                         ? " · " + qsTr("%1 passed its respond-by date").arg(person.overdueItems)
                                         : "")
                                color: person.overdueItems > 0 ? Theme.danger : Theme.warning
                                font.pixelSize: Theme.smallSize
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Label {
                                visible: person.alerts > 0
                                text: "⚑ " + qsTr("Supervisor alerts: %1").arg(person.alerts)
                                color: Theme.danger
                                font.pixelSize: Theme.smallSize
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
            }
        }

        Rectangle {
            visible: page.wide
            color: Theme.stripBackground
            implicitWidth: 1
            Layout.fillHeight: true
        }

        // The chosen person beside the list (wide screens).
        Loader {
            id: detail
            objectName: "personPane"
            visible: page.wide
            active: page.wide && page.selectedPerson !== ""
            Layout.fillWidth: true
            Layout.fillHeight: true
            sourceComponent: PersonPage {
                app: page.app
                onBack: page.closePerson()
            }
            Label {
                anchors.fill: parent
                anchors.margins: Theme.margin
                visible: page.wide && !detail.active
                text: qsTr("Choose an item or a person to see their record here.")
                color: Theme.muted
                font.pixelSize: Theme.bodySize
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
        }
    }
}
