#include "outcome_code_model.h"

#include "labels.h"
#include "qt_text.h"
#include "sitebook/domain/codes.h"

namespace sitebook::ui {

using namespace domain;

OutcomeCodeModel::OutcomeCodeModel(QObject* parent) : QAbstractListModel(parent) {
    for (OutcomeCode c : allValues<OutcomeCode>()) {
        if (supervisorMayChoose(c))
            codes_ << toQString(wireText(c));
    }
}

int OutcomeCodeModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(codes_.size());
}

QVariant OutcomeCodeModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const QString& code = codes_.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case LabelRole:
            return labels::outcome(code);
        case CodeRole:
            return code;
        case HintRole:
            return labels::outcomeHint(code);
        case AttendedRole:
            return isAttended(code);
        case EnforceableRole:
            return isEnforceable(code);
        default:
            return {};
    }
}

QHash<int, QByteArray> OutcomeCodeModel::roleNames() const {
    return {{CodeRole, "code"},
            {LabelRole, "label"},
            {HintRole, "hint"},
            {AttendedRole, "attended"},
            {EnforceableRole, "enforceable"}};
}

int OutcomeCodeModel::indexOfCode(const QString& code) const {
    return static_cast<int>(codes_.indexOf(code));
}

QString OutcomeCodeModel::labelFor(const QString& code) {
    return labels::outcome(code);
}

bool OutcomeCodeModel::isAttended(const QString& code) {
    return Outcome::fromText(toStdString(code)).isAttended();
}

bool OutcomeCodeModel::isEnforceable(const QString& code) {
    return Outcome::fromText(toStdString(code)).isEnforceable();
}

}  // namespace sitebook::ui
