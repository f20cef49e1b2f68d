import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sitebook

// Signing out (and so switching user): opened by AppController.signOut() once the app knows
// what has not been sent. Signing out removes this user's records from the phone, so it is
// confirmed; over unsent changes it lists them and offers "Sync now" before anything is lost.
Dialog {
    id: dialog
    objectName: "signOutDialog"
    required property AppController app
    readonly property int unsent: app ? app.unsentChanges.length : 0

    modal: true
    closePolicy: Popup.CloseOnEscape
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 32 : 380, 440)
    height: Math.min(implicitHeight, parent ? parent.height - 32 : implicitHeight)
    title: dialog.unsent > 0 ? qsTr("Changes have not been sent") : qsTr("Sign out of Sitebook?")

    Connections {
        target: dialog.app
        function onSignOutRequested() { dialog.open() }
        function onSignedOut() { dialog.close() }
    }

    contentItem: ScrollView {
        id: scroll
        objectName: "signOutScroll"
        clip: true
        contentWidth: availableWidth
        implicitHeight: column.implicitHeight
        ColumnLayout {
            id: column
            width: scroll.availableWidth
            spacing: Theme.spacing
            Label {
                objectName: "signedInAs"
                text: qsTr("Signed in as %1 (%2).").arg(dialog.app ? dialog.app.userName : "")
                                                   .arg(dialog.app ? dialog.app.role : "")
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                Layout.fillWidth: true
            }
            Label {
                objectName: "unsentWarning"
                visible: dialog.unsent > 0
                text: "⚠ " + qsTr("%n change(s) have not been sent. Sync now, or sign out and lose them.", "", dialog.unsent)
                color: Theme.warning
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            Repeater {
                objectName: "unsentList"
                model: dialog.app ? dialog.app.unsentChanges : []
                delegate: Label {
                    required property string modelData
                    text: "• " + modelData
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                }
            }
            Label {
                text: dialog.unsent > 0
                      ? qsTr("Signing out removes everything on this phone, these changes too. Nobody else can get them back.")
                      : qsTr("Everything you recorded has reached the server. Signing out removes your records from this phone; they stay on the server. The next person signs in with their own account.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }

    footer: ColumnLayout {
        spacing: 4
        Button {
            objectName: "signOutSyncButton"
            visible: dialog.unsent > 0
            text: qsTr("Sync now")
            highlighted: true
            implicitHeight: Theme.touch
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            Accessible.name: qsTr("Sync now and stay signed in")
            onClicked: {
                dialog.close()
                if (dialog.app.sync)
                    dialog.app.sync.syncNow()
            }
        }
        Button {
            objectName: "signOutConfirmButton"
            text: dialog.unsent > 0 ? qsTr("Sign out and lose them") : qsTr("Sign out")
            enabled: dialog.app && !dialog.app.busy
            highlighted: dialog.unsent === 0
            implicitHeight: Theme.touch
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            Accessible.name: text
            onClicked: dialog.app.confirmSignOut(dialog.unsent > 0)
        }
        Button {
            objectName: "signOutCancelButton"
            text: qsTr("Stay signed in")
            flat: true
            implicitHeight: Theme.touch
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            Layout.bottomMargin: 8
            Accessible.name: text
            onClicked: dialog.close()
        }
    }
}
