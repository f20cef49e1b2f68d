import QtQuick
import QtQuick.Controls

TextField {
    echoMode: TextInput.Password
    inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
    maximumLength: 16
    validator: RegularExpressionValidator { regularExpression: /[0-9]{0,16}/ }
    font.pixelSize: Theme.px(24)
    font.letterSpacing: 4
    horizontalAlignment: TextInput.AlignHCenter
    implicitHeight: Theme.touch + 8
}
