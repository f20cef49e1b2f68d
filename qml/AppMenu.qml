import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sitebook

// The menu of every home screen: who is signed in, the page's own entries (e.g. "Today"),
// text size, language, lock now and sign out. A side sheet whose entries wrap and grow with
// the text, so nothing in it is cut short at 200 % or in Welsh. Pages put their own entries
// inside it as AppMenu.Entry children.
Drawer {
    id: menu
    objectName: "appMenu"
    required property AppController app
    default property alias entries: pageEntries.data

    edge: Qt.RightEdge
    dragMargin: 0  // opened from the ☰ button only, so a swipe near the edge stays on the page
    width: Math.min(parent ? parent.width * 0.9 : 360, Math.max(320, Theme.px(320)))
    height: parent ? parent.height : 640
    padding: 0

    // One entry: a row that wraps its words and grows with them; `mark` (optional) shows
    // which of a set of choices is on.
    component Entry: ItemDelegate {
        id: entry
        property string mark: ""
        Layout.fillWidth: true
        implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
        leftPadding: Theme.margin
        rightPadding: Theme.margin
        Accessible.name: entry.text
        contentItem: RowLayout {
            spacing: Theme.spacing
            Label {
                visible: entry.mark !== ""
                text: entry.mark
                color: Theme.primary
                font.pixelSize: Theme.bodySize
                Accessible.ignored: true
            }
            Label {
                text: entry.text
                font.pixelSize: Theme.bodySize
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }
    component Heading: Label {
        font.pixelSize: Theme.smallSize
        font.bold: true
        color: Theme.muted
        wrapMode: Text.Wrap
        topPadding: Theme.spacing
        leftPadding: Theme.margin
        rightPadding: Theme.margin
        Layout.fillWidth: true
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    contentItem: Flickable {
        clip: true
        contentHeight: column.implicitHeight
        boundsBehavior: Flickable.StopAtBounds
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: column
            width: parent.width
            spacing: 0

            Label {
                text: qsTr("Sitebook")
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.primary
                wrapMode: Text.Wrap
                padding: Theme.margin
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                objectName: "signedInAs"
                text: menu.app.userName !== "" ? qsTr("Signed in as %1").arg(menu.app.userName)
                                               : qsTr("Not signed in: the data is on this phone only")
                font.pixelSize: Theme.smallSize
                wrapMode: Text.Wrap
                leftPadding: Theme.margin
                rightPadding: Theme.margin
                bottomPadding: Theme.spacing
                Layout.fillWidth: true
            }

            ColumnLayout {
                id: pageEntries
                spacing: 0
                Layout.fillWidth: true
            }

            MenuSeparator { Layout.fillWidth: true }
            Heading { text: qsTr("Text size") }
            // The model holds no translated text, so switching the language keeps the entries.
            Repeater {
                model: [1, 1.5, 2]
                delegate: Entry {
                    required property real modelData
                    objectName: "textSize" + Math.round(modelData * 100)
                    text: modelData === 1 ? qsTr("Standard")
                          : modelData === 1.5 ? qsTr("Large (150 %)") : qsTr("Largest (200 %)")
                    mark: Math.abs(menu.app.fontScale - modelData) < 0.01 ? "●" : "○"
                    Accessible.role: Accessible.RadioButton
                    Accessible.checkable: true
                    Accessible.checked: mark === "●"
                    onClicked: menu.app.fontScale = modelData
                }
            }

            MenuSeparator { Layout.fillWidth: true }
            Heading { text: qsTr("Language") }
            // Each language by its own name, as people look for it.
            Repeater {
                model: [
                    { code: "en", label: "English" },
                    { code: "cy", label: "Cymraeg" }
                ]
                delegate: Entry {
                    required property var modelData
                    objectName: "language_" + modelData.code
                    text: modelData.label
                    mark: menu.app.language === modelData.code ? "●" : "○"
                    Accessible.role: Accessible.RadioButton
                    Accessible.checkable: true
                    Accessible.checked: mark === "●"
                    onClicked: menu.app.language = modelData.code
                }
            }

            MenuSeparator { Layout.fillWidth: true }
            Entry {
                objectName: "lockNowItem"
                text: qsTr("Lock now")
                onClicked: {
                    menu.close()
                    menu.app.lock()
                }
            }
            Entry {
                objectName: "signOutItem"
                // Only where this build can sign out.
                visible: typeof menu.app.signOut === "function"
                text: qsTr("Sign out")
                onClicked: {
                    menu.close()
                    menu.app.signOut()
                }
            }
            Entry {
                objectName: "closeMenuItem"
                text: qsTr("Close the menu")
                onClicked: menu.close()
            }
        }
    }
}
