pragma Singleton
import QtQuick

// Sizes and colours shared by the screens. Colour never carries meaning alone: every coloured
// state also has an icon and words.
//
// Text scales with `fontScale` (1 to 2, the user's "Text size" setting, AppController.fontScale):
// every font size comes from here or from px(); touch targets grow with it so larger text still
// fits inside them.
QtObject {
    property real fontScale: 1.0

    readonly property color primary: "#1d4f91"
    readonly property color accent: "#00796b"
    readonly property color error: "#b00020"
    readonly property color warning: "#8a4b00"
    readonly property color warningBackground: "#fff3e0"
    readonly property color ok: "#1b5e20"
    readonly property color danger: "#b00020"
    readonly property color muted: "#5f6368"
    readonly property color stripBackground: "#eceff1"
    readonly property int touch: Math.round(48 * Math.max(1, 0.75 * fontScale))  // minimum touch target
    readonly property int spacing: 12
    readonly property int margin: 16
    readonly property int baseSize: px(14)   // the controls' own text (Material body)
    readonly property int titleSize: px(20)
    readonly property int bodySize: px(16)
    readonly property int smallSize: px(14)

    // A font size in pixels at the current text scale.
    function px(size) {
        return Math.round(size * fontScale)
    }
}
