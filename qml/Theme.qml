pragma Singleton
import QtQuick

// Sizes and colours shared by the screens. Colour never carries meaning alone: every coloured
// state also has an icon and words.
QtObject {
    readonly property color primary: "#1d4f91"
    readonly property color accent: "#00796b"
    readonly property color error: "#b00020"
    readonly property color warning: "#8a4b00"
    readonly property color warningBackground: "#fff3e0"
    readonly property color ok: "#1b5e20"
    readonly property color danger: "#b00020"
    readonly property color muted: "#5f6368"
    readonly property color stripBackground: "#eceff1"
    readonly property int touch: 48          // minimum touch target
    readonly property int spacing: 12
    readonly property int margin: 16
    readonly property int titleSize: 20
    readonly property int bodySize: 16
    readonly property int smallSize: 14
}
