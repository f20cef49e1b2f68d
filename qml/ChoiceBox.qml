import QtQuick
import QtQuick.Controls
import Sitebook

// Picks one reference value (rating, work category, skill level). `value` is the wire text.
ComboBox {
    id: box
    property string value
    property int kind: ChoiceModel.Ratings
    signal picked(string value)

    implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
    model: ChoiceModel {
        id: choices
        kind: box.kind
    }
    textRole: "label"
    valueRole: "value"
    currentIndex: choices.indexOfValue(value)
    displayText: currentIndex < 0 ? qsTr("Choose…") : currentText
    onActivated: picked(currentValue)
}
