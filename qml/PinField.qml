import QtQuick
import QtQuick.Controls

TextField {
    echoMode: TextInput.Password
    inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
    maximumLength: 12
    validator: RegularExpressionValidator { regularExpression: /[0-9]{0,12}/ }
    font.pixelSize: Theme.px(24)
    font.letterSpacing: 4
    horizontalAlignment: TextInput.AlignHCenter
    implicitHeight: Theme.touch + 8
}
